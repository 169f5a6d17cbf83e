package io.annals.bank;

import io.annals.core.query.Query;
import jakarta.validation.constraints.NotNull;

/** Where a transfer stands; readable as soon as {@link TransferMoney} returned. */
public record GetTransfer(@NotNull TransferId transferId) implements Query<TransferStatus> {
}
