package io.annals.bank;

import io.annals.core.command.CommandHandler;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

@ApplicationScoped
class OpenAccountHandler implements CommandHandler<OpenAccount, AccountBalance> {

    @Inject
    Accounts accounts;

    @Override
    public AccountBalance execute(OpenAccount command) {
        Account account = accounts.find(command.accountId()).orElseGet(() -> accounts.create(command.accountId()));
        account.open(command.owner());
        accounts.save(account);
        return account.balance();
    }
}
