package io.annals.bank;

import io.annals.core.query.QueryHandler;
import io.annals.core.store.EventStore;
import io.annals.core.store.StoredEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;

@ApplicationScoped
class GetAccountHistoryHandler implements QueryHandler<GetAccountHistory, List<StoredEvent>> {

    @Inject
    Accounts accounts;

    @Inject
    EventStore store;

    @Override
    public List<StoredEvent> execute(GetAccountHistory query) {
        String streamId = accounts.streamId(query.accountId());
        List<StoredEvent> history = store.readStream(streamId, 1);
        if (history.isEmpty()) {
            throw new UnknownAccountException(query.accountId(), streamId);
        }
        return history;
    }
}
