package io.annals.bank;

/** What can happen to an account; each event is stored in the account's own stream. */
public sealed interface AccountEvent
        permits AccountOpened, MoneyDeposited, MoneyWithdrawn, MoneySent, MoneyReceived, MoneyRefunded {
}
