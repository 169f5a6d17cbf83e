package io.annals.bank;

import io.annals.core.aggregate.AggregateNotFoundException;

/** No account with this id was opened. */
public class UnknownAccountException extends AggregateNotFoundException {

    private final AccountId accountId;

    UnknownAccountException(AccountId accountId, String streamId) {
        super("account " + accountId + " does not exist", streamId);
        this.accountId = accountId;
    }

    public AccountId accountId() {
        return accountId;
    }
}
