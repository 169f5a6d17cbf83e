package io.annals.bank;

import io.annals.core.command.Command;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotNull;
import java.math.BigDecimal;

/** Puts money into an account. */
public record DepositMoney(
        @NotNull AccountId accountId,
        @NotNull @DecimalMin(value = "0", inclusive = false) @DecimalMax("1000000000.00") @Digits(integer = 10, fraction = 2)
        BigDecimal amount) implements Command<AccountBalance> {
}
