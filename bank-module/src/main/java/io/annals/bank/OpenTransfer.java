package io.annals.bank;

import io.annals.core.command.Command;
import jakarta.validation.constraints.NotNull;
import java.math.BigDecimal;

/**
 * Records a debited transfer unless it is recorded already: the saga sends it for every debit, so a
 * transfer whose record was lost to a crash right after its debit is recorded after the restart.
 */
public record OpenTransfer(@NotNull TransferId transferId, @NotNull AccountId fromAccountId,
                           @NotNull AccountId toAccountId, @NotNull BigDecimal amount) implements Command<Void> {
}
