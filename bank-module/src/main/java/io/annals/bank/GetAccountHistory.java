package io.annals.bank;

import io.annals.core.query.Query;
import io.annals.core.store.StoredEvent;
import jakarta.validation.constraints.NotNull;
import java.util.List;

/** Every event of the account's stream, in version order. */
public record GetAccountHistory(@NotNull AccountId accountId) implements Query<List<StoredEvent>> {
}
