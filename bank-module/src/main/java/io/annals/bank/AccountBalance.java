package io.annals.bank;

import java.math.BigDecimal;

/** An account as its owner sees it: who owns it, what it holds, and the version of its stream. */
public record AccountBalance(AccountId accountId, String owner, BigDecimal balance, long version) {
}
