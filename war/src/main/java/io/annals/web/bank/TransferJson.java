package io.annals.web.bank;

import io.annals.bank.TransferStatus;
import java.math.BigDecimal;
import java.util.UUID;

/** Where a transfer stands: {@code debited}, {@code completed} or {@code failed} (with a reason). */
public record TransferJson(UUID transferId, UUID fromAccountId, UUID toAccountId, BigDecimal amount, String state,
                           String reason) {

    static TransferJson of(TransferStatus status) {
        return new TransferJson(status.transferId().value(), status.fromAccountId().value(), status.toAccountId().value(),
                status.amount(), status.state(), status.reason());
    }
}
