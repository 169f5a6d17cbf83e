package io.annals.bank;

import io.annals.core.query.QueryHandler;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

@ApplicationScoped
class GetTransferHandler implements QueryHandler<GetTransfer, TransferStatus> {

    @Inject
    Transfers transfers;

    @Override
    public TransferStatus execute(GetTransfer query) {
        return transfers.load(query.transferId()).status();
    }
}
