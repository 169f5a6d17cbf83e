package io.annals.benchmarks;

import io.annals.core.command.Command;
import io.annals.core.command.CommandHandler;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.constraints.NotNull;
import java.util.UUID;

/** Opens a new tally: one event on a new stream. */
record OpenTally(@NotNull UUID id) implements Command<Long> {

    @ApplicationScoped
    static class Handler implements CommandHandler<OpenTally, Long> {
        @Inject
        Tallies tallies;

        @Override
        public Long execute(OpenTally command) {
            Tally tally = tallies.create(command.id());
            tally.open();
            return tallies.save(tally);
        }
    }
}
