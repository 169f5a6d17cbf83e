package io.annals.bank;

import io.annals.core.command.CommandHandler;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

@ApplicationScoped
class FailTransferHandler implements CommandHandler<FailTransfer, Void> {

    @Inject
    Transfers transfers;

    @Override
    public Void execute(FailTransfer command) {
        Transfer transfer = transfers.load(command.transferId());
        transfer.fail(command.reason());
        transfers.save(transfer);
        return null;
    }
}
