package io.annals.core.command;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.annals.core.query.Query;
import io.annals.core.query.QueryBus;
import io.annals.core.query.QueryHandler;
import io.annals.core.testing.AnnalsWeld;
import io.annals.core.testing.InMemoryStores;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InterceptorBinding;
import jakarta.interceptor.InvocationContext;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.jboss.weld.junit5.EnableWeld;
import org.jboss.weld.junit5.WeldInitiator;
import org.jboss.weld.junit5.WeldSetup;
import org.junit.jupiter.api.Test;

/** A CDI interceptor bound to a handler runs around its {@code execute}, on every dispatch path. */
@EnableWeld
class HandlerInterceptorTest {

    private static final Stamp STAMP = new Stamp("ledger");
    private static final long NEVER_SECONDS = 10;

    @WeldSetup
    WeldInitiator weld = WeldInitiator.from(AnnalsWeld.weld(AuditInterceptor.class, AuditTrail.class,
                    StampHandler.class, LookUpHandler.class, InMemoryStores.class))
            .activate(RequestScoped.class).inject(this).build();

    @Inject
    CommandBus commands;

    @Inject
    QueryBus queries;

    @Inject
    AuditTrail trail;

    @Test
    void anInterceptorRunsAroundABlockingCommandDispatch() {
        String result = commands.executeBlocking(STAMP);

        assertEquals("[stamped ledger]", result, "the interceptor saw and wrapped the handler's result");
        assertEquals(List.of("before execute(" + STAMP + ")", "handler", "after execute"), trail.entries());
    }

    @Test
    void anInterceptorRunsAroundAnAsynchronousCommandDispatch() throws Exception {
        String result = commands.execute(STAMP).toCompletableFuture().get(NEVER_SECONDS, TimeUnit.SECONDS);

        assertEquals("[stamped ledger]", result);
        assertEquals(List.of("before execute(" + STAMP + ")", "handler", "after execute"), trail.entries());
    }

    @Test
    void anInterceptorCanRefuseACommandBeforeTheHandlerRuns() {
        AccessDeniedException denied = assertThrows(AccessDeniedException.class,
                () -> commands.executeBlocking(new Stamp(AuditInterceptor.FORBIDDEN)));

        assertEquals(AuditInterceptor.FORBIDDEN, denied.getMessage());
        assertEquals(List.of("before execute(" + new Stamp(AuditInterceptor.FORBIDDEN) + ")"), trail.entries());
    }

    @Test
    void anInterceptorRunsAroundAQueryHandler() {
        assertEquals("[found ledger]", queries.executeBlocking(new LookUp("ledger")));

        assertEquals(List.of("before execute(" + new LookUp("ledger") + ")", "handler", "after execute"), trail.entries());
    }

    record Stamp(String document) implements Command<String> {
    }

    record LookUp(String document) implements Query<String> {
    }

    static class AccessDeniedException extends RuntimeException {
        AccessDeniedException(String document) {
            super(document);
        }
    }

    @InterceptorBinding
    @Retention(RetentionPolicy.RUNTIME)
    @Target({ElementType.TYPE, ElementType.METHOD})
    @interface Audited {
    }

    /** What the interceptor and the handlers did, in order. */
    @ApplicationScoped
    static class AuditTrail {
        private final List<String> entries = new CopyOnWriteArrayList<>();

        void add(String entry) {
            entries.add(entry);
        }

        List<String> entries() {
            return List.copyOf(entries);
        }
    }

    @Audited
    @Interceptor
    @Priority(Interceptor.Priority.APPLICATION)
    static class AuditInterceptor {
        static final String FORBIDDEN = "secret";

        @Inject
        AuditTrail trail;

        @AroundInvoke
        Object audit(InvocationContext invocation) throws Exception {
            Object message = invocation.getParameters()[0];
            trail.add("before " + invocation.getMethod().getName() + "(" + message + ")");
            if (message.toString().contains(FORBIDDEN)) {
                throw new AccessDeniedException(FORBIDDEN);
            }
            Object result = invocation.proceed();
            trail.add("after " + invocation.getMethod().getName());
            return "[" + result + "]";
        }
    }

    @Audited
    @ApplicationScoped
    static class StampHandler implements CommandHandler<Stamp, String> {
        @Inject
        AuditTrail trail;

        @Override
        public String execute(Stamp command) {
            trail.add("handler");
            return "stamped " + command.document();
        }
    }

    @Audited
    @ApplicationScoped
    static class LookUpHandler implements QueryHandler<LookUp, String> {
        @Inject
        AuditTrail trail;

        @Override
        public String execute(LookUp query) {
            trail.add("handler");
            return "found " + query.document();
        }
    }
}
