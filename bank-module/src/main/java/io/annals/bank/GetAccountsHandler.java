package io.annals.bank;

import io.annals.core.query.QueryHandler;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;

@ApplicationScoped
class GetAccountsHandler implements QueryHandler<GetAccounts, List<AccountBalance>> {

    @Inject
    AccountDirectory directory;

    @Override
    public List<AccountBalance> execute(GetAccounts query) {
        return directory.page(query.limit(), query.offset());
    }
}
