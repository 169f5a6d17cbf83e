package io.annals.bank;

import java.math.BigDecimal;

/** Money was taken out of the account. */
public record MoneyWithdrawn(BigDecimal amount) implements AccountEvent {
}
