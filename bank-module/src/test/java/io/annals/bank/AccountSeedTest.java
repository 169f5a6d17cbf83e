package io.annals.bank;

import static io.annals.bank.AccountTest.money;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.annals.core.command.CommandBus;
import io.annals.core.query.QueryBus;
import io.annals.core.store.StoredEvent;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.util.List;
import org.jboss.weld.junit5.EnableWeld;
import org.jboss.weld.junit5.WeldInitiator;
import org.jboss.weld.junit5.WeldSetup;
import org.junit.jupiter.api.Test;

/**
 * The seed tutorial's scenario: open an account, deposit 100, withdraw 30, and the account rebuilt
 * from its stored events holds 70 at version 3; the queries read the same stream.
 */
@EnableWeld
class AccountSeedTest {

    private static final AccountId ALICE = AccountId.random();

    @WeldSetup
    WeldInitiator weld = BankWeld.initiator(this);

    @Inject
    CommandBus commands;

    @Inject
    QueryBus queries;

    @Inject
    Accounts accounts;

    @Test
    void depositHundredWithdrawThirtyReloadsAsSeventy() {
        commands.executeBlocking(new OpenAccount(ALICE, "Alice"));
        commands.executeBlocking(new DepositMoney(ALICE, money("100")));
        AccountBalance acknowledged = commands.executeBlocking(new WithdrawMoney(ALICE, money("30")));

        Account reloaded = accounts.load(ALICE);

        assertEquals(new AccountBalance(ALICE, "Alice", money("70"), 3), acknowledged);
        assertEquals(acknowledged, reloaded.balance());
        assertEquals(acknowledged, queries.executeBlocking(new GetAccount(ALICE)));
    }

    @Test
    void historyListsTheStreamInVersionOrder() {
        commands.executeBlocking(new OpenAccount(ALICE, "Alice"));
        commands.executeBlocking(new DepositMoney(ALICE, money("100")));
        commands.executeBlocking(new WithdrawMoney(ALICE, money("30")));

        List<StoredEvent> history = queries.executeBlocking(new GetAccountHistory(ALICE));

        assertEquals(List.of(1L, 2L, 3L), history.stream().map(StoredEvent::version).toList());
        assertEquals(List.of("AccountOpened", "MoneyDeposited", "MoneyWithdrawn"),
                history.stream().map(StoredEvent::type).toList());
        assertEquals(List.of("account-" + ALICE), history.stream().map(StoredEvent::streamId).distinct().toList());
        assertEquals(List.of("{\"owner\":\"Alice\"}", "{\"amount\":100}", "{\"amount\":30}"),
                history.stream().map(StoredEvent::data).toList());
    }

    @Test
    void queriesOfAnUnknownAccountAreRefused() {
        assertThrows(UnknownAccountException.class, () -> queries.executeBlocking(new GetAccount(ALICE)));
        assertThrows(UnknownAccountException.class, () -> queries.executeBlocking(new GetAccountHistory(ALICE)));
    }

    @Test
    void balanceKeepsTheCentsOfEveryAmount() {
        commands.executeBlocking(new OpenAccount(ALICE, "Alice"));
        commands.executeBlocking(new DepositMoney(ALICE, money("0.10")));
        commands.executeBlocking(new DepositMoney(ALICE, money("0.20")));

        BigDecimal balance = queries.executeBlocking(new GetAccount(ALICE)).balance();

        assertEquals(money("0.30"), balance);
    }
}
