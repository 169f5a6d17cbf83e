package io.annals.bank;

import io.annals.core.command.Command;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

/** Marks a transfer failed once its source was refunded. */
public record FailTransfer(@NotNull TransferId transferId, @NotBlank String reason) implements Command<Void> {
}
