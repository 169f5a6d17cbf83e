package io.annals.bank;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.annals.core.command.CommandBus;
import io.annals.core.dispatch.MessageValidationException;
import io.annals.core.dispatch.Violation;
import io.annals.core.event.EventSerializer;
import io.annals.core.store.EventStore;
import io.annals.core.testing.AggregateFixture;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;
import org.jboss.weld.junit5.EnableWeld;
import org.jboss.weld.junit5.WeldInitiator;
import org.jboss.weld.junit5.WeldSetup;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The account's rules: given its past events, when a command, then these events or this refusal. */
@EnableWeld
class AccountTest {

    private static final AccountId ALICE = new AccountId(UUID.fromString("00000000-0000-0000-0000-00000000a11c"));

    @WeldSetup
    WeldInitiator weld = BankWeld.initiator(this);

    @Inject
    Accounts accounts;

    @Inject
    CommandBus commands;

    @Inject
    EventStore store;

    @Inject
    EventSerializer serializer;

    private AggregateFixture<Account, AccountId> fixture;

    @BeforeEach
    void fixture() {
        fixture = AggregateFixture.of(accounts, commands, store, serializer);
    }

    @Test
    void opensAnAccountWithAZeroBalance() {
        Object balance = fixture.givenNothing()
                .when(new OpenAccount(ALICE, "Alice"))
                .then(new AccountOpened("Alice"))
                .result();

        assertEquals(new AccountBalance(ALICE, "Alice", BigDecimal.ZERO, 1), balance);
    }

    @Test
    void refusesToOpenAnAccountTwice() {
        fixture.given(ALICE, new AccountOpened("Alice"))
                .when(new OpenAccount(ALICE, "Mallory"))
                .thenRefused(AccountAlreadyOpenException.class);
    }

    @Test
    void depositAddsToTheBalance() {
        Object balance = fixture.given(ALICE, new AccountOpened("Alice"), new MoneyDeposited(money("10.50")))
                .when(new DepositMoney(ALICE, money("100")))
                .then(new MoneyDeposited(money("100")))
                .result();

        assertEquals(new AccountBalance(ALICE, "Alice", money("110.50"), 3), balance);
    }

    @Test
    void withdrawalTakesFromTheBalance() {
        Object balance = fixture.given(ALICE, new AccountOpened("Alice"), new MoneyDeposited(money("100")))
                .when(new WithdrawMoney(ALICE, money("30")))
                .then(new MoneyWithdrawn(money("30")))
                .result();

        assertEquals(new AccountBalance(ALICE, "Alice", money("70"), 3), balance);
    }

    @Test
    void withdrawingTheWholeBalanceLeavesZero() {
        Object balance = fixture.given(ALICE, new AccountOpened("Alice"), new MoneyDeposited(money("25.00")))
                .when(new WithdrawMoney(ALICE, money("25")))
                .then(new MoneyWithdrawn(money("25")))
                .result();

        assertEquals(0, BigDecimal.ZERO.compareTo(((AccountBalance) balance).balance()));
    }

    @Test
    void refusesToOverdrawNamingBalanceAndAmount() {
        InsufficientFundsException refusal = fixture
                .given(ALICE, new AccountOpened("Alice"), new MoneyDeposited(money("100")), new MoneyWithdrawn(money("30")))
                .when(new WithdrawMoney(ALICE, money("70.01")))
                .thenRefused(InsufficientFundsException.class);

        assertEquals("insufficient-funds", refusal.code());
        assertEquals(ALICE, refusal.accountId());
        assertEquals(money("70"), refusal.balance());
        assertEquals(money("70.01"), refusal.amount());
        assertTrue(refusal.getMessage().contains("70") && refusal.getMessage().contains("70.01"), refusal.getMessage());
    }

    @Test
    void refusesToWithdrawFromAnEmptyAccount() {
        fixture.given(ALICE, new AccountOpened("Alice"))
                .when(new WithdrawMoney(ALICE, money("0.01")))
                .thenRefused(InsufficientFundsException.class);
    }

    @Test
    void refusesDepositToAnUnknownAccount() {
        UnknownAccountException refusal = fixture.givenNothing()
                .when(new DepositMoney(ALICE, money("1")))
                .thenRefused(UnknownAccountException.class);

        assertEquals(ALICE, refusal.accountId());
        assertEquals("account-" + ALICE, refusal.streamId());
    }

    @Test
    void refusesWithdrawalFromAnUnknownAccount() {
        fixture.givenNothing()
                .when(new WithdrawMoney(ALICE, money("1")))
                .thenRefused(UnknownAccountException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "0.00", "-1", "0.001", "10.005", "1000000000.01", "10000000000", "1E+10"})
    void refusesAmountsThatAreNotPositiveTwoDecimalsUpToOneBillion(String amount) {
        MessageValidationException deposit = fixture.given(ALICE, new AccountOpened("Alice"))
                .when(new DepositMoney(ALICE, money(amount)))
                .thenRefused(MessageValidationException.class);
        MessageValidationException withdrawal = fixture.givenNothing()
                .when(new WithdrawMoney(ALICE, money(amount)))
                .thenRefused(MessageValidationException.class);

        assertOnlyField("amount", deposit);
        assertOnlyField("amount", withdrawal);
    }

    @Test
    void acceptsTheLargestAmount() {
        fixture.given(ALICE, new AccountOpened("Alice"))
                .when(new DepositMoney(ALICE, money("1000000000.00")))
                .then(new MoneyDeposited(money("1000000000.00")));
    }

    @Test
    void refusesAMissingAmountAndAccount() {
        MessageValidationException refusal = fixture.givenNothing()
                .when(new DepositMoney(null, null))
                .thenRefused(MessageValidationException.class);

        assertEquals(List.of("accountId", "amount"), refusal.violations().stream().map(Violation::field).toList());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   "})
    void refusesABlankOwner(String owner) {
        MessageValidationException refusal = fixture.givenNothing()
                .when(new OpenAccount(ALICE, owner))
                .thenRefused(MessageValidationException.class);

        assertOnlyField("owner", refusal);
    }

    @Test
    void acceptsAnOwnerOf64CharactersButNot65() {
        fixture.givenNothing().when(new OpenAccount(ALICE, "a".repeat(64))).then(new AccountOpened("a".repeat(64)));

        MessageValidationException refusal = fixture.givenNothing()
                .when(new OpenAccount(AccountId.random(), "a".repeat(65)))
                .thenRefused(MessageValidationException.class);
        assertOnlyField("owner", refusal);
    }

    @Test
    void refusesAnAccountWithoutId() {
        assertThrows(MessageValidationException.class, () -> commands.executeBlocking(new OpenAccount(null, "Alice")));
    }

    static BigDecimal money(String amount) {
        return new BigDecimal(amount);
    }

    private static void assertOnlyField(String field, MessageValidationException refusal) {
        assertEquals(List.of(field), refusal.violations().stream().map(Violation::field).distinct().toList(),
                refusal.getMessage());
    }
}
