package io.annals.core.testing.tally;

import io.annals.core.processor.RebuildScope;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The tally read model in memory. Inside a {@link TransactionalCheckpoints} commit its writes are
 * held back and applied only when the commit succeeds, the way a database transaction would.
 */
public class InMemoryTallyStore implements TallyStore {

    private static final class Model {
        private final Map<String, Long> totals = new HashMap<>();
        private final List<Long> positions = new ArrayList<>();

        synchronized void add(String counter, long amount, long position) {
            totals.merge(counter, amount, Long::sum);
            positions.add(position);
        }

        synchronized Map<String, Long> totals() {
            return Map.copyOf(totals);
        }

        synchronized List<Long> positions() {
            return List.copyOf(positions);
        }
    }

    private final ThreadLocal<List<Runnable>> pending = new ThreadLocal<>();
    private volatile Model live = new Model();
    private volatile Model rebuilding;

    @Override
    public void add(String counter, long amount, long position) {
        Model target = RebuildScope.isActive() ? rebuilding : live;
        if (target == null) {
            throw new IllegalStateException("a rebuild writes but none was started");
        }
        Runnable write = () -> target.add(counter, amount, position);
        List<Runnable> transaction = pending.get();
        if (transaction != null) {
            transaction.add(write);
        } else {
            write.run();
        }
    }

    @Override
    public Map<String, Long> totals() {
        return live.totals();
    }

    @Override
    public List<Long> appliedPositions() {
        return live.positions();
    }

    @Override
    public synchronized void startRebuild() {
        rebuilding = new Model();
    }

    @Override
    public synchronized void switchToRebuilt() {
        live = rebuilding;
        rebuilding = null;
    }

    @Override
    public synchronized void abandonRebuild() {
        rebuilding = null;
    }

    void begin() {
        pending.set(new ArrayList<>());
    }

    void commitWrites() {
        List<Runnable> writes = pending.get();
        pending.remove();
        writes.forEach(Runnable::run);
    }

    void rollback() {
        pending.remove();
    }
}
