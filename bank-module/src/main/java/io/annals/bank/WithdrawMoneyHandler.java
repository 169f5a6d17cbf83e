package io.annals.bank;

import io.annals.core.command.CommandHandler;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

@ApplicationScoped
class WithdrawMoneyHandler implements CommandHandler<WithdrawMoney, AccountBalance> {

    @Inject
    Accounts accounts;

    @Override
    public AccountBalance execute(WithdrawMoney command) {
        Account account = accounts.load(command.accountId());
        account.withdraw(command.amount());
        accounts.save(account);
        return account.balance();
    }
}
