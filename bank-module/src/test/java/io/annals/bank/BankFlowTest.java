package io.annals.bank;

import static io.annals.bank.AccountTest.money;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.annals.core.command.CommandBus;
import io.annals.core.context.AsyncContext;
import io.annals.core.dispatch.MessageValidationException;
import io.annals.core.event.UnhandledExceptions;
import io.annals.core.processor.ProcessorRuntime;
import io.annals.core.query.QueryBus;
import io.annals.core.store.EventStore;
import io.annals.core.store.StoredEvent;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jboss.weld.junit5.EnableWeld;
import org.jboss.weld.junit5.WeldInitiator;
import org.jboss.weld.junit5.WeldSetup;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The module as deployed: real handlers, the transfer saga and the accounts read model on the in-memory store. */
@EnableWeld
class BankFlowTest {

    private static final Duration IDLE = Duration.ofSeconds(10);

    @WeldSetup
    WeldInitiator weld = BankWeld.initiator(this);

    @Inject
    CommandBus commands;

    @Inject
    QueryBus queries;

    @Inject
    ProcessorRuntime processors;

    @Inject
    EventStore store;

    @Inject
    UnhandledExceptions unhandled;

    @AfterEach
    void nothingFailedUnseen() {
        assertEquals(0, unhandled.count(), "failures reported by processors");
    }

    @Test
    void transferIsDebitedAtOnceThenCompleted() {
        AccountId alice = open("Alice", "100");
        AccountId bob = open("Bob", "5");
        TransferId rent = TransferId.random();

        commands.executeBlocking(new TransferMoney(rent, alice, bob, money("30")));

        assertEquals(new TransferStatus(rent, alice, bob, money("30"), "debited", null), transfer(rent));
        assertEquals(money("70"), balance(alice));
        assertEquals(money("5"), balance(bob));

        processors.awaitIdle(IDLE);

        assertEquals(new TransferStatus(rent, alice, bob, money("30"), "completed", null), transfer(rent));
        assertEquals(money("70"), balance(alice));
        assertEquals(money("35"), balance(bob));
    }

    @Test
    void transferToAnUnknownAccountIsRefundedAndFailed() {
        AccountId alice = open("Alice", "100");
        AccountId nobody = AccountId.random();
        TransferId gift = TransferId.random();

        commands.executeBlocking(new TransferMoney(gift, alice, nobody, money("40")));
        assertEquals(money("60"), balance(alice));
        processors.awaitIdle(IDLE);

        assertEquals(new TransferStatus(gift, alice, nobody, money("40"), "failed",
                "target account " + nobody + " does not exist"), transfer(gift));
        assertEquals(money("100"), balance(alice));
        assertEquals(List.of("AccountOpened", "MoneyDeposited", "MoneySent", "MoneyRefunded"), history(alice));
        assertThrows(UnknownAccountException.class, () -> queries.executeBlocking(new GetAccount(nobody)));
    }

    @Test
    void everyStepOfATransferKeepsTheCorrelationAndNamesItsCause() {
        AccountId alice = open("Alice", "100");
        AccountId bob = open("Bob", "0");
        TransferId rent = TransferId.random();

        commands.executeBlocking(new TransferMoney(rent, alice, bob, money("30")), AsyncContext.withCorrelation("rent-2026-11"));
        processors.awaitIdle(IDLE);

        Map<String, StoredEvent> byType = store.readAll(0, 1000).stream()
                .filter(e -> "rent-2026-11".equals(e.metadata().correlationId()))
                .collect(Collectors.toMap(StoredEvent::type, Function.identity()));
        assertEquals(List.of("MoneyReceived", "MoneySent", "TransferCompleted", "TransferDebited"),
                byType.keySet().stream().sorted().toList());
        assertEquals(null, byType.get("MoneySent").metadata().causationId());
        assertEquals(byType.get("TransferDebited").eventId().toString(), byType.get("MoneyReceived").metadata().causationId());
        assertEquals(byType.get("MoneyReceived").eventId().toString(), byType.get("TransferCompleted").metadata().causationId());
    }

    @Test
    void accountsReadModelListsBalancesInOpeningOrder() {
        AccountId carol = open("Carol", "10");
        AccountId alice = open("Alice", "100");
        AccountId bob = open("Bob", "0");
        commands.executeBlocking(new WithdrawMoney(carol, money("2.50")));
        commands.executeBlocking(new TransferMoney(TransferId.random(), alice, bob, money("30")));
        commands.executeBlocking(new TransferMoney(TransferId.random(), alice, AccountId.random(), money("1")));
        processors.awaitIdle(IDLE);

        List<AccountBalance> all = queries.executeBlocking(new GetAccounts(100, 0));

        assertEquals(List.of(queries.executeBlocking(new GetAccount(carol)), queries.executeBlocking(new GetAccount(alice)),
                queries.executeBlocking(new GetAccount(bob))), all);
        assertEquals(List.of(new AccountBalance(carol, "Carol", money("7.50"), 3), new AccountBalance(alice, "Alice", money("70"), 5),
                new AccountBalance(bob, "Bob", money("30"), 2)), all);
        assertEquals(List.of(alice), queries.executeBlocking(new GetAccounts(1, 1)).stream().map(AccountBalance::accountId).toList());
        assertEquals(List.of(), queries.executeBlocking(new GetAccounts(10, 3)));
    }

    @Test
    void accountsReadModelLagsUntilItsProcessorRuns() {
        open("Alice", "100");

        assertEquals(List.of(), queries.executeBlocking(new GetAccounts(100, 0)));
        processors.awaitIdle(IDLE);
        assertEquals(1, queries.executeBlocking(new GetAccounts(100, 0)).size());
    }

    @Test
    void refusesPagesOutOfRange() {
        assertThrows(MessageValidationException.class, () -> queries.executeBlocking(new GetAccounts(0, 0)));
        assertThrows(MessageValidationException.class, () -> queries.executeBlocking(new GetAccounts(1001, 0)));
        assertThrows(MessageValidationException.class, () -> queries.executeBlocking(new GetAccounts(1, -1)));
        assertEquals(List.of(), queries.executeBlocking(new GetAccounts(1000, 0)));
    }

    private AccountId open(String owner, String deposit) {
        AccountId id = AccountId.random();
        commands.executeBlocking(new OpenAccount(id, owner));
        if (new BigDecimal(deposit).signum() > 0) {
            commands.executeBlocking(new DepositMoney(id, money(deposit)));
        }
        return id;
    }

    private BigDecimal balance(AccountId account) {
        return queries.executeBlocking(new GetAccount(account)).balance();
    }

    private TransferStatus transfer(TransferId transfer) {
        return queries.executeBlocking(new GetTransfer(transfer));
    }

    private List<String> history(AccountId account) {
        return queries.executeBlocking(new GetAccountHistory(account)).stream().map(StoredEvent::type).toList();
    }
}
