package io.annals.bank;

import io.annals.core.query.Query;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.util.List;

/**
 * A page of the {@code accounts} read model in the order the accounts were opened. The read model
 * follows the global log, so it may lag the accounts' own streams for a moment.
 */
public record GetAccounts(@Min(1) @Max(1000) int limit, @Min(0) int offset) implements Query<List<AccountBalance>> {
}
