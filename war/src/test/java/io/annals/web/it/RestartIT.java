package io.annals.web.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.annals.web.it.Api.Reply;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * One data directory through three runs of the application. A graceful stop (SIGTERM) under load
 * keeps every acknowledged deposit and none the application refused; a kill (SIGKILL) loses no
 * acknowledged command on the embedded database; idempotency keys and read models come back after
 * both. The last run has no administrator configured, which closes the admin API.
 */
class RestartIT {

    private static final int CONCURRENT_DEPOSITS = 60;

    @Test
    void keepsEveryAcknowledgedCommandAcrossAGracefulStopAndAKill() throws Exception {
        Path work = Files.createTempDirectory("annals-restart-it");
        Map<String, String> environment = new HashMap<>(ApiContract.credentials());
        environment.put("ANNALS_DATA_DIR", work.resolve("data").toString());
        String key = "restart-" + UUID.randomUUID();
        String account;
        Reply keyed;
        long acknowledged;
        long unanswered;

        PayaraMicro first = PayaraMicro.start("restart-1", work, environment);
        try {
            Api api = new Api(first.base());
            Reply opened = api.post("/api/accounts", "{\"owner\":\"Durable\"}").send();
            assertEquals(201, opened.status(), opened::toString);
            account = opened.json().get("accountId").asText();
            keyed = api.post("/api/accounts/" + account + "/deposits", "{\"amount\":100}").header("Idempotency-Key", key).send();
            assertEquals(200, keyed.status(), keyed::toString);
            assertEquals(200, api.post("/api/accounts/" + account + "/withdrawals", "{\"amount\":30}").send().status());

            List<Reply> replies = depositsDuringAStop(api, account, first);
            acknowledged = replies.stream().filter(r -> r != null && r.status() == 200).count();
            unanswered = replies.stream().filter(r -> r == null || !isAnswer(r)).count();
            // the application answers 200 or a clean 503; late in a stop the container itself may drop
            // the JAX-RS servlet and reply without a body, which counts as no answer
            assertTrue(replies.stream().allMatch(r -> r == null || !isAnswer(r) || r.status() == 200 || r.status() == 503),
                    "a stop answers 200 or 503: " + replies);
        } finally {
            first.close();
        }

        BigDecimal afterStop;
        PayaraMicro second = PayaraMicro.start("restart-2", work, environment);
        try {
            Api api = new Api(second.base());
            JsonNode kept = api.get("/api/accounts/" + account).send().json();
            afterStop = kept.get("balance").decimalValue();
            long stored = afterStop.longValue() - 70;
            assertTrue(stored >= acknowledged && stored <= acknowledged + unanswered,
                    "every acknowledged deposit is kept and no refused one: stored " + stored + ", acknowledged " + acknowledged
                            + ", without a telling answer " + unanswered);

            Reply repeat = api.post("/api/accounts/" + account + "/deposits", "{\"amount\":100}").header("Idempotency-Key", key).send();
            assertEquals(200, repeat.status());
            assertEquals(keyed.json(), repeat.json(), "the first response is replayed after the restart");
            assertEquals(0, afterStop.compareTo(api.get("/api/accounts/" + account).send().json().get("balance").decimalValue()),
                    "the replay applied nothing");

            Reply last = api.post("/api/accounts/" + account + "/deposits", "{\"amount\":5}").send();
            assertEquals(200, last.status(), last::toString);
        } finally {
            second.kill();
        }

        // the last run has no administrator: the admin API must be closed and the log must say how to open it
        environment.remove("ANNALS_ADMIN_USER");
        environment.remove("ANNALS_ADMIN_PASSWORD");
        try (PayaraMicro third = PayaraMicro.start("restart-3", work, environment)) {
            Api api = new Api(third.base());
            JsonNode kept = api.get("/api/accounts/" + account).send().json();
            assertEquals(0, afterStop.add(new BigDecimal("5")).compareTo(kept.get("balance").decimalValue()),
                    "the deposit acknowledged just before the kill survived: " + kept);

            JsonNode list = ApiContract.eventually(() -> api.get("/api/accounts?limit=1000").send().json(),
                    accounts -> ApiContract.indexOf(accounts, "accountId", account) >= 0);
            assertTrue(ApiContract.indexOf(list, "accountId", account) >= 0, "the accounts read model was rebuilt");

            Reply closed = api.get("/api/events").basic(ApiContract.ADMIN, ApiContract.ADMIN_PASSWORD).send();
            ApiContract.assertProblem(closed, 401);
            ApiContract.assertProblem(api.get("/api/events").send(), 401);
            assertTrue(third.logText().contains("Set ANNALS_ADMIN_USER and ANNALS_ADMIN_PASSWORD"), "start-up log explains the closed admin API");
        }
    }

    /**
     * Whether a reply during a stop tells the outcome: a 200, or the application's own 503 problem,
     * which refuses before anything runs. A bare 503 from the web container (its JAX-RS servlet is
     * destroyed about two seconds into the stop, busy or not) may come after the command ran.
     */
    private static boolean isAnswer(Reply reply) {
        return reply.status() == 200 || reply.contentType().startsWith(ApiContract.PROBLEM);
    }

    /** Deposits 1 many times at once and stops the server meanwhile; null stands for a request that got no reply. */
    private static List<Reply> depositsDuringAStop(Api api, String account, PayaraMicro server) throws Exception {
        ExecutorService clients = Executors.newFixedThreadPool(CONCURRENT_DEPOSITS);
        try {
            List<Future<Reply>> replies = new ArrayList<>();
            for (int i = 0; i < CONCURRENT_DEPOSITS; i++) {
                replies.add(clients.submit(() -> {
                    try {
                        return api.post("/api/accounts/" + account + "/deposits", "{\"amount\":1}").send();
                    } catch (IllegalStateException noReply) {
                        return null;
                    }
                }));
            }
            Thread.sleep(300);
            server.close();
            List<Reply> all = new ArrayList<>();
            for (Future<Reply> reply : replies) {
                all.add(reply.get());
            }
            return all;
        } finally {
            clients.shutdownNow();
        }
    }
}
