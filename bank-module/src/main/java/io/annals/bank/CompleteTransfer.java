package io.annals.bank;

import io.annals.core.command.Command;
import jakarta.validation.constraints.NotNull;

/** Marks a transfer completed once its target was credited. */
public record CompleteTransfer(@NotNull TransferId transferId) implements Command<Void> {
}
