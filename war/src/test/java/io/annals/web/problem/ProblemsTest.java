package io.annals.web.problem;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.annals.core.store.AppendOutcomeUnknownException;
import io.annals.core.store.EventStoreUnavailableException;
import java.sql.SQLNonTransientConnectionException;
import org.junit.jupiter.api.Test;

/**
 * The failures of the store that look alike but tell the client different things: "unavailable"
 * (503) promises nothing was done, so an append whose commit went unanswered must not be one.
 */
class ProblemsTest {

    private static final String PATH = "/api/accounts/1/deposits";

    @Test
    void aLostConnectionBeforeAnythingWasStoredIsUnavailable() {
        Problem problem = Problems.problemOf(new EventStoreUnavailableException("the database is closed",
                new SQLNonTransientConnectionException("closed", "90121")), PATH);

        assertEquals(503, problem.status());
        assertEquals("urn:annals:problem:unavailable", problem.type());
    }

    @Test
    void anAppendWhoseCommitWentUnansweredIsNotCalledUnavailable() {
        AppendOutcomeUnknownException unknown = new AppendOutcomeUnknownException("the commit failed",
                new SQLNonTransientConnectionException("closed", "90121"));

        Problem problem = Problems.problemOf(unknown, PATH);

        assertEquals(500, problem.status());
        assertNotNull(problem.errorId());
        assertTrue(problem.detail().contains("could not confirm whether the request took effect"), problem.detail());
        assertTrue(problem.detail().contains(problem.errorId()), "the detail quotes the error id: " + problem.detail());
    }

    @Test
    void anUnknownOutcomeIsFoundBehindWrappers() {
        Problem problem = Problems.problemOf(new IllegalStateException("handler failed",
                new AppendOutcomeUnknownException("not confirmed in time", null)), PATH);

        assertEquals(500, problem.status());
        assertTrue(problem.detail().contains("Idempotency-Key"), problem.detail());
    }
}
