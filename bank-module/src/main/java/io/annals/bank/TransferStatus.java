package io.annals.bank;

import java.math.BigDecimal;

/**
 * A transfer as its sender sees it. {@code state} is {@code debited} (the source paid, the target not
 * yet credited), {@code completed} or {@code failed} (the source was refunded); {@code reason} says
 * why a transfer failed and is null otherwise.
 */
public record TransferStatus(TransferId transferId, AccountId fromAccountId, AccountId toAccountId,
                             BigDecimal amount, String state, String reason) {
}
