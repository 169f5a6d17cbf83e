package io.annals.bank;

import static io.annals.bank.AccountTest.money;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.annals.core.command.CommandBus;
import io.annals.core.event.UnhandledExceptions;
import io.annals.core.processor.InMemoryCheckpointStore;
import io.annals.core.processor.ProcessorRuntime;
import io.annals.core.query.QueryBus;
import io.annals.core.store.StoredEvent;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jboss.weld.environment.se.WeldContainer;
import org.junit.jupiter.api.Test;

/**
 * A crash between any two steps of a transfer is completed or compensated after a restart, and no
 * step acts twice, also when the saga sees its events again.
 */
class TransferRecoveryTest {

    private static final Duration IDLE = Duration.ofSeconds(10);
    private static final String SAGA = "TransferSaga";

    private final Machine machine = new Machine();
    private final AccountId alice = AccountId.random();
    private final AccountId bob = AccountId.random();
    private final TransferId rent = TransferId.random();

    @Test
    void transferWhoseRecordWasLostBetweenItsTwoSavesIsRecordedAndCompleted() {
        try (WeldContainer app = machine.boot()) {
            openAliceWithHundredAndBob(app);
            // TransferMoney's first save, then the process stops before it records the transfer
            Accounts accounts = app.select(Accounts.class).get();
            Account source = accounts.load(alice);
            source.send(rent, bob, money("30"));
            accounts.save(source);
            assertThrows(UnknownTransferException.class, () -> transfer(app));
        }

        try (WeldContainer app = machine.boot()) {
            drain(app);
            assertEquals(new TransferStatus(rent, alice, bob, money("30"), "completed", null), transfer(app));
            assertEquals(money("70"), balance(app, alice));
            assertEquals(money("30"), balance(app, bob));
        }
        assertEachOnce("MoneySent", "TransferDebited", "MoneyReceived", "TransferCompleted");
    }

    @Test
    void transferAcknowledgedJustBeforeACrashCompletesAfterTheRestart() {
        try (WeldContainer app = machine.boot()) {
            openAliceWithHundredAndBob(app);
            commands(app).executeBlocking(new TransferMoney(rent, alice, bob, money("30")));
        }

        try (WeldContainer app = machine.boot()) {
            assertEquals("debited", transfer(app).state());
            drain(app);
            assertEquals("completed", transfer(app).state());
            assertEquals(money("30"), balance(app, bob));
        }
        assertEachOnce("MoneySent", "TransferDebited", "MoneyReceived", "TransferCompleted");
    }

    @Test
    void refundMadeJustBeforeACrashIsNotRepeatedAndTheTransferFails() {
        try (WeldContainer app = machine.boot()) {
            openAliceWithHundredAndBob(app);
            commands(app).executeBlocking(new TransferMoney(rent, alice, AccountId.random(), money("30")));
        }

        try (WeldContainer app = machine.boot(machine.dyingAfterBatchOf(SAGA))) {
            // the saga refunds the source, then the process dies before its checkpoint moves
            assertThrows(Machine.ProcessDied.class, () -> app.select(ProcessorRuntime.class).get().awaitIdle(IDLE));
            assertEquals(money("100"), balance(app, alice));
            assertEquals("debited", transfer(app).state());
        }

        try (WeldContainer app = machine.boot()) {
            drain(app);
            assertEquals("failed", transfer(app).state());
            assertEquals(money("100"), balance(app, alice));
        }
        assertEachOnce("MoneySent", "TransferDebited", "MoneyRefunded", "TransferFailed");
    }

    @Test
    void creditMadeJustBeforeACrashIsNotRepeatedAndTheTransferCompletes() {
        try (WeldContainer app = machine.boot()) {
            openAliceWithHundredAndBob(app);
            commands(app).executeBlocking(new TransferMoney(rent, alice, bob, money("30")));
        }

        try (WeldContainer app = machine.boot(machine.dyingAfterBatchOf(SAGA))) {
            assertThrows(Machine.ProcessDied.class, () -> app.select(ProcessorRuntime.class).get().awaitIdle(IDLE));
            assertEquals(money("30"), balance(app, bob));
        }

        try (WeldContainer app = machine.boot()) {
            drain(app);
            assertEquals("completed", transfer(app).state());
            assertEquals(money("30"), balance(app, bob));
            assertEquals(money("70"), balance(app, alice));
        }
        assertEachOnce("MoneySent", "TransferDebited", "MoneyReceived", "TransferCompleted");
    }

    @Test
    void sagaReplayingTheWholeLogAfterLosingItsCheckpointChangesNothing() {
        try (WeldContainer app = machine.boot()) {
            openAliceWithHundredAndBob(app);
            commands(app).executeBlocking(new TransferMoney(rent, alice, bob, money("30")));
            commands(app).executeBlocking(new TransferMoney(TransferId.random(), alice, AccountId.random(), money("5")));
            drain(app);
        }
        long head = machine.events.headPosition();

        try (WeldContainer app = machine.boot(new InMemoryCheckpointStore())) {
            drain(app);
            assertEquals(money("70"), balance(app, alice));
            assertEquals(money("30"), balance(app, bob));
        }
        assertEquals(head, machine.events.headPosition(), "events appended by the replay");
    }

    private void openAliceWithHundredAndBob(WeldContainer app) {
        commands(app).executeBlocking(new OpenAccount(alice, "Alice"));
        commands(app).executeBlocking(new DepositMoney(alice, money("100")));
        commands(app).executeBlocking(new OpenAccount(bob, "Bob"));
    }

    /** Runs the processors until nothing is left to do, and checks none of them met a failure. */
    private static void drain(WeldContainer app) {
        app.select(ProcessorRuntime.class).get().awaitIdle(IDLE);
        assertEquals(0, app.select(UnhandledExceptions.class).get().count(), "failures reported by processors");
    }

    private void assertEachOnce(String... types) {
        Map<String, Long> counts = machine.events.readAll(0, 10_000).stream()
                .collect(Collectors.groupingBy(StoredEvent::type, Collectors.counting()));
        Map<String, Long> expected = List.of(types).stream().collect(Collectors.toMap(Function.identity(), t -> 1L));
        assertEquals(expected, counts.entrySet().stream().filter(e -> expected.containsKey(e.getKey()))
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue)), "each step stored once");
        assertEquals(Map.of(), counts.entrySet().stream()
                .filter(e -> e.getKey().startsWith("Transfer") || e.getKey().startsWith("Money"))
                .filter(e -> !expected.containsKey(e.getKey()) && !e.getKey().equals("MoneyDeposited"))
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue)), "no other transfer step stored");
    }

    private TransferStatus transfer(WeldContainer app) {
        return app.select(QueryBus.class).get().executeBlocking(new GetTransfer(rent));
    }

    private static java.math.BigDecimal balance(WeldContainer app, AccountId account) {
        return app.select(QueryBus.class).get().executeBlocking(new GetAccount(account)).balance();
    }

    private static CommandBus commands(WeldContainer app) {
        return app.select(CommandBus.class).get();
    }
}
