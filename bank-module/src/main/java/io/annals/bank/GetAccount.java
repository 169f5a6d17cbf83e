package io.annals.bank;

import io.annals.core.query.Query;
import jakarta.validation.constraints.NotNull;

/** The account's current balance, read from its own stream (so it reflects every acknowledged command). */
public record GetAccount(@NotNull AccountId accountId) implements Query<AccountBalance> {
}
