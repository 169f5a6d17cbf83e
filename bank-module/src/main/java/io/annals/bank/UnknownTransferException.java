package io.annals.bank;

import io.annals.core.aggregate.AggregateNotFoundException;

/** No transfer with this id was made. */
public class UnknownTransferException extends AggregateNotFoundException {

    private final TransferId transferId;

    UnknownTransferException(TransferId transferId, String streamId) {
        super("transfer " + transferId + " does not exist", streamId);
        this.transferId = transferId;
    }

    public TransferId transferId() {
        return transferId;
    }
}
