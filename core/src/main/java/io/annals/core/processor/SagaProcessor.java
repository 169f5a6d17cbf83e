package io.annals.core.processor;

import io.annals.core.command.Command;
import io.annals.core.command.CommandAlreadyProcessedException;
import io.annals.core.command.CommandBus;
import io.annals.core.context.AsyncContext;
import io.annals.core.context.DispatchOptions;
import io.annals.core.discovery.HandlerMethod;
import io.annals.core.discovery.SagaDefinition;
import io.annals.core.event.EventEnvelope;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Runs a saga bean's steps: the commands a step returns are dispatched with the event's correlation
 * id, the event id as causation id and a command id derived from (saga, event, index), so a
 * re-delivered event finds its commands already processed (a command that ran but whose outcome
 * was lost in a crash counts as done: a saga does not use the outcome).
 */
final class SagaProcessor implements EventProcessor {

    private final SagaDefinition saga;
    private final Object target;
    private final CommandBus commands;

    SagaProcessor(SagaDefinition saga, Object target, CommandBus commands) {
        this.saga = saga;
        this.target = target;
        this.commands = commands;
    }

    @Override
    public String name() {
        return saga.name();
    }

    @Override
    public ProcessorKind kind() {
        return ProcessorKind.SAGA;
    }

    @Override
    public Set<Class<?>> eventTypes() {
        return saga.steps().stream().map(HandlerMethod::eventType).collect(Collectors.toSet());
    }

    @Override
    public void handle(EventEnvelope<?> event) {
        for (HandlerMethod step : saga.steps()) {
            if (step.eventType() == event.payload().getClass()) {
                dispatch(event, commandsOf(step.invoke(target, event)));
            }
        }
    }

    private void dispatch(EventEnvelope<?> event, List<Command<?>> reactions) {
        AsyncContext context = AsyncContext.withCorrelation(event.metadata().correlationId() != null
                        ? event.metadata().correlationId() : event.eventId().toString())
                .withCausation(event.eventId().toString())
                .withPrincipal(event.metadata().principal())
                .withTenant(event.metadata().tenant());
        for (int i = 0; i < reactions.size(); i++) {
            try {
                commands.executeBlocking(reactions.get(i), context, DispatchOptions.withCommandId(commandId(event, i)));
            } catch (CommandAlreadyProcessedException alreadyRan) {
                // a crash came between the command's append and its outcome: the command did run, once
            }
        }
    }

    private UUID commandId(EventEnvelope<?> event, int index) {
        return UUID.nameUUIDFromBytes((name() + "/" + event.eventId() + "/" + index).getBytes(StandardCharsets.UTF_8));
    }

    private static List<Command<?>> commandsOf(Object returned) {
        if (returned == null) {
            return List.of();
        }
        if (returned instanceof Command<?> command) {
            return List.of(command);
        }
        return ((Collection<?>) returned).stream().<Command<?>>map(c -> (Command<?>) c).toList();
    }
}
