package io.annals.bank;

import io.annals.core.processor.CheckpointStore;
import io.annals.core.processor.InMemoryCheckpointStore;
import io.annals.core.store.EventStore;
import io.annals.core.store.InMemoryEventStore;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.spi.AfterBeanDiscovery;
import jakarta.enterprise.inject.spi.Extension;
import org.jboss.weld.environment.se.WeldContainer;

/**
 * Storage that outlives the application: every {@link #boot} starts a fresh container (a restart)
 * over the same event store and durable checkpoints.
 */
final class Machine {

    final EventStore events = new InMemoryEventStore();
    final CheckpointStore checkpoints = new InMemoryCheckpointStore();

    WeldContainer boot() {
        return boot(checkpoints);
    }

    /** Boots with another checkpoint store, e.g. one that dies before it writes, or an empty one. */
    WeldContainer boot(CheckpointStore checkpointStore) {
        return BankWeld.weld().addExtension(new Storage(events, checkpointStore)).initialize();
    }

    /** Checkpoints of a process that dies after {@code processor} handled a batch, before its checkpoint is written. */
    CheckpointStore dyingAfterBatchOf(String processor) {
        return new CheckpointStore() {
            @Override
            public long position(String name) {
                return checkpoints.position(name);
            }

            @Override
            public void commit(String name, long position, Runnable batch) {
                if (!name.equals(processor)) {
                    checkpoints.commit(name, position, batch);
                    return;
                }
                batch.run();
                throw new ProcessDied();
            }

            @Override
            public void reset(String name) {
                checkpoints.reset(name);
            }
        };
    }

    /** The simulated end of the process. */
    static final class ProcessDied extends RuntimeException {
        ProcessDied() {
            super("the process died before the checkpoint was written");
        }
    }

    /** Adds the machine's stores as beans of every container booted on it. */
    private static final class Storage implements Extension {
        private final EventStore events;
        private final CheckpointStore checkpoints;

        Storage(EventStore events, CheckpointStore checkpoints) {
            this.events = events;
            this.checkpoints = checkpoints;
        }

        void addStores(@Observes AfterBeanDiscovery discovery) {
            discovery.addBean().types(EventStore.class, Object.class).createWith(context -> events);
            discovery.addBean().types(CheckpointStore.class, Object.class).createWith(context -> checkpoints);
        }
    }
}
