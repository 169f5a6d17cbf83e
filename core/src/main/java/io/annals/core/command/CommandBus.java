package io.annals.core.command;

import io.annals.core.aggregate.KeptLoads;
import io.annals.core.aggregate.StaleVersionException;
import io.annals.core.context.AsyncContext;
import io.annals.core.context.ContextActivator;
import io.annals.core.context.DispatchOptions;
import io.annals.core.context.DispatchState;
import io.annals.core.discovery.ApplicationInstances;
import io.annals.core.dispatch.AnnalsExecutor;
import io.annals.core.dispatch.HandlerRegistry;
import io.annals.core.dispatch.HandlerRegistry.ResolvedHandler;
import io.annals.core.dispatch.MessageValidator;
import io.annals.core.event.EventSerializer;
import io.annals.core.store.DuplicateCommandException;
import io.annals.core.store.EventStore;
import io.annals.core.store.ProcessedCommand;
import io.annals.core.store.StreamVersionConflictException;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;

/**
 * Dispatches commands to their handlers. Every dispatch runs in an active CDI request context with
 * the command's {@link AsyncContext} restored, validates the command first, and:
 * <ul>
 *   <li>retries a handler whose append lost a version race, until a 10 s deadline
 *       ({@link CommandConflictException}), unless the race was on the stream whose version the
 *       caller pinned ({@link StaleVersionException});</li>
 *   <li>runs a command with an id at most once: a repeat returns the recorded outcome without
 *       calling the handler.</li>
 * </ul>
 */
@ApplicationScoped
public class CommandBus {

    static final Duration RETRY_DEADLINE = Duration.ofSeconds(10);

    /** How long a repeat waits for a concurrent first run, whose events are stored, to record its outcome. */
    static final Duration OUTCOME_WAIT = Duration.ofSeconds(1);

    @Inject
    HandlerRegistry handlers;

    @Inject
    ContextActivator contexts;

    @Inject
    MessageValidator validator;

    @Inject
    AnnalsExecutor executor;

    @Inject
    EventStore store;

    @Inject
    EventSerializer serializer;

    @Inject
    BeanManager beans;

    /** Core's collaborators are called directly, not through their client proxies ({@link ApplicationInstances}). */
    @PostConstruct
    void callCollaboratorsDirectly() {
        handlers = ApplicationInstances.behind(beans, HandlerRegistry.class, handlers);
        contexts = ApplicationInstances.behind(beans, ContextActivator.class, contexts);
        validator = ApplicationInstances.behind(beans, MessageValidator.class, validator);
        store = ApplicationInstances.behind(beans, EventStore.class, store);
        serializer = ApplicationInstances.behind(beans, EventSerializer.class, serializer);
    }

    /** Runs the command on the managed executor in the caller's context (or a new one). */
    public <R> CompletionStage<R> execute(Command<R> command) {
        Objects.requireNonNull(command, "command");
        return execute(command, contextFor(command), DispatchOptions.NONE);
    }

    public <R> CompletionStage<R> execute(Command<R> command, AsyncContext context) {
        return execute(command, context, DispatchOptions.NONE);
    }

    public <R> CompletionStage<R> execute(Command<R> command, AsyncContext context, DispatchOptions options) {
        Objects.requireNonNull(command, "command");
        Objects.requireNonNull(context, "context");
        Objects.requireNonNull(options, "options");
        CompletableFuture<R> future;
        try {
            future = CompletableFuture.supplyAsync(() -> dispatch(command, caller -> context, options), executor.executor());
        } catch (RejectedExecutionException saturated) {
            return CompletableFuture.failedFuture(saturated);
        }
        Duration timeout = options.timeout();
        if (timeout == null) {
            return future;
        }
        return future.orTimeout(timeout.toNanos(), TimeUnit.NANOSECONDS).exceptionallyCompose(failure -> {
            Throwable cause = failure instanceof CompletionException ? failure.getCause() : failure;
            return CompletableFuture.failedFuture(cause instanceof TimeoutException
                    ? new CommandTimeoutException(command.getClass(), timeout) : cause);
        });
    }

    /** Runs the command on the calling thread and returns its result or throws its exception. */
    public <R> R executeBlocking(Command<R> command) {
        Objects.requireNonNull(command, "command");
        return dispatch(command, caller -> AsyncContext.of(command).or(() -> caller).orElseGet(AsyncContext::create),
                DispatchOptions.NONE);
    }

    public <R> R executeBlocking(Command<R> command, AsyncContext context) {
        return executeBlocking(command, context, DispatchOptions.NONE);
    }

