package io.annals.bank;

import io.annals.core.testing.AnnalsWeld;
import io.annals.core.testing.InMemoryStores;
import jakarta.enterprise.context.RequestScoped;
import org.jboss.weld.environment.se.Weld;
import org.jboss.weld.junit5.WeldInitiator;

/** Boots core and every bean the bank module contributes on the in-memory stores. */
final class BankWeld {

    /** Every CDI bean of the module; {@code BankWeldTest} checks the list is complete. */
    static final Class<?>[] BEANS = {
        Accounts.class, OpenAccountHandler.class, DepositMoneyHandler.class, WithdrawMoneyHandler.class,
        GetAccountHandler.class, GetAccountHistoryHandler.class,
        Transfers.class, TransferMoneyHandler.class, OpenTransferHandler.class, CreditTransferHandler.class,
        CompleteTransferHandler.class, FailTransferHandler.class, GetTransferHandler.class, TransferSaga.class,
        AccountDirectory.class, GetAccountsHandler.class
    };

    private BankWeld() {
    }

    /** A container with core and the module; the test adds the stores. */
    static Weld weld() {
        return AnnalsWeld.weld(BEANS);
    }

    /** For {@code @WeldSetup}: a fresh container on fresh in-memory stores per test, injecting into {@code test}. */
    static WeldInitiator initiator(Object test) {
        return WeldInitiator.from(weld().addBeanClass(InMemoryStores.class)).activate(RequestScoped.class).inject(test).build();
    }
}
