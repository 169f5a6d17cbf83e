package io.annals.bank;

import java.math.BigDecimal;
import java.util.UUID;

/** A transfer began: its amount has left the source account and is on its way to the target. */
public record TransferDebited(UUID fromAccountId, UUID toAccountId, BigDecimal amount) implements TransferEvent {
}
