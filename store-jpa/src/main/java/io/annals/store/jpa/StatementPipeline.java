package io.annals.store.jpa;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * The writing statements of one batch, sent together where the driver can: PostgreSQL's driver runs
 * a prepared statement made of several statements separated by semicolons as one round trip (one
 * message flight, one reply), which is most of a small batch's cost over a loopback or a network.
 * H2 runs in the same process and takes one statement at a time.
 *
 * <p>Each statement may state the update count it must have (a guarded update that must hit its
 * row); {@link #execute} says whether every one did.
 */
final class StatementPipeline {

    /** Binds a statement's parameters from {@code first}; returns the index after the last one bound. */
    @FunctionalInterface
    interface Parameters {
        int bind(PreparedStatement statement, int first) throws SQLException;
    }

    /** Keeps one round trip's message to a moderate size (a statement's own limit is 32,767). */
    private static final int MAX_PARAMETERS = 30_000;
    private static final int ANY_COUNT = -1;

    private record Part(String sql, int parameterCount, Parameters parameters, int expectedCount) {
    }

    private final boolean together;
    private final List<Part> parts = new ArrayList<>();

    /** @param together whether the driver runs several statements in one prepared statement */
    StatementPipeline(boolean together) {
        this.together = together;
    }

    void add(String sql, int parameterCount, Parameters parameters) {
        parts.add(new Part(sql, parameterCount, parameters, ANY_COUNT));
    }

    /** A statement that must change exactly {@code expectedCount} rows for the batch to stand. */
    void addExpecting(int expectedCount, String sql, int parameterCount, Parameters parameters) {
        parts.add(new Part(sql, parameterCount, parameters, expectedCount));
    }

    boolean isEmpty() {
        return parts.isEmpty();
    }

    /**
     * Runs the statements in order; stops at the first one whose count is not the expected one when
     * they run one by one.
     *
     * @return whether every statement changed the number of rows it had to
     */
    boolean execute(Connection db) throws SQLException {
        if (!together) {
            for (Part part : parts) {
                if (!executeAlone(db, part)) {
                    return false;
                }
            }
            return true;
        }
        boolean expected = true;
        for (List<Part> group : groups()) {
            expected &= executeTogether(db, group);
        }
        return expected;
    }

    private static boolean executeAlone(Connection db, Part part) throws SQLException {
        try (PreparedStatement statement = db.prepareStatement(part.sql)) {
            part.parameters.bind(statement, 1);
            int count = statement.executeUpdate();
            return part.expectedCount == ANY_COUNT || part.expectedCount == count;
        }
    }

    private static boolean executeTogether(Connection db, List<Part> group) throws SQLException {
        StringBuilder sql = new StringBuilder();
        for (Part part : group) {
            sql.append(sql.length() == 0 ? "" : ";\n").append(part.sql);
        }
        try (PreparedStatement statement = db.prepareStatement(sql.toString())) {
            int next = 1;
            for (Part part : group) {
                next = part.parameters.bind(statement, next);
            }
            statement.execute();
            boolean expected = true;
            for (int i = 0; i < group.size(); i++) {
                if (i > 0) {
                    statement.getMoreResults();
                }
                int count = statement.getUpdateCount();
                expected &= group.get(i).expectedCount == ANY_COUNT || group.get(i).expectedCount == count;
            }
            return expected;
        }
    }

    /** The statements cut into groups that each fit in one message's parameters. */
    private List<List<Part>> groups() {
        List<List<Part>> groups = new ArrayList<>();
        List<Part> current = new ArrayList<>();
        int parameters = 0;
        for (Part part : parts) {
            if (!current.isEmpty() && parameters + part.parameterCount > MAX_PARAMETERS) {
                groups.add(current);
                current = new ArrayList<>();
                parameters = 0;
            }
            current.add(part);
            parameters += part.parameterCount;
        }
        if (!current.isEmpty()) {
            groups.add(current);
        }
        return groups;
    }
}
