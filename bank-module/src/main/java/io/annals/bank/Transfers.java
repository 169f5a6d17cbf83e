package io.annals.bank;

import io.annals.core.aggregate.EventSourcedRepository;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;

/** Loads and saves transfers; each lives in the stream {@code transfer-<id>}. */
@ApplicationScoped
class Transfers extends EventSourcedRepository<Transfer, TransferId> {

    private static final String CATEGORY = "transfer";

    Transfers() {
        super(CATEGORY, Transfer::new);
    }

    @Override
    protected RuntimeException notFound(TransferId id) {
        return new UnknownTransferException(id, streamId(id));
    }

    /** The transfer a stream of this repository belongs to. */
    TransferId idOf(String streamId) {
        String prefix = CATEGORY + "-";
        if (!streamId.startsWith(prefix)) {
            throw new IllegalArgumentException("'" + streamId + "' is not a transfer stream");
        }
        return new TransferId(UUID.fromString(streamId.substring(prefix.length())));
    }
}
