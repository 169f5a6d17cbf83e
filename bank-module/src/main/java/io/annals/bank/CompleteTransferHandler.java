package io.annals.bank;

import io.annals.core.command.CommandHandler;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

@ApplicationScoped
class CompleteTransferHandler implements CommandHandler<CompleteTransfer, Void> {

    @Inject
    Transfers transfers;

    @Override
    public Void execute(CompleteTransfer command) {
        Transfer transfer = transfers.load(command.transferId());
        transfer.complete();
        transfers.save(transfer);
        return null;
    }
}
