package io.annals.store.jpa;

import io.annals.core.processor.DeadLetter;
import io.annals.core.processor.DeadLetterState;
import io.annals.core.processor.DeadLetterStore;
import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

/**
 * Dead letters in the {@code annals_dead_letters} table. Every call runs in a transaction of the
 * given {@link Transactions}, or joins the one open on the calling thread: the runtime parks an
 * event inside {@link JpaCheckpointStore#commit}, so the entry and the checkpoint that moves past
 * its event commit together (an event is either still ahead of the checkpoint or parked), and a
 * rebuild's switch lists, resolves and parks entries in the switch's own transaction.
 * <p>
 * The table admits one parked entry per processor and event; parking a second one while the
 * first is parked fails with the database's unique violation.
 */
public class JpaDeadLetterStore implements DeadLetterStore {

    private final Transactions transactions;

    public JpaDeadLetterStore(Transactions transactions) {
        this.transactions = Objects.requireNonNull(transactions, "transactions");
    }

    @Override
    public void park(DeadLetter letter) {
        Objects.requireNonNull(letter, "letter");
        inTransaction(em -> {
            em.persist(new DeadLetterRecord(letter));
            em.flush();
            return null;
        });
    }

    @Override
    public List<DeadLetter> parked() {
        return inTransaction(em -> em.createQuery("SELECT d FROM DeadLetterRecord d WHERE d.state = :parked "
                        + "ORDER BY d.position, d.parkedAt", DeadLetterRecord.class)
                .setParameter("parked", DeadLetterState.PARKED)
                .getResultStream().map(DeadLetterRecord::toDeadLetter).toList());
    }

    @Override
    public Optional<DeadLetter> find(UUID id) {
        Objects.requireNonNull(id, "id");
        return inTransaction(em -> Optional.ofNullable(em.find(DeadLetterRecord.class, id)).map(DeadLetterRecord::toDeadLetter));
    }

    @Override
    public void update(DeadLetter letter) {
        Objects.requireNonNull(letter, "letter");
        inTransaction(em -> {
            DeadLetterRecord stored = em.find(DeadLetterRecord.class, letter.id());
            if (stored == null) {
                throw new NoSuchElementException("no dead letter " + letter.id());
            }
            stored.replaceWith(letter);
            em.flush();
            return null;
        });
    }

    private <T> T inTransaction(Function<EntityManager, T> work) {
        try {
            return transactions.inTransaction(work);
        } catch (RuntimeException failure) {
            throw JpaEventStore.translate(failure);
        }
    }
}
