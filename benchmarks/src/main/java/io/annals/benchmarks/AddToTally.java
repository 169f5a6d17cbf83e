package io.annals.benchmarks;

import io.annals.core.command.Command;
import io.annals.core.command.CommandHandler;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.constraints.NotNull;
import java.util.UUID;

/** Adds to an existing tally: load, one event, save. */
record AddToTally(@NotNull UUID id, long amount) implements Command<Long> {

    @ApplicationScoped
    static class Handler implements CommandHandler<AddToTally, Long> {
        @Inject
        Tallies tallies;

        @Override
        public Long execute(AddToTally command) {
            Tally tally = tallies.load(command.id());
            tally.add(command.amount());
            return tallies.save(tally);
        }
    }
}
