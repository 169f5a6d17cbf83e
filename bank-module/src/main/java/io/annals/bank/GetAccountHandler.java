package io.annals.bank;

import io.annals.core.query.QueryHandler;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

@ApplicationScoped
class GetAccountHandler implements QueryHandler<GetAccount, AccountBalance> {

    @Inject
    Accounts accounts;

    @Override
    public AccountBalance execute(GetAccount query) {
        return accounts.load(query.accountId()).balance();
    }
}
