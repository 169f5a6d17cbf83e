package io.annals.bank;

import io.annals.core.command.Command;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** Opens an account with a zero balance for its owner. */
public record OpenAccount(@NotNull AccountId accountId, @NotBlank @Size(max = 64) String owner)
        implements Command<AccountBalance> {
}
