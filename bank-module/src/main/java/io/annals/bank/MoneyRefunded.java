package io.annals.bank;

import java.math.BigDecimal;
import java.util.UUID;

/** A transfer this account sent could not be delivered; its amount came back. */
public record MoneyRefunded(UUID transferId, BigDecimal amount, String reason) implements AccountEvent {
}
