package io.annals.bank;

import io.annals.core.event.EventEnvelope;
import io.annals.core.processor.Saga;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Drives transfers after their debit: credit the target, then complete; or, when the credit is
 * impossible, refund the source, then fail. Every step is a command with its own handler that saves
 * one aggregate; the saga runs from the global log after a checkpoint and its commands run at most
 * once, so a crash between two steps only delays the next one.
 */
@ApplicationScoped
class TransferSaga {

    @Inject
    Accounts accounts;

    @Inject
    Transfers transfers;

    /** Usually finds the transfer recorded by {@link TransferMoney}; records it if a crash came in between. */
    @Saga
    OpenTransfer record(MoneySent debit, EventEnvelope<MoneySent> event) {
        return new OpenTransfer(new TransferId(debit.transferId()), accounts.idOf(event.streamId()),
                new AccountId(debit.toAccountId()), debit.amount());
    }

    @Saga
    CreditTransfer credit(TransferDebited debited, EventEnvelope<TransferDebited> event) {
        return new CreditTransfer(transfers.idOf(event.streamId()), new AccountId(debited.fromAccountId()),
                new AccountId(debited.toAccountId()), debited.amount());
    }

    @Saga
    CompleteTransfer complete(MoneyReceived credit) {
        return new CompleteTransfer(new TransferId(credit.transferId()));
    }

    @Saga
    FailTransfer fail(MoneyRefunded refund) {
        return new FailTransfer(new TransferId(refund.transferId()), refund.reason());
    }
}
