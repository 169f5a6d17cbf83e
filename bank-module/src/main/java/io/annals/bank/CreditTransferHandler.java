package io.annals.bank;

import io.annals.core.command.CommandHandler;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;

/** Credits the target; when there is no such account, compensates by refunding the source instead. */
@ApplicationScoped
class CreditTransferHandler implements CommandHandler<CreditTransfer, Void> {

    @Inject
    Accounts accounts;

    @Override
    public Void execute(CreditTransfer command) {
        Optional<Account> target = accounts.find(command.toAccountId());
        if (target.isPresent()) {
            target.get().receive(command.transferId(), command.fromAccountId(), command.amount());
            accounts.save(target.get());
        } else {
            Account source = accounts.load(command.fromAccountId());
            source.refund(command.transferId(), "target account " + command.toAccountId() + " does not exist");
            accounts.save(source);
        }
        return null;
    }
}
