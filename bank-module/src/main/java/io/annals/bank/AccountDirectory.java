package io.annals.bank;

import io.annals.core.event.EventEnvelope;
import io.annals.core.processor.EventHandler;
import io.annals.core.processor.Projection;
import io.annals.core.processor.SwitchableProjection;
import io.annals.core.processor.SwitchableReadModel;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code accounts} read model: every account's balance, in the order the accounts were opened.
 * It lives in memory and is rebuilt from the global log on every start; an operator's rebuild fills
 * a fresh directory while this one keeps answering, then switches.
 */
@ApplicationScoped
@Projection(value = "accounts", inMemory = true)
class AccountDirectory implements SwitchableProjection {

    /** Balances in opening order; a query may read while a handler writes. */
    private static final class Balances {

        private final Map<AccountId, AccountBalance> byOpening = new LinkedHashMap<>();

        synchronized void open(AccountBalance account) {
            byOpening.put(account.accountId(), account);
        }

        synchronized void change(AccountId id, BigDecimal delta, long version, long position) {
            AccountBalance before = byOpening.get(id);
            if (before == null) {
                throw new IllegalStateException("the accounts read model has no account " + id + " at position " + position);
            }
            byOpening.put(id, new AccountBalance(id, before.owner(), before.balance().add(delta), version));
        }

        synchronized List<AccountBalance> page(int limit, int offset) {
            return byOpening.values().stream().skip(offset).limit(limit).toList();
        }
    }

    private final SwitchableReadModel<Balances> balances = new SwitchableReadModel<>(Balances::new);

    @Inject
    Accounts accounts;

    @Override
    public SwitchableReadModel<?> readModel() {
        return balances;
    }

    @EventHandler
    void opened(AccountOpened opened, EventEnvelope<AccountOpened> event) {
        AccountId id = accounts.idOf(event.streamId());
        balances.target().open(new AccountBalance(id, opened.owner(), BigDecimal.ZERO, event.version()));
    }

    @EventHandler
    void deposited(MoneyDeposited deposited, EventEnvelope<MoneyDeposited> event) {
        change(event, deposited.amount());
    }

    @EventHandler
    void withdrawn(MoneyWithdrawn withdrawn, EventEnvelope<MoneyWithdrawn> event) {
        change(event, withdrawn.amount().negate());
    }

    @EventHandler
    void sent(MoneySent debit, EventEnvelope<MoneySent> event) {
        change(event, debit.amount().negate());
    }

    @EventHandler
    void received(MoneyReceived credit, EventEnvelope<MoneyReceived> event) {
        change(event, credit.amount());
    }

    @EventHandler
    void refunded(MoneyRefunded refund, EventEnvelope<MoneyRefunded> event) {
        change(event, refund.amount());
    }

    List<AccountBalance> page(int limit, int offset) {
        return balances.live().page(limit, offset);
    }

    private void change(EventEnvelope<?> event, BigDecimal delta) {
        balances.target().change(accounts.idOf(event.streamId()), delta, event.version(), event.position());
    }
}
