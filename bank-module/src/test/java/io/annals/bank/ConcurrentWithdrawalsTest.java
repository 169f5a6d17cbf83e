package io.annals.bank;

import static io.annals.bank.AccountTest.money;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.annals.core.command.CommandBus;
import io.annals.core.event.EventSerializer;
import io.annals.core.processor.CheckpointStore;
import io.annals.core.processor.InMemoryCheckpointStore;
import io.annals.core.query.QueryBus;
import io.annals.core.store.EventStore;
import io.annals.core.store.InMemoryEventStore;
import io.annals.core.store.StoredEvent;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.stream.LongStream;
import org.jboss.weld.junit.MockBean;
import org.jboss.weld.junit5.EnableWeld;
import org.jboss.weld.junit5.WeldInitiator;
import org.jboss.weld.junit5.WeldSetup;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Fifty withdrawals of 10 race for an account holding 200: exactly twenty go through, thirty are
 * refused for insufficient funds, the balance ends at zero without ever going below it, and no
 * withdrawal fails because another one changed the account first (the bus retries those conflicts).
 */
@EnableWeld
class ConcurrentWithdrawalsTest {

    private static final int WITHDRAWALS = 50;
    private static final BigDecimal TEN = money("10");

    private final RacingStore store = new RacingStore(new InMemoryEventStore());
    private final AccountId alice = AccountId.random();

    @WeldSetup
    WeldInitiator weld = WeldInitiator.from(BankWeld.weld())
            .addBeans(MockBean.of(store, EventStore.class), MockBean.of(new InMemoryCheckpointStore(), CheckpointStore.class))
            .activate(RequestScoped.class).inject(this).build();

    @Inject
    CommandBus commands;

    @Inject
    QueryBus queries;

    @Inject
    EventSerializer serializer;

    @BeforeEach
    void aliceHoldsTwoHundred() {
        commands.executeBlocking(new OpenAccount(alice, "Alice"));
        commands.executeBlocking(new DepositMoney(alice, money("200")));
        store.startRace();
    }

    @Test
    void callersOnTheirOwnThreadsGetTwentyWithdrawalsThrough() throws InterruptedException {
        ExecutorService callers = Executors.newFixedThreadPool(WITHDRAWALS);
        CountDownLatch start = new CountDownLatch(1);
        List<CompletableFuture<AccountBalance>> outcomes = new ArrayList<>();
        for (int i = 0; i < WITHDRAWALS; i++) {
            outcomes.add(CompletableFuture.supplyAsync(awaiting(start, () -> commands.executeBlocking(new WithdrawMoney(alice, TEN))), callers));
        }
        start.countDown();
        try {
            assertTwentyThroughThirtyRefused(outcomes);
        } finally {
            callers.shutdown();
            assertTrue(callers.awaitTermination(10, TimeUnit.SECONDS));
        }
    }

    @Test
    void asynchronousDispatchesOnTheBusExecutorGetTwentyWithdrawalsThrough() {
        List<CompletableFuture<AccountBalance>> outcomes = new ArrayList<>();
        for (int i = 0; i < WITHDRAWALS; i++) {
            outcomes.add(commands.execute(new WithdrawMoney(alice, TEN)).toCompletableFuture());
        }

        assertTwentyThroughThirtyRefused(outcomes);
    }

    private void assertTwentyThroughThirtyRefused(List<CompletableFuture<AccountBalance>> outcomes) {
        List<AccountBalance> acknowledged = new ArrayList<>();
        List<Throwable> refused = new ArrayList<>();
        for (CompletableFuture<AccountBalance> outcome : outcomes) {
            try {
                acknowledged.add(outcome.join());
            } catch (CompletionException failure) {
                refused.add(failure.getCause());
            }
        }

        assertEquals(List.of(), refused.stream().filter(f -> !(f instanceof InsufficientFundsException)).toList(),
                "failures other than insufficient funds");
        assertEquals(20, acknowledged.size());
        assertEquals(30, refused.size());
        assertTrue(store.conflicts() > 0, "the withdrawals raced, so some appends conflicted and were retried");

        acknowledged.sort(Comparator.comparingLong(AccountBalance::version));
        assertEquals(LongStream.rangeClosed(3, 22).boxed().toList(), acknowledged.stream().map(AccountBalance::version).toList());
        for (AccountBalance balance : acknowledged) {
            assertEquals(0, money("200").subtract(TEN.multiply(BigDecimal.valueOf(balance.version() - 2))).compareTo(balance.balance()),
                    "balance acknowledged at version " + balance.version());
        }
        AccountBalance last = queries.executeBlocking(new GetAccount(alice));
        assertEquals(0, BigDecimal.ZERO.compareTo(last.balance()));
        assertEquals(22, last.version());
        assertNeverNegative(queries.executeBlocking(new GetAccountHistory(alice)));
    }

    private void assertNeverNegative(List<StoredEvent> history) {
        BigDecimal running = BigDecimal.ZERO;
        for (StoredEvent stored : history) {
            Object event = serializer.payloadOf(stored);
            if (event instanceof MoneyDeposited deposited) {
                running = running.add(deposited.amount());
            } else if (event instanceof MoneyWithdrawn withdrawn) {
                running = running.subtract(withdrawn.amount());
            }
            assertTrue(running.signum() >= 0, "balance at version " + stored.version() + " is " + running);
        }
    }

    private static <T> Supplier<T> awaiting(CountDownLatch start, Supplier<T> work) {
        return () -> {
            try {
                start.await();
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(interrupted);
            }
            return work.get();
        };
    }
}
