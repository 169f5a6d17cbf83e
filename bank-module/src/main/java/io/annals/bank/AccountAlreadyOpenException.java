package io.annals.bank;

import io.annals.core.aggregate.DomainException;

/** An account with this id is already open; opening it again would change nothing, so it is refused. */
public class AccountAlreadyOpenException extends DomainException {

    private final AccountId accountId;

    AccountAlreadyOpenException(AccountId accountId) {
        super("account-already-open", "account " + accountId + " is already open");
        this.accountId = accountId;
    }

    public AccountId accountId() {
        return accountId;
    }
}
