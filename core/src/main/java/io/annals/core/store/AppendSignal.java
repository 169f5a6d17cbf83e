package io.annals.core.store;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Tells local listeners (the processors) that events were appended, so they wake at once instead of
 * waiting for their next poll. Appends made by other processes are found by polling.
 */
@ApplicationScoped
public class AppendSignal {

    private final List<Runnable> listeners = new CopyOnWriteArrayList<>();

    public void subscribe(Runnable listener) {
        listeners.add(listener);
    }

    public void unsubscribe(Runnable listener) {
        listeners.remove(listener);
    }

    public void appended() {
        for (Runnable listener : listeners) {
            listener.run();
        }
    }
}
