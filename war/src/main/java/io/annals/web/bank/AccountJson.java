package io.annals.web.bank;

import io.annals.bank.AccountBalance;
import java.math.BigDecimal;
import java.util.UUID;

/** An account: owner, balance and the version of its stream. */
public record AccountJson(UUID accountId, String owner, BigDecimal balance, long version) {

    static AccountJson of(AccountBalance account) {
        return new AccountJson(account.accountId().value(), account.owner(), account.balance(), account.version());
    }
}
