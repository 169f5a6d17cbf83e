package io.annals.bank;

import io.annals.core.command.Command;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotNull;
import java.math.BigDecimal;

/**
 * Moves money from one account to another. The source is debited before the command returns (or it
 * is refused with {@link InsufficientFundsException}) and the transfer is then readable as
 * {@code debited}; crediting the target follows asynchronously. A target that does not exist is not
 * refused here: the transfer ends {@code failed} and the source is refunded.
 */
@DistinctAccounts
public record TransferMoney(
        @NotNull TransferId transferId,
        @NotNull AccountId fromAccountId,
        @NotNull AccountId toAccountId,
        @NotNull @DecimalMin(value = "0", inclusive = false) @DecimalMax("1000000000.00") @Digits(integer = 10, fraction = 2)
        BigDecimal amount) implements Command<TransferId> {
}
