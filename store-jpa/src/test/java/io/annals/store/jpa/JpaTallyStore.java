package io.annals.store.jpa;

import io.annals.core.processor.RebuildScope;
import io.annals.core.testing.tally.TallyStore;
import jakarta.persistence.EntityManager;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The contracts' tally read model in tables of its own, written through the store's
 * {@link Transactions}: inside a checkpoint's batch its rows commit or roll back with the
 * checkpoint. Each row belongs to a generation; the live generation answers, a rebuild writes the
 * next one, and the switch (inside the checkpoint commit that ends the rebuild) makes it live.
 */
final class JpaTallyStore implements TallyStore {

    private final Transactions transactions;

    private JpaTallyStore(Transactions transactions) {
        this.transactions = transactions;
    }

    /** Creates the read model's tables in {@code database} and a store that writes them. */
    static JpaTallyStore create(TestDatabase database, Transactions transactions) {
        database.execute(
                "CREATE TABLE tally_generations (id INTEGER PRIMARY KEY, live BIGINT NOT NULL, rebuilding BIGINT)",
                "INSERT INTO tally_generations (id, live) VALUES (1, 1)",
                "CREATE TABLE tally_totals (generation BIGINT NOT NULL, counter VARCHAR(100) NOT NULL, total BIGINT NOT NULL, "
                        + "PRIMARY KEY (generation, counter))",
                "CREATE TABLE tally_applied (generation BIGINT NOT NULL, seq BIGINT NOT NULL, global_position BIGINT NOT NULL, "
                        + "PRIMARY KEY (generation, seq))");
        return new JpaTallyStore(transactions);
    }

    @Override
    public void add(String counter, long amount, long position) {
        transactions.inTransaction(em -> {
            long generation = target(em);
            int updated = em.createNativeQuery("UPDATE tally_totals SET total = total + ?3 WHERE generation = ?1 AND counter = ?2")
                    .setParameter(1, generation).setParameter(2, counter).setParameter(3, amount)
                    .executeUpdate();
            if (updated == 0) {
                em.createNativeQuery("INSERT INTO tally_totals (generation, counter, total) VALUES (?1, ?2, ?3)")
                        .setParameter(1, generation).setParameter(2, counter).setParameter(3, amount)
                        .executeUpdate();
            }
            em.createNativeQuery("INSERT INTO tally_applied (generation, seq, global_position) "
                            + "SELECT ?1, COALESCE(MAX(seq), 0) + 1, ?2 FROM tally_applied WHERE generation = ?1")
                    .setParameter(1, generation).setParameter(2, position)
                    .executeUpdate();
            return null;
        });
    }

    @Override
    public Map<String, Long> totals() {
        return transactions.read(em -> {
            Map<String, Long> totals = new LinkedHashMap<>();
            for (Object row : em.createNativeQuery("SELECT counter, total FROM tally_totals "
                    + "WHERE generation = (SELECT live FROM tally_generations) ORDER BY counter").getResultList()) {
                Object[] columns = (Object[]) row;
                totals.put((String) columns[0], number(columns[1]));
            }
            return totals;
        });
    }

    @Override
    public List<Long> appliedPositions() {
        return transactions.read(em -> {
            List<?> positions = em.createNativeQuery("SELECT global_position FROM tally_applied "
                    + "WHERE generation = (SELECT live FROM tally_generations) ORDER BY seq").getResultList();
            return positions.stream().map(JpaTallyStore::number).toList();
        });
    }

    @Override
    public void startRebuild() {
        transactions.inTransaction(em -> {
            em.createNativeQuery("UPDATE tally_generations SET rebuilding = GREATEST(live, COALESCE(rebuilding, 0)) + 1")
                    .executeUpdate();
            dropAllButLive(em);
            return null;
        });
    }

    @Override
    public void switchToRebuilt() {
        transactions.inTransaction(em -> {
            if (em.createNativeQuery("UPDATE tally_generations SET live = rebuilding, rebuilding = NULL WHERE rebuilding IS NOT NULL")
                    .executeUpdate() != 1) {
                throw new IllegalStateException("no rebuild to switch to");
            }
            dropAllButLive(em);
            return null;
        });
    }

    @Override
    public void abandonRebuild() {
        transactions.inTransaction(em -> {
            em.createNativeQuery("UPDATE tally_generations SET rebuilding = NULL").executeUpdate();
            dropAllButLive(em);
            return null;
        });
    }

    /** The generation the calling handler writes: the rebuilding one during a rebuild's replay. */
    private static long target(EntityManager em) {
        Object[] generations = (Object[]) em.createNativeQuery("SELECT live, rebuilding FROM tally_generations").getSingleResult();
        if (!RebuildScope.isActive()) {
            return number(generations[0]);
        }
        if (generations[1] == null) {
            throw new IllegalStateException("a rebuild writes but none was started");
        }
        return number(generations[1]);
    }

    private static void dropAllButLive(EntityManager em) {
        String others = " WHERE generation <> (SELECT live FROM tally_generations) AND generation <> "
                + "(SELECT COALESCE(rebuilding, 0) FROM tally_generations)";
        em.createNativeQuery("DELETE FROM tally_totals" + others).executeUpdate();
        em.createNativeQuery("DELETE FROM tally_applied" + others).executeUpdate();
    }

    private static long number(Object value) {
        return ((Number) value).longValue();
    }
}
