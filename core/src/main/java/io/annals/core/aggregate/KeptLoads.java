package io.annals.core.aggregate;

import io.annals.core.context.DispatchState;
import io.annals.core.context.DispatchState.KeptLoad;
import io.annals.core.store.EventStore;
import io.annals.core.store.ExpectedVersion;
import io.annals.core.store.StreamVersionConflictException;
import java.util.Iterator;
import java.util.Map;

/**
 * Confirms the aggregates a command loaded from kept state against the store. Within a command a
 * repository trusts the state its last save kept and does not read the stream: the append of the
 * command's events, which expects that version, proves it current. A load no append confirmed (the
 * command was refused, produced no events, or saves another aggregate first) is confirmed here by
 * reading its stream's version; if another writer moved the stream, the kept state is dropped and
 * a {@link StreamVersionConflictException} makes the command bus run the command again on fresh state.
 */
public final class KeptLoads {

    private KeptLoads() {
    }

    /** Confirms every unconfirmed kept load of the dispatch except {@code exceptStream} (null: all of them). */
    public static void confirm(DispatchState dispatch, EventStore store, String exceptStream) {
        Iterator<Map.Entry<String, KeptLoad>> loads = dispatch.unconfirmedKeptLoads().entrySet().iterator();
        while (loads.hasNext()) {
            Map.Entry<String, KeptLoad> load = loads.next();
            if (load.getKey().equals(exceptStream)) {
                continue;
            }
            long actual = store.streamVersion(load.getKey());
            if (actual != load.getValue().version()) {
                load.getValue().forget().run();
                throw new StreamVersionConflictException(load.getKey(), ExpectedVersion.exactly(load.getValue().version()),
                        actual);
            }
            loads.remove();
        }
    }
}
