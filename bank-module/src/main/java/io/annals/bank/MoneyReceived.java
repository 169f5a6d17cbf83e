package io.annals.bank;

import java.math.BigDecimal;
import java.util.UUID;

/** The account was credited by a transfer from another account. */
public record MoneyReceived(UUID transferId, UUID fromAccountId, BigDecimal amount) implements AccountEvent {
}
