package io.annals.web.bank;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import io.annals.web.http.Money;
import java.math.BigDecimal;

/** A deposit or withdrawal: the amount as a JSON number with at most two decimals. */
public record AmountRequest(@JsonDeserialize(using = Money.class) BigDecimal amount) {
}
