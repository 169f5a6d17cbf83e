package io.annals.bank;

import io.annals.core.aggregate.AggregateRoot;
import java.math.BigDecimal;
import java.util.Locale;

/**
 * The persisted state of one transfer's process: debited, then completed or failed. The saga moves it
 * on; each move is allowed once, from {@code debited} only.
 */
final class Transfer extends AggregateRoot<TransferId, TransferEvent> {

    enum State {
        DEBITED, COMPLETED, FAILED;

        String label() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    private AccountId from;
    private AccountId to;
    private BigDecimal amount;
    private State state;
    private String reason;

    Transfer(TransferId id) {
        super(id);
    }

    /** Records the debited transfer; does nothing when it is recorded already with the same terms. */
    void open(AccountId from, AccountId to, BigDecimal amount) {
        if (state != null) {
            if (!this.from.equals(from) || !this.to.equals(to) || this.amount.compareTo(amount) != 0) {
                throw new IllegalArgumentException("transfer " + id() + " was recorded with other terms");
            }
            return;
        }
        apply(new TransferDebited(from.value(), to.value(), amount));
    }

    void complete() {
        requireDebited();
        apply(new TransferCompleted());
    }

    void fail(String reason) {
        requireDebited();
        apply(new TransferFailed(reason));
    }

    TransferStatus status() {
        return new TransferStatus(id(), from, to, amount, state.label(), reason);
    }

    @Override
    protected void when(TransferEvent event) {
        if (event instanceof TransferDebited debited) {
            from = new AccountId(debited.fromAccountId());
            to = new AccountId(debited.toAccountId());
            amount = debited.amount();
            state = State.DEBITED;
        } else if (event instanceof TransferCompleted) {
            state = State.COMPLETED;
        } else if (event instanceof TransferFailed failed) {
            state = State.FAILED;
            reason = failed.reason();
        }
    }

    private void requireDebited() {
        if (state != State.DEBITED) {
            throw new IllegalStateException("transfer " + id() + " is " + (state == null ? "not recorded" : state.label())
                    + ", not debited");
        }
    }
}
