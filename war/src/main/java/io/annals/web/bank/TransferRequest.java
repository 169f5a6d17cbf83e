package io.annals.web.bank;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import io.annals.web.http.Money;
import java.math.BigDecimal;
import java.util.UUID;

/** A transfer from the account in the path to {@code toAccountId}. */
public record TransferRequest(UUID toAccountId, @JsonDeserialize(using = Money.class) BigDecimal amount) {
}
