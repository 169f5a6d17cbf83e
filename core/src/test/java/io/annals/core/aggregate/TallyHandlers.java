package io.annals.core.aggregate;

import io.annals.core.command.CommandHandler;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.concurrent.atomic.AtomicInteger;

/** The tally command handlers; each counts its attempts, so a test sees the bus retry. */
final class TallyHandlers {

    static final Class<?>[] BEANS = {Tallies.class, Rival.class, CountHandler.class, CountBothHandler.class,
        CountInTurnHandler.class};

    private TallyHandlers() {
    }

    @ApplicationScoped
    static class CountHandler implements CommandHandler<Count, Long> {
        private final AtomicInteger attempts = new AtomicInteger();

        @Inject
        Tallies tallies;

        @Inject
        Rival rival;

        @Override
        public Long execute(Count command) {
            attempts.incrementAndGet();
            Tally tally = tallies.find(command.tally()).orElseGet(() -> tallies.create(command.tally()));
            rival.interfereIfArmed(tallies.streamId(command.tally()));
            tally.count(command.amount());
            return tallies.save(tally);
        }

        int attempts() {
            return attempts.get();
        }
    }

    @ApplicationScoped
    static class CountBothHandler implements CommandHandler<CountBoth, Long> {
        private final AtomicInteger attempts = new AtomicInteger();

        @Inject
        Tallies tallies;

        @Inject
        Rival rival;

        @Override
        public Long execute(CountBoth command) {
            attempts.incrementAndGet();
            Tally pinned = tallies.load(command.pinned());
            Tally other = tallies.load(command.other());
            rival.interfereIfArmed(tallies.streamId(command.other()));
            pinned.count(command.amount());
            other.count(command.amount());
            tallies.save(other);
            return tallies.save(pinned);
        }

        int attempts() {
            return attempts.get();
        }
    }

    @ApplicationScoped
    static class CountInTurnHandler implements CommandHandler<CountInTurn, Long> {
        private final AtomicInteger attempts = new AtomicInteger();

        @Inject
        Tallies tallies;

        @Inject
        Rival rival;

        @Override
        public Long execute(CountInTurn command) {
            attempts.incrementAndGet();
            Tally first = tallies.load(command.first());
            first.count(command.amount());
            tallies.save(first);
            Tally second = tallies.load(command.second());
            rival.interfereIfArmed(tallies.streamId(command.second()));
            second.count(command.amount());
            return tallies.save(second);
        }

        int attempts() {
            return attempts.get();
        }
    }
}
