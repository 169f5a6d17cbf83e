package io.annals.bank;

import io.annals.core.command.CommandHandler;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

@ApplicationScoped
class OpenTransferHandler implements CommandHandler<OpenTransfer, Void> {

    @Inject
    Transfers transfers;

    @Override
    public Void execute(OpenTransfer command) {
        Transfer transfer = transfers.find(command.transferId()).orElseGet(() -> transfers.create(command.transferId()));
        transfer.open(command.fromAccountId(), command.toAccountId(), command.amount());
        transfers.save(transfer);
        return null;
    }
}
