package io.annals.web.admin;

import io.annals.core.processor.ProcessorStatus;
import io.annals.core.processor.RebuildProgress;
import java.util.Locale;

/** A projection's, saga's or forwarder's status as the admin API shows it. */
public record ProcessorJson(String name, String kind, long position, long head, long lag, String state, String lastError,
                            Progress progress) {

    public static ProcessorJson of(ProcessorStatus status) {
        return new ProcessorJson(status.name(), status.kind().name().toLowerCase(Locale.ROOT), status.position(), status.head(),
                status.lag(), status.state().name().toLowerCase(Locale.ROOT), status.lastError(), Progress.of(status.progress()));
    }

    /** How far a rebuild has come: events done of total, events per second; null unless rebuilding. */
    public record Progress(long done, long total, double rate) {

        static Progress of(RebuildProgress progress) {
            return progress == null ? null : new Progress(progress.done(), progress.total(), progress.rate());
        }
    }
}
