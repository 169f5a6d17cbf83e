package io.annals.web.admin;

import io.annals.core.processor.ForwarderStatus;
import java.util.Locale;

/** A forwarder's progress: checkpoint, lag, state and failed deliveries since start. */
public record ForwarderJson(String name, long position, long lag, String state, long failures) {

    static ForwarderJson of(ForwarderStatus status) {
        return new ForwarderJson(status.name(), status.position(), status.lag(), status.state().name().toLowerCase(Locale.ROOT),
                status.failures());
    }
}
