package io.annals.bank;

import io.annals.core.aggregate.EventSourcedRepository;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;

/** Loads and saves accounts; each lives in the stream {@code account-<id>}. */
@ApplicationScoped
class Accounts extends EventSourcedRepository<Account, AccountId> {

    private static final String CATEGORY = "account";

    Accounts() {
        super(CATEGORY, Account::new);
    }

    @Override
    protected RuntimeException notFound(AccountId id) {
        return new UnknownAccountException(id, streamId(id));
    }

    /** The account a stream of this repository belongs to (read models and sagas get stream ids). */
    AccountId idOf(String streamId) {
        String prefix = CATEGORY + "-";
        if (!streamId.startsWith(prefix)) {
            throw new IllegalArgumentException("'" + streamId + "' is not an account stream");
        }
        return new AccountId(UUID.fromString(streamId.substring(prefix.length())));
    }
}
