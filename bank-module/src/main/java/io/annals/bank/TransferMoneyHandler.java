package io.annals.bank;

import io.annals.core.command.CommandHandler;
import io.annals.core.store.StreamVersionConflictException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Debits the source, then records the transfer. Unlike the other handlers it saves two aggregates:
 * the debit must be decided against the source's balance before the command returns, and the
 * transfer must be readable by then too. If the process stops between the two saves,
 * {@link TransferSaga} records the transfer from the debit after the restart.
 */
@ApplicationScoped
class TransferMoneyHandler implements CommandHandler<TransferMoney, TransferId> {

    @Inject
    Accounts accounts;

    @Inject
    Transfers transfers;

    @Override
    public TransferId execute(TransferMoney command) {
        Account source = accounts.load(command.fromAccountId());
        source.send(command.transferId(), command.toAccountId(), command.amount());
        accounts.save(source);
        record(command);
        return command.transferId();
    }

    private void record(TransferMoney command) {
        Transfer transfer = transfers.find(command.transferId()).orElseGet(() -> transfers.create(command.transferId()));
        transfer.open(command.fromAccountId(), command.toAccountId(), command.amount());
        try {
            transfers.save(transfer);
        } catch (StreamVersionConflictException recordedMeanwhile) {
            // The saga recorded it from the debit in between. Letting the bus retry the whole command
            // would store nothing twice, but would forget that the debit already carried the command id.
            transfers.load(command.transferId()).open(command.fromAccountId(), command.toAccountId(), command.amount());
        }
    }
}
