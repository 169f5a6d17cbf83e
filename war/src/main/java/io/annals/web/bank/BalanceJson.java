package io.annals.web.bank;

import io.annals.bank.AccountBalance;
import java.math.BigDecimal;
import java.util.UUID;

/** The balance after a deposit or withdrawal. */
public record BalanceJson(UUID accountId, BigDecimal balance, long version) {

    static BalanceJson of(AccountBalance account) {
        return new BalanceJson(account.accountId().value(), account.balance(), account.version());
    }
}
