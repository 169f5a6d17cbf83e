package io.annals.web.http;

import io.annals.core.command.Command;
import io.annals.core.command.CommandBus;
import io.annals.core.context.AsyncContext;
import io.annals.core.context.CurrentContext;
import io.annals.core.context.DispatchOptions;
import io.annals.core.query.Query;
import io.annals.core.query.QueryBus;
import io.annals.web.ops.CommandMetrics;
import io.annals.web.problem.BadRequestException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How resources reach the buses: dispatches on the request thread in the request's context, with
 * the request's {@code If-Match} as the pinned version and, for a request with an idempotency key,
 * a command id derived from it (so a retry after a crash cannot act twice). One instance serves every
 * request (as do the resources): the request and context it reads are the container's
 * request-aware proxies, and creating beans per request cost more than a deposit's dispatch.
 */
@ApplicationScoped
public class CommandGateway {

    /** Request attribute with the command id the idempotency filter derived. */
    public static final String COMMAND_ID = CommandGateway.class.getName() + ".commandId";
    private static final Pattern ENTITY_TAG = Pattern.compile("(?:W/)?\"(\\d{1,18})\"");

    @Inject
    CommandBus commands;

    @Inject
    QueryBus queries;

    @Inject
    CurrentContext current;

    @Inject
    HttpServletRequest request;

    @Inject
    CommandMetrics metrics;

    /** Runs a command that creates an aggregate (If-Match does not apply). */
    public <R> R create(Command<R> command) {
        return dispatch(command, baseOptions());
    }

    /** Runs a command on an existing aggregate, honouring {@code If-Match}. */
    public <R> R send(Command<R> command) {
        DispatchOptions options = baseOptions();
        String ifMatch = request.getHeader("If-Match");
        if (ifMatch != null && !ifMatch.trim().equals("*")) {
            Matcher tag = ENTITY_TAG.matcher(ifMatch.trim());
            if (!tag.matches()) {
                throw BadRequestException.field("If-Match", "must be an entity tag such as \"3\"");
            }
            options = options.expectedVersion(Long.parseLong(tag.group(1)));
        }
        return dispatch(command, options);
    }

    public <R> R ask(Query<R> query) {
        return queries.executeBlocking(query, context());
    }

    private <R> R dispatch(Command<R> command, DispatchOptions options) {
        R result;
        try {
            result = commands.executeBlocking(command, context(), options);
        } catch (RuntimeException failure) {
            metrics.failed(command);
            throw failure;
        }
        metrics.handled(command);
        return result;
    }

    private DispatchOptions baseOptions() {
        Object commandId = request.getAttribute(COMMAND_ID);
        return commandId instanceof UUID id ? DispatchOptions.withCommandId(id) : DispatchOptions.NONE;
    }

    private AsyncContext context() {
        return current.get().orElseGet(AsyncContext::create);
    }
}
