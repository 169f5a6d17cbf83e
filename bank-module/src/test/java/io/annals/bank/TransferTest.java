package io.annals.bank;

import static io.annals.bank.AccountTest.money;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.annals.core.command.CommandBus;
import io.annals.core.dispatch.MessageValidationException;
import io.annals.core.dispatch.Violation;
import io.annals.core.event.EventSerializer;
import io.annals.core.query.QueryBus;
import io.annals.core.store.EventStore;
import io.annals.core.testing.AggregateFixture;
import io.annals.core.testing.SagaFixture;
import jakarta.inject.Inject;
import java.util.List;
import java.util.UUID;
import org.jboss.weld.junit5.EnableWeld;
import org.jboss.weld.junit5.WeldInitiator;
import org.jboss.weld.junit5.WeldSetup;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A transfer's rules, step by step: each command of the process and each reaction of the saga. */
@EnableWeld
class TransferTest {

    private static final AccountId ALICE = new AccountId(UUID.fromString("00000000-0000-0000-0000-00000000a11c"));
    private static final AccountId BOB = new AccountId(UUID.fromString("00000000-0000-0000-0000-000000000b0b"));
    private static final TransferId RENT = new TransferId(UUID.fromString("00000000-0000-0000-0000-0000000000e1"));
    private static final String NO_BOB = "target account " + BOB + " does not exist";

    @WeldSetup
    WeldInitiator weld = BankWeld.initiator(this);

    @Inject
    Accounts accounts;

    @Inject
    Transfers transfers;

    @Inject
    TransferSaga saga;

    @Inject
    CommandBus commands;

    @Inject
    QueryBus queries;

    @Inject
    EventStore store;

    @Inject
    EventSerializer serializer;

    private AggregateFixture<Account, AccountId> accountFixture;
    private AggregateFixture<Transfer, TransferId> transferFixture;

    @BeforeEach
    void fixtures() {
        accountFixture = AggregateFixture.of(accounts, commands, store, serializer);
        transferFixture = AggregateFixture.of(transfers, commands, store, serializer);
    }

    @Test
    void transferDebitsTheSourceAndRecordsTheTransfer() {
        Object result = accountFixture
                .given(ALICE, new AccountOpened("Alice"), new MoneyDeposited(money("100")))
                .and(BOB, new AccountOpened("Bob"))
                .when(new TransferMoney(RENT, ALICE, BOB, money("30")))
                .then(new MoneySent(RENT.value(), BOB.value(), money("30")),
                        new TransferDebited(ALICE.value(), BOB.value(), money("30")))
                .result();

        assertEquals(RENT, result);
        assertEquals(new TransferStatus(RENT, ALICE, BOB, money("30"), "debited", null),
                queries.executeBlocking(new GetTransfer(RENT)));
        assertEquals(money("70"), queries.executeBlocking(new GetAccount(ALICE)).balance());
    }

    @Test
    void transferToAnAccountThatDoesNotExistIsAcceptedAndDebited() {
        accountFixture.given(ALICE, new AccountOpened("Alice"), new MoneyDeposited(money("100")))
                .when(new TransferMoney(RENT, ALICE, BOB, money("30")))
                .then(new MoneySent(RENT.value(), BOB.value(), money("30")),
                        new TransferDebited(ALICE.value(), BOB.value(), money("30")));
    }

    @Test
    void refusesATransferBeyondTheBalance() {
        InsufficientFundsException refusal = accountFixture
                .given(ALICE, new AccountOpened("Alice"), new MoneyDeposited(money("100")))
                .and(BOB, new AccountOpened("Bob"))
                .when(new TransferMoney(RENT, ALICE, BOB, money("100.01")))
                .thenRefused(InsufficientFundsException.class);

        assertEquals(money("100"), refusal.balance());
        assertEquals(money("100.01"), refusal.amount());
        assertThrows(UnknownTransferException.class, () -> queries.executeBlocking(new GetTransfer(RENT)));
    }

    @Test
    void refusesATransferFromAnUnknownAccount() {
        UnknownAccountException refusal = accountFixture.given(BOB, new AccountOpened("Bob"))
                .when(new TransferMoney(RENT, ALICE, BOB, money("1")))
                .thenRefused(UnknownAccountException.class);

        assertEquals(ALICE, refusal.accountId());
    }

    @Test
    void refusesATransferToItselfOnTheTargetField() {
        MessageValidationException refusal = accountFixture
                .given(ALICE, new AccountOpened("Alice"), new MoneyDeposited(money("100")))
                .when(new TransferMoney(RENT, ALICE, ALICE, money("1")))
                .thenRefused(MessageValidationException.class);

        assertEquals(List.of(new Violation("toAccountId", "must differ from fromAccountId")), refusal.violations());
    }

    @Test
    void refusesAnInvalidAmountAndMissingIdsTogether() {
        MessageValidationException refusal = accountFixture.givenNothing()
                .when(new TransferMoney(null, ALICE, null, money("0.001")))
                .thenRefused(MessageValidationException.class);

        assertEquals(List.of("amount", "toAccountId", "transferId"),
                refusal.violations().stream().map(Violation::field).distinct().toList());
    }

    @Test
    void repeatingATransferDebitsOnlyOnce() {
        accountFixture.given(ALICE, new AccountOpened("Alice"), new MoneyDeposited(money("100")),
                        new MoneySent(RENT.value(), BOB.value(), money("30")))
                .and(BOB, new AccountOpened("Bob"));
        transferFixture.given(RENT, new TransferDebited(ALICE.value(), BOB.value(), money("30")))
                .when(new TransferMoney(RENT, ALICE, BOB, money("30")))
                .then();
    }

