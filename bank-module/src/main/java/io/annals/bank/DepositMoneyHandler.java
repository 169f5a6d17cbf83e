package io.annals.bank;

import io.annals.core.command.CommandHandler;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

@ApplicationScoped
class DepositMoneyHandler implements CommandHandler<DepositMoney, AccountBalance> {

    @Inject
    Accounts accounts;

    @Override
    public AccountBalance execute(DepositMoney command) {
        Account account = accounts.load(command.accountId());
        account.deposit(command.amount());
        accounts.save(account);
        return account.balance();
    }
}