    public <R> R executeBlocking(Command<R> command, AsyncContext context, DispatchOptions options) {
        Objects.requireNonNull(command, "command");
        Objects.requireNonNull(context, "context");
        Objects.requireNonNull(options, "options");
        return dispatch(command, caller -> context, options);
    }

    private AsyncContext contextFor(Object command) {
        return AsyncContext.of(command).or(contexts::callerContext).orElseGet(AsyncContext::create);
    }

    private <R> R dispatch(Command<R> command, Function<Optional<AsyncContext>, AsyncContext> context,
                           DispatchOptions options) {
        ResolvedHandler handler = handlers.forCommand(command.getClass());
        return contexts.callIn(context, options, () -> {
            validator.validate(command);
            if (options.commandId() != null) {
                Optional<ProcessedCommand> earlier = store.processedCommand(options.commandId());
                if (earlier.isPresent()) {
                    return outcomeOf(earlier.get(), handler);
                }
            }
            return runWithRetries(command, handler, options);
        });
    }

    @SuppressWarnings("unchecked")
    private <R> R runWithRetries(Command<R> command, ResolvedHandler handler, DispatchOptions options) {
        CommandHandler<Command<R>, R> target = (CommandHandler<Command<R>, R>) handler.reference();
        long deadline = System.nanoTime() + RETRY_DEADLINE.toNanos();
        DispatchState state = contexts.dispatch().orElseThrow();
        state.acceptKeptStates();
        for (int attempt = 1; ; attempt++) {
            try {
                R result = runConfirmed(target, command, state);
                if (state.commandIdRecorded()) {
                    store.recordCommandOutcome(options.commandId(), serializer.write(result));
                }
                return result;
            } catch (StreamVersionConflictException conflict) {
                if (state.pins(conflict.streamId())) {
                    throw new StaleVersionException(conflict.streamId(), options.expectedVersion().getAsLong(), conflict.actual());
                }
                Optional<ProcessedCommand> firstRun = options.commandId() == null || state.commandIdRecorded()
                        ? Optional.empty() : store.processedCommand(options.commandId());
                if (firstRun.isPresent()) {
                    // a concurrent dispatch of this very command won the race: it is done, not to be redone
                    return outcomeOf(firstRun.get(), handler);
                }
                if (System.nanoTime() > deadline) {
                    throw new CommandConflictException(command.getClass(), RETRY_DEADLINE, conflict);
                }
                state.resetAttempt();
                backOff(attempt);
            } catch (DuplicateCommandException repeat) {
                return outcomeOf(store.processedCommand(repeat.commandId()).orElseThrow(() -> repeat), handler);
            }
        }
    }

    /**
     * Runs the handler once; its outcome, returned or thrown, counts only if every aggregate it
     * loaded from kept state is still current ({@link KeptLoads}), else a conflict makes the bus
     * run it again. A failure to check leaves the handler's own failure standing.
     */
    private <R> R runConfirmed(CommandHandler<Command<R>, R> target, Command<R> command, DispatchState state) {
        R result;
        try {
            result = target.execute(command);
        } catch (StreamVersionConflictException conflict) {
            throw conflict;
        } catch (RuntimeException failure) {
            try {
                KeptLoads.confirm(state, store, null);
            } catch (StreamVersionConflictException moved) {
                throw moved;
            } catch (RuntimeException unchecked) {
                failure.addSuppressed(unchecked);
            }
            throw failure;
        }
        KeptLoads.confirm(state, store, null);
        return result;
    }

    /**
     * The recorded outcome of a command that already ran. A first run that is still between its
     * append and recording its outcome gets {@link #OUTCOME_WAIT} to finish.
     */
    @SuppressWarnings("unchecked")
    private <R> R outcomeOf(ProcessedCommand processed, ResolvedHandler handler) {
        ProcessedCommand settled = processed;
        long deadline = System.nanoTime() + OUTCOME_WAIT.toNanos();
        for (int attempt = 1; settled.outcome().isEmpty() && System.nanoTime() < deadline; attempt++) {
            backOff(attempt);
            settled = store.processedCommand(processed.commandId()).orElse(settled);
        }
        String outcome = settled.outcome().orElseThrow(() -> new CommandAlreadyProcessedException(processed.commandId()));
        return (R) serializer.read(outcome, handler.binding().resultType());
    }

    private static void backOff(int attempt) {
        long maxMillis = Math.min(50, 1L << Math.min(attempt, 6));
        try {
            Thread.sleep(ThreadLocalRandom.current().nextLong(1, maxMillis + 1));
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while retrying a command", interrupted);
        }
    }
}