    @Test
    void refusesToReuseATransferIdWithOtherTerms() {
        accountFixture.given(ALICE, new AccountOpened("Alice"), new MoneyDeposited(money("100")),
                        new MoneySent(RENT.value(), BOB.value(), money("30")))
                .when(new TransferMoney(RENT, ALICE, BOB, money("31")))
                .thenRefused(IllegalArgumentException.class);
    }

    @Test
    void openingARecordedTransferChangesNothing() {
        transferFixture.given(RENT, new TransferDebited(ALICE.value(), BOB.value(), money("30")))
                .when(new OpenTransfer(RENT, ALICE, BOB, money("30")))
                .then();
    }

    @Test
    void openingAMissingTransferRecordsItDebited() {
        transferFixture.givenNothing()
                .when(new OpenTransfer(RENT, ALICE, BOB, money("30")))
                .then(new TransferDebited(ALICE.value(), BOB.value(), money("30")));
    }

    @Test
    void creditPaysTheTarget() {
        accountFixture.given(ALICE, new AccountOpened("Alice"), new MoneySent(RENT.value(), BOB.value(), money("30")))
                .and(BOB, new AccountOpened("Bob"))
                .when(new CreditTransfer(RENT, ALICE, BOB, money("30")))
                .then(new MoneyReceived(RENT.value(), ALICE.value(), money("30")));
    }

    @Test
    void creditToAMissingTargetRefundsTheSource() {
        accountFixture.given(ALICE, new AccountOpened("Alice"), new MoneyDeposited(money("100")),
                        new MoneySent(RENT.value(), BOB.value(), money("30")))
                .when(new CreditTransfer(RENT, ALICE, BOB, money("30")))
                .then(new MoneyRefunded(RENT.value(), money("30"), NO_BOB));

        assertEquals(money("100"), accounts.load(ALICE).balance().balance());
    }

    @Test
    void refusesToRefundATransferTheAccountNeverSent() {
        accountFixture.given(ALICE, new AccountOpened("Alice"))
                .when(new CreditTransfer(RENT, ALICE, BOB, money("30")))
                .thenRefused(IllegalStateException.class);
    }

    @Test
    void refusesToRefundTwice() {
        accountFixture.given(ALICE, new AccountOpened("Alice"), new MoneySent(RENT.value(), BOB.value(), money("30")),
                        new MoneyRefunded(RENT.value(), money("30"), NO_BOB))
                .when(new CreditTransfer(RENT, ALICE, BOB, money("30")))
                .thenRefused(IllegalStateException.class);
    }

    @Test
    void completesADebitedTransfer() {
        transferFixture.given(RENT, new TransferDebited(ALICE.value(), BOB.value(), money("30")))
                .when(new CompleteTransfer(RENT))
                .then(new TransferCompleted());

        assertEquals(new TransferStatus(RENT, ALICE, BOB, money("30"), "completed", null),
                queries.executeBlocking(new GetTransfer(RENT)));
    }

    @Test
    void failsADebitedTransferWithItsReason() {
        transferFixture.given(RENT, new TransferDebited(ALICE.value(), BOB.value(), money("30")))
                .when(new FailTransfer(RENT, NO_BOB))
                .then(new TransferFailed(NO_BOB));

        assertEquals(new TransferStatus(RENT, ALICE, BOB, money("30"), "failed", NO_BOB),
                queries.executeBlocking(new GetTransfer(RENT)));
    }

    @Test
    void refusesToMoveAFinishedTransferAgain() {
        transferFixture.given(RENT, new TransferDebited(ALICE.value(), BOB.value(), money("30")), new TransferCompleted())
                .when(new FailTransfer(RENT, NO_BOB))
                .thenRefused(IllegalStateException.class);
        transferFixture.givenNothing()
                .when(new CompleteTransfer(RENT))
                .thenRefused(IllegalStateException.class);
    }

    @Test
    void refusesToCompleteAnUnknownTransfer() {
        transferFixture.givenNothing()
                .when(new CompleteTransfer(RENT))
                .thenRefused(UnknownTransferException.class);
        assertThrows(UnknownTransferException.class, () -> queries.executeBlocking(new GetTransfer(RENT)));
    }

    @Test
    void sagaRecordsEveryDebitedTransfer() {
        SagaFixture.of(saga).given(new MoneySent(RENT.value(), BOB.value(), money("30")), "account-" + ALICE, 3)
                .then(new OpenTransfer(RENT, ALICE, BOB, money("30")));
    }

    @Test
    void sagaCreditsARecordedTransfer() {
        SagaFixture.of(saga).given(new TransferDebited(ALICE.value(), BOB.value(), money("30")), "transfer-" + RENT, 1)
                .then(new CreditTransfer(RENT, ALICE, BOB, money("30")));
    }

    @Test
    void sagaCompletesACreditedTransfer() {
        SagaFixture.of(saga).given(new MoneyReceived(RENT.value(), ALICE.value(), money("30")), "account-" + BOB, 2)
                .then(new CompleteTransfer(RENT));
    }

    @Test
    void sagaFailsARefundedTransfer() {
        SagaFixture.of(saga).given(new MoneyRefunded(RENT.value(), money("30"), NO_BOB), "account-" + ALICE, 4)
                .then(new FailTransfer(RENT, NO_BOB));
    }

    @Test
    void sagaIgnoresWhatDoesNotMoveATransfer() {
        SagaFixture.of(saga).given(new MoneyDeposited(money("30"))).thenNothing();
        SagaFixture.of(saga).given(new TransferCompleted()).thenNothing();
    }
}
