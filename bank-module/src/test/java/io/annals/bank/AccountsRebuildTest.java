package io.annals.bank;

import static io.annals.bank.AccountTest.money;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.annals.core.command.CommandBus;
import io.annals.core.event.UnhandledExceptions;
import io.annals.core.processor.ProcessorRuntime;
import io.annals.core.processor.ProcessorState;
import io.annals.core.processor.Settings;
import io.annals.core.query.QueryBus;
import io.annals.core.testing.Eventually;
import io.annals.core.testing.InMemoryStores;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.RequestScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.jboss.weld.junit5.EnableWeld;
import org.jboss.weld.junit5.WeldInitiator;
import org.jboss.weld.junit5.WeldSetup;
import org.junit.jupiter.api.Test;

/**
 * The {@code accounts} read model rebuilt while commands keep coming, with the processors running on
 * their own threads as in the application: the old directory answers until the rebuilt one takes
 * over, and the rebuilt one ends equal to every account's own stream.
 */
@EnableWeld
class AccountsRebuildTest {

    private static final int ACCOUNTS = 8;
    private static final int STEPS = 60;

    /** The processors run on their own threads, as in the application. */
    @ApplicationScoped
    static class RunningProcessors {

        @Produces
        Settings settings() {
            return Settings.of(Map.of("annals.processors.autostart", "true", "annals.processors.max-idle-millis", "20"));
        }
    }

    @WeldSetup
    WeldInitiator weld = WeldInitiator.from(BankWeld.weld().addBeanClasses(InMemoryStores.class, RunningProcessors.class))
            .activate(RequestScoped.class).inject(this).build();

    @Inject
    CommandBus commands;

    @Inject
    QueryBus queries;

    @Inject
    ProcessorRuntime processors;

    @Inject
    AccountDirectory directory;

    @Inject
    UnhandledExceptions unhandled;

    @Test
    void aRebuildWhileCommandsContinueEndsEqualToEveryAccountsOwnStream() throws InterruptedException {
        List<AccountId> opened = new CopyOnWriteArrayList<>();
        for (int i = 0; i < ACCOUNTS; i++) {
            opened.add(open("owner " + i));
        }
        Eventually.until("the directory lists every account", () -> page().size() == ACCOUNTS);
        Object before = directory.readModel().live();
        AtomicInteger steps = new AtomicInteger();
        AtomicReference<Throwable> writerFailure = new AtomicReference<>();
        Thread writer = new Thread(() -> write(opened, steps, writerFailure), "bank-writer");
        writer.start();
        Eventually.until("a third of the commands", () -> steps.get() >= STEPS / 3 || writerFailure.get() != null);

        processors.rebuild("accounts");
        int stepsAtRebuild = steps.get();
        writer.join(30_000);

        assertEquals(null, writerFailure.get());
        assertEquals(STEPS, steps.get());
        assertTrue(stepsAtRebuild < STEPS, "the rebuild started while commands were still coming");
        Eventually.until("the rebuilt directory equals every account's own stream, in opening order", () ->
                processors.statuses().stream().allMatch(s -> s.state() == ProcessorState.RUNNING && s.lag() == 0)
                        && page().equals(fold(opened)));
        assertNotSame(before, directory.readModel().live(), "the rebuilt directory took over");
        assertEquals(ACCOUNTS + STEPS / 10, page().size());
        assertEquals(0, unhandled.count(), "failures reported by processors");
    }

    /** Withdrawals, transfers and now and then a new account, a few milliseconds apart. */
    private void write(List<AccountId> opened, AtomicInteger steps, AtomicReference<Throwable> failure) {
        try {
            for (int i = 0; i < STEPS; i++) {
                AccountId from = opened.get(i % opened.size());
                AccountId to = opened.get((i + 3) % opened.size());
                commands.executeBlocking(new WithdrawMoney(from, money("1.25")));
                commands.executeBlocking(new TransferMoney(TransferId.random(), from, to, money("2")));
                if (i % 10 == 9) {
                    opened.add(open("late owner " + i));
                }
                steps.incrementAndGet();
                Thread.sleep(5);
            }
        } catch (RuntimeException | Error failed) {
            failure.set(failed);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            failure.set(interrupted);
        }
    }

    private AccountId open(String owner) {
        AccountId id = AccountId.random();
        commands.executeBlocking(new OpenAccount(id, owner));
        commands.executeBlocking(new DepositMoney(id, money("1000")));
        return id;
    }

    /** Each account as its own stream has it. */
    private List<AccountBalance> fold(List<AccountId> accounts) {
        return accounts.stream().map(id -> queries.executeBlocking(new GetAccount(id))).toList();
    }

    private List<AccountBalance> page() {
        return queries.executeBlocking(new GetAccounts(1000, 0));
    }
}
