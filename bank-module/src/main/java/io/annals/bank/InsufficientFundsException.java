package io.annals.bank;

import io.annals.core.aggregate.DomainException;
import java.math.BigDecimal;

/** The account holds less than the amount a withdrawal or transfer asks for; nothing was taken. */
public class InsufficientFundsException extends DomainException {

    private final AccountId accountId;
    private final BigDecimal balance;
    private final BigDecimal amount;

    InsufficientFundsException(AccountId accountId, BigDecimal balance, BigDecimal amount) {
        super("insufficient-funds", "account " + accountId + " holds " + balance.toPlainString()
                + ", less than the " + amount.toPlainString() + " asked for");
        this.accountId = accountId;
        this.balance = balance;
        this.amount = amount;
    }

    public AccountId accountId() {
        return accountId;
    }

    public BigDecimal balance() {
        return balance;
    }

    public BigDecimal amount() {
        return amount;
    }
}
