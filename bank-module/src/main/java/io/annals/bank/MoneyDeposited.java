package io.annals.bank;

import java.math.BigDecimal;

/** Money was put into the account. */
public record MoneyDeposited(BigDecimal amount) implements AccountEvent {
}
