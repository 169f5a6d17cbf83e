package io.annals.benchmarks;

import io.annals.core.command.CommandHandler;
import jakarta.enterprise.context.ApplicationScoped;

/** Answers at once: the dispatch case measures the bus, not the handler. */
@ApplicationScoped
class PingHandler implements CommandHandler<Ping, Long> {

    @Override
    public Long execute(Ping command) {
        return command.sequence();
    }
}
