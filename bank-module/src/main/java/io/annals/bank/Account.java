package io.annals.bank;

import io.annals.core.aggregate.AggregateRoot;
import io.annals.core.aggregate.Snapshottable;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * A bank account: opened for an owner, its balance never goes below zero. It remembers the transfers
 * it sent, so a retried debit of the same transfer takes the money only once and only a transfer it
 * sent can be refunded, once. Its state is kept between commands and snapshotted, so a deposit costs
 * the same on the ten-thousandth event of an account as on the tenth.
 */
final class Account extends AggregateRoot<AccountId, AccountEvent> implements Snapshottable<Account.State> {

    /** The snapshot shape: owner, balance, the debits of transfers sent and the transfers refunded. */
    record State(String owner, BigDecimal balance, List<MoneySent> sent, List<UUID> refunded) {
    }

    private String owner;
    private BigDecimal balance = BigDecimal.ZERO;
    private final Map<TransferId, MoneySent> sent = new HashMap<>();
    private final Set<TransferId> refunded = new HashSet<>();

    Account(AccountId id) {
        super(id);
    }

    void open(String owner) {
        if (isOpen()) {
            throw new AccountAlreadyOpenException(id());
        }
        apply(new AccountOpened(owner));
    }

    void deposit(BigDecimal amount) {
        apply(new MoneyDeposited(amount));
    }

    void withdraw(BigDecimal amount) {
        requireFunds(amount);
        apply(new MoneyWithdrawn(amount));
    }

    /** Debits a transfer; does nothing when this very transfer was debited already. */
    void send(TransferId transfer, AccountId to, BigDecimal amount) {
        MoneySent earlier = sent.get(transfer);
        if (earlier != null) {
            if (!earlier.toAccountId().equals(to.value()) || earlier.amount().compareTo(amount) != 0) {
                throw new IllegalArgumentException("transfer " + transfer + " was sent with other terms: " + earlier);
            }
            return;
        }
        requireFunds(amount);
        apply(new MoneySent(transfer.value(), to.value(), amount));
    }

    void receive(TransferId transfer, AccountId from, BigDecimal amount) {
        apply(new MoneyReceived(transfer.value(), from.value(), amount));
    }

    /** Gives back the amount of a transfer this account sent and that could not be delivered. */
    void refund(TransferId transfer, String reason) {
        MoneySent debit = sent.get(transfer);
        if (debit == null) {
            throw new IllegalStateException("account " + id() + " never sent transfer " + transfer);
        }
        if (refunded.contains(transfer)) {
            throw new IllegalStateException("account " + id() + " was already refunded for transfer " + transfer);
        }
        apply(new MoneyRefunded(transfer.value(), debit.amount(), reason));
    }

    AccountBalance balance() {
        return new AccountBalance(id(), owner, balance, version());
    }

    @Override
    public State snapshot() {
        return new State(owner, balance, List.copyOf(sent.values()), refunded.stream().map(TransferId::value).toList());
    }

    @Override
    public void restore(State state) {
        owner = state.owner();
        balance = state.balance();
        state.sent().forEach(debit -> sent.put(new TransferId(debit.transferId()), debit));
        state.refunded().forEach(transfer -> refunded.add(new TransferId(transfer)));
    }

    @Override
    protected void when(AccountEvent event) {
        if (event instanceof AccountOpened opened) {
            owner = opened.owner();
        } else if (event instanceof MoneyDeposited deposited) {
            balance = balance.add(deposited.amount());
        } else if (event instanceof MoneyWithdrawn withdrawn) {
            balance = balance.subtract(withdrawn.amount());
        } else if (event instanceof MoneySent debit) {
            balance = balance.subtract(debit.amount());
            sent.put(new TransferId(debit.transferId()), debit);
        } else if (event instanceof MoneyReceived credit) {
            balance = balance.add(credit.amount());
        } else if (event instanceof MoneyRefunded refund) {
            balance = balance.add(refund.amount());
            refunded.add(new TransferId(refund.transferId()));
        }
    }

    private boolean isOpen() {
        return owner != null;
    }

    private void requireFunds(BigDecimal amount) {
        if (balance.compareTo(amount) < 0) {
            throw new InsufficientFundsException(id(), balance, amount);
        }
    }
}
