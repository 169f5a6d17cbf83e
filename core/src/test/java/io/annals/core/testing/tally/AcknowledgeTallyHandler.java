package io.annals.core.testing.tally;

import io.annals.core.command.CommandHandler;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** Stores the acknowledgement; the failure plan may "crash" right after. */
@ApplicationScoped
public class AcknowledgeTallyHandler implements CommandHandler<AcknowledgeTally, Long> {

    @Inject
    AcknowledgementRepository acknowledgements;

    @Inject
    FailurePlan plan;

    @Override
    public Long execute(AcknowledgeTally command) {
        Acknowledgements counter = acknowledgements.find(command.counter())
                .orElseGet(() -> acknowledgements.create(command.counter()));
        counter.acknowledge(command.position());
        long version = acknowledgements.save(counter);
        plan.afterCommand();
        return version;
    }
}
