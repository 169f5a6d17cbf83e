package io.annals.core.dispatch;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Logger;
import javax.naming.InitialContext;
import javax.naming.NamingException;

/**
 * The executor asynchronous dispatches and observers run on: the container's default
 * {@code ManagedExecutorService} where there is one, otherwise a bounded pool of daemon threads (a
 * full queue rejects work instead of growing without bound).
 */
@ApplicationScoped
public class AnnalsExecutor {

    private static final Logger LOG = Logger.getLogger(AnnalsExecutor.class.getName());
    private static final int QUEUE_CAPACITY = 10_000;

    private Executor executor;
    private ExecutorService owned;
    private ThreadFactory threadFactory;

    @PostConstruct
    void init() {
        try {
            InitialContext naming = new InitialContext();
            executor = (Executor) naming.lookup("java:comp/DefaultManagedExecutorService");
            threadFactory = (ThreadFactory) naming.lookup("java:comp/DefaultManagedThreadFactory");
        } catch (NamingException | RuntimeException noContainer) {
            threadFactory = daemonThreads();
            int threads = Math.max(4, Runtime.getRuntime().availableProcessors() * 4);
            owned = new ThreadPoolExecutor(threads, threads, 60, TimeUnit.SECONDS,
                    new ArrayBlockingQueue<>(QUEUE_CAPACITY), threadFactory);
            executor = owned;
            LOG.fine(() -> "no managed executor found, using a pool of " + threads + " threads");
        }
    }

    @PreDestroy
    void stop() {
        if (owned != null) {
            owned.shutdown();
        }
    }

    public Executor executor() {
        return executor;
    }

    /** Threads for long-running loops (processors): managed where the container offers them. */
    public ThreadFactory threadFactory() {
        return threadFactory;
    }

    private static ThreadFactory daemonThreads() {
        AtomicInteger counter = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, "annals-" + counter.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
