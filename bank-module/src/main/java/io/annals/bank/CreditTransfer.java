package io.annals.bank;

import io.annals.core.command.Command;
import jakarta.validation.constraints.NotNull;
import java.math.BigDecimal;

/** Credits a debited transfer to its target account, or refunds the source when the target does not exist. */
public record CreditTransfer(@NotNull TransferId transferId, @NotNull AccountId fromAccountId,
                             @NotNull AccountId toAccountId, @NotNull BigDecimal amount) implements Command<Void> {
}
