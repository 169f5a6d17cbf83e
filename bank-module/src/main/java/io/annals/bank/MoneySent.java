package io.annals.bank;

import java.math.BigDecimal;
import java.util.UUID;

/** The account was debited for a transfer to another account (ids are plain UUIDs, so the stored JSON stays flat). */
public record MoneySent(UUID transferId, UUID toAccountId, BigDecimal amount) implements AccountEvent {
}
