package io.annals.web.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import io.annals.web.it.Api.Reply;
import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * SPEC.md's HTTP API table against a running application, row by row, including the error paths.
 * Subclasses start the application once for a database; every test makes its own accounts and
 * heroes, so tests share nothing and run in any order.
 */
abstract class ApiContract {

    static final String ADMIN = "admin";
    static final String ADMIN_PASSWORD = "admin-secret";
    static final String USER = "bob";
    static final String USER_PASSWORD = "bob-secret";
    static final String PROBLEM = "application/problem+json";

    /** The environment every suite starts the application with, plus its database settings. */
    static Map<String, String> credentials() {
        return Map.of("ANNALS_ADMIN_USER", ADMIN, "ANNALS_ADMIN_PASSWORD", ADMIN_PASSWORD,
                "ANNALS_USER", USER, "ANNALS_USER_PASSWORD", USER_PASSWORD);
    }

    /** Credentials plus one forwarder that logs every event. */
    static Map<String, String> environment() {
        Map<String, String> environment = new java.util.HashMap<>(credentials());
        environment.put("ANNALS_FORWARDERS", "audit");
        environment.put("ANNALS_FORWARDER_AUDIT_TYPE", "log");
        return environment;
    }

    abstract Api api();

    // ---- accounts

    @Test
    void opensAnAccountWithLocationAndZeroBalance() {
        Reply reply = api().post("/api/accounts", "{\"owner\":\"Alice\"}").send();
        assertEquals(201, reply.status(), reply::toString);
        JsonNode body = reply.json();
        String id = body.get("accountId").asText();
        UUID.fromString(id);
        assertEquals("Alice", body.get("owner").asText());
        assertEquals(0, body.get("balance").decimalValue().signum());
        assertEquals(1, body.get("version").asLong());
        String location = reply.header("Location").orElseThrow();
        assertTrue(location.endsWith("/api/accounts/" + id), location);
        assertEquals(200, api().get(location).send().status());
    }

    @Test
    void depositsAndWithdrawsAsInTheSeedScenario() {
        String id = openAccount("Seed");
        Reply deposit = api().post("/api/accounts/" + id + "/deposits", "{\"amount\":100}").send();
        assertEquals(200, deposit.status(), deposit::toString);
        assertMoney("100", deposit.json().get("balance"));
        assertEquals(id, deposit.json().get("accountId").asText());
        assertEquals(2, deposit.json().get("version").asLong());
        assertEquals(3, deposit.json().size(), "exactly accountId, balance, version: " + deposit.body());

        Reply withdrawal = api().post("/api/accounts/" + id + "/withdrawals", "{\"amount\":30}").send();
        assertEquals(200, withdrawal.status(), withdrawal::toString);
        assertMoney("70", withdrawal.json().get("balance"));

        Reply account = api().get("/api/accounts/" + id).send();
        assertEquals(200, account.status());
        assertMoney("70", account.json().get("balance"));
        assertEquals("Seed", account.json().get("owner").asText());
        assertEquals(3, account.json().get("version").asLong());
        assertEquals("\"3\"", account.header("ETag").orElseThrow());
    }

    @Test
    void writesMoneyAsPlainNumbersWithTheirDecimals() {
        String id = openAccount("Plain");
        Reply deposit = api().post("/api/accounts/" + id + "/deposits", "{\"amount\":100.50}").send();
        assertEquals(200, deposit.status(), deposit::toString);
        assertTrue(deposit.body().contains("\"balance\":100.50"), deposit.body());
        Reply big = api().post("/api/accounts/" + id + "/deposits", "{\"amount\":1000000000.00}").send();
        assertEquals(200, big.status(), big::toString);
        assertTrue(big.body().contains("\"balance\":1000000100.50"), big.body());
        assertTrue(api().get("/api/accounts/" + id).send().body().contains("\"balance\":1000000100.50"));
    }

    @Test
    void refusesInvalidAmountsWith400AndStoresNothing() {
        String id = openAccount("Strict");
        for (String body : List.of("{\"amount\":\"100\"}", "{\"amount\":100.000}", "{\"amount\":1e2}", "{\"amount\":1.5E1}",
                "{\"amount\":0}", "{\"amount\":-5}", "{\"amount\":1000000000.01}", "{}", "{\"amount\":null}",
                "{\"amount\":true}")) {
            Reply reply = api().post("/api/accounts/" + id + "/deposits", body).send();
            assertProblem(reply, 400);
            assertEquals("amount", reply.json().get("errors").get(0).get("field").asText(), body + " → " + reply.body());
        }
        assertEquals(1, api().get("/api/accounts/" + id).send().json().get("version").asLong(), "nothing was stored");
    }

    @Test
    void refusesMalformedJsonUnknownFieldsAndMissingBodiesWith400() {
        String id = openAccount("Careful");
        Reply malformed = api().post("/api/accounts/" + id + "/deposits", "{\"amount\":").send();
        assertProblem(malformed, 400);
        Reply unknown = api().post("/api/accounts/" + id + "/deposits", "{\"amount\":5,\"currency\":\"EUR\"}").send();
        assertProblem(unknown, 400);
        assertEquals("currency", unknown.json().get("errors").get(0).get("field").asText());
        assertProblem(api().post("/api/accounts/" + id + "/deposits", "").send(), 400);
        assertProblem(api().post("/api/accounts/" + id + "/deposits", "[1,2]").send(), 400);
        Reply blankOwner = api().post("/api/accounts", "{\"owner\":\"  \"}").send();
        assertProblem(blankOwner, 400);
        assertEquals("owner", blankOwner.json().get("errors").get(0).get("field").asText());
        assertProblem(api().post("/api/accounts", "{\"owner\":\"" + "x".repeat(65) + "\"}").send(), 400);
        assertProblem(api().post("/api/accounts", "{\"owner\":42}").send(), 400);
        assertEquals(1, api().get("/api/accounts/" + id).send().json().get("version").asLong(), "nothing was stored");
    }

    @Test
    void answers404ForUnknownAccountsAndIdsThatAreNotUuids() {
        String unknown = UUID.randomUUID().toString();
        assertProblem(api().get("/api/accounts/" + unknown).send(), 404);
        assertProblem(api().get("/api/accounts/" + unknown + "/events").send(), 404);
        assertProblem(api().post("/api/accounts/" + unknown + "/deposits", "{\"amount\":1}").send(), 404);
        assertProblem(api().post("/api/accounts/" + unknown + "/withdrawals", "{\"amount\":1}").send(), 404);
        assertProblem(api().get("/api/accounts/not-a-uuid").send(), 404);
        assertProblem(api().post("/api/accounts/not-a-uuid/deposits", "{\"amount\":1}").send(), 404);
        assertProblem(api().get("/api/transfers/" + unknown).send(), 404);
        // 400 comes before 404
        assertProblem(api().post("/api/accounts/" + unknown + "/deposits", "{\"amount\":1.001}").send(), 400);
    }

    @Test
    void refusesAWithdrawalBeyondTheBalanceWith422() {
        String id = openAccount("Poor");
        deposit(id, "20");
        Reply reply = api().post("/api/accounts/" + id + "/withdrawals", "{\"amount\":30}").send();
        assertProblem(reply, 422);
        assertTrue(reply.json().get("type").asText().endsWith("insufficient-funds"), reply.body());
        assertEquals(2, api().get("/api/accounts/" + id).send().json().get("version").asLong(), "nothing was stored");
    }

    @Test
    void honoursIfMatchAndRefusesAStaleVersionWith412() {
        String id = openAccount("Pinned");
        Reply stale = api().post("/api/accounts/" + id + "/deposits", "{\"amount\":5}").header("If-Match", "\"7\"").send();
        assertProblem(stale, 412);
        Reply current = api().post("/api/accounts/" + id + "/deposits", "{\"amount\":5}").header("If-Match", "\"1\"").send();
        assertEquals(200, current.status(), current::toString);
        assertProblem(api().post("/api/accounts/" + id + "/deposits", "{\"amount\":5}").header("If-Match", "\"1\"").send(), 412);
        assertProblem(api().post("/api/accounts/" + id + "/deposits", "{\"amount\":5}").header("If-Match", "seven").send(), 400);
        Reply account = api().get("/api/accounts/" + id).send();
        assertEquals(2, account.json().get("version").asLong());
        assertMoney("5", account.json().get("balance"));
    }

    @Test
    void serialisesRacingWithdrawalsSoExactlyTheFundedOnesSucceed() throws Exception {
        String id = openAccount("Racer");
        deposit(id, "200");
        ExecutorService pool = Executors.newFixedThreadPool(50);
        try {
            List<Callable<Integer>> withdrawals = new ArrayList<>();
            for (int i = 0; i < 50; i++) {
                withdrawals.add(() -> api().post("/api/accounts/" + id + "/withdrawals", "{\"amount\":10}").send().status());
            }
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> status : pool.invokeAll(withdrawals)) {
                statuses.add(status.get());
            }
            assertEquals(20, statuses.stream().filter(s -> s == 200).count(), statuses::toString);
            assertEquals(30, statuses.stream().filter(s -> s == 422).count(), statuses::toString);
        } finally {
            pool.shutdownNow();
        }
        Reply account = api().get("/api/accounts/" + id).send();
        assertEquals(0, account.json().get("balance").decimalValue().signum(), account.body());
        assertEquals(22, account.json().get("version").asLong());
    }

    @Test
    void listsAccountEventsInVersionOrderWithTheRequestsMetadata() {
        String correlation = "corr-" + UUID.randomUUID();
        String id = openAccount("Historic");
        Reply deposit = api().post("/api/accounts/" + id + "/deposits", "{\"amount\":12.50}")
                .header("X-Correlation-Id", correlation).basic(USER, USER_PASSWORD).send();
        assertEquals(200, deposit.status(), deposit::toString);
        assertEquals(correlation, deposit.header("X-Correlation-Id").orElseThrow());

        JsonNode events = api().get("/api/accounts/" + id + "/events").send().json();
        assertEquals(2, events.size(), events::toString);
        JsonNode opened = events.get(0);
        assertEquals("AccountOpened", opened.get("type").asText());
        assertEquals(1, opened.get("version").asLong());
        assertEquals("Historic", opened.get("data").get("owner").asText());
        JsonNode deposited = events.get(1);
        assertEquals("MoneyDeposited", deposited.get("type").asText());
        assertEquals(2, deposited.get("version").asLong());
        assertTrue(deposited.get("position").asLong() > opened.get("position").asLong());
        assertTrue(deposited.get("streamId").asText().contains(id), deposited::toString);
        UUID.fromString(deposited.get("eventId").asText());
        assertMoney("12.50", deposited.get("data").get("amount"));
        JsonNode metadata = deposited.get("metadata");
        assertEquals(correlation, metadata.get("correlationId").asText());
        assertTrue(metadata.get("causationId").isNull(), metadata::toString);
        assertEquals(USER, metadata.get("principal").asText());
        assertTrue(metadata.get("tenant").isNull());
        assertTrue(metadata.has("tenant"));
        assertTrue(opened.get("metadata").get("principal").isNull(), "no credentials, no principal");
        assertTrue(deposited.get("occurredAt").asText().matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z"),
                deposited::toString);
    }

    @Test
    void listsAccountsFromTheReadModelInCreationOrderWithPaging() {
        String first = openAccount("Page-1");
        String second = openAccount("Page-2");
        JsonNode all = eventually(() -> api().get("/api/accounts?limit=1000").send().json(),
                list -> indexOf(list, "accountId", second) >= 0);
        int at = indexOf(all, "accountId", first);
        assertTrue(at >= 0 && indexOf(all, "accountId", second) > at, "creation order: " + all);
        JsonNode page = api().get("/api/accounts?limit=1&offset=" + at).send().json();
        assertEquals(1, page.size());
        assertEquals(first, page.get(0).get("accountId").asText());
        assertEquals(4, page.get(0).size(), "accountId, owner, balance, version: " + page);
        for (String bad : List.of("limit=0", "limit=1001", "limit=abc", "offset=-1", "offset=x")) {
            Reply reply = api().get("/api/accounts?" + bad).send();
            assertProblem(reply, 400);
            assertEquals(bad.substring(0, bad.indexOf('=')), reply.json().get("errors").get(0).get("field").asText());
        }
    }

    // ---- transfers

    @Test
    void completesATransferBetweenTwoAccounts() {
        String from = openAccount("Payer");
        String to = openAccount("Payee");
        deposit(from, "100");
        Reply accepted = api().post("/api/accounts/" + from + "/transfers", "{\"toAccountId\":\"" + to + "\",\"amount\":10}").send();
        assertEquals(202, accepted.status(), accepted::toString);
        String transfer = accepted.json().get("transferId").asText();
        assertTrue(accepted.header("Location").orElseThrow().endsWith("/api/transfers/" + transfer));
        assertMoney("90", api().get("/api/accounts/" + from).send().json().get("balance"));

        JsonNode status = api().get("/api/transfers/" + transfer).send().json();
        assertEquals(from, status.get("fromAccountId").asText());
        assertEquals(to, status.get("toAccountId").asText());
        assertMoney("10", status.get("amount"));
        assertTrue(List.of("debited", "completed").contains(status.get("state").asText()), status::toString);
        JsonNode done = eventually(() -> api().get("/api/transfers/" + transfer).send().json(),
                s -> s.get("state").asText().equals("completed"));
        assertTrue(done.get("reason").isNull(), done::toString);
        assertMoney("10", eventually(() -> api().get("/api/accounts/" + to).send().json(),
                a -> a.get("balance").decimalValue().signum() > 0).get("balance"));
    }

    @Test
    void failsATransferToAnUnknownAccountAndRefundsTheSource() {
        String from = openAccount("Hopeful");
        deposit(from, "50");
        Reply accepted = api().post("/api/accounts/" + from + "/transfers",
                "{\"toAccountId\":\"" + UUID.randomUUID() + "\",\"amount\":20}").send();
        assertEquals(202, accepted.status(), accepted::toString);
        String transfer = accepted.json().get("transferId").asText();
        JsonNode failed = eventually(() -> api().get("/api/transfers/" + transfer).send().json(),
                s -> s.get("state").asText().equals("failed"));
        assertFalse(failed.get("reason").isNull(), failed::toString);
        assertMoney("50", eventually(() -> api().get("/api/accounts/" + from).send().json(),
                a -> a.get("balance").decimalValue().compareTo(new BigDecimal("50")) == 0).get("balance"));
    }

    @Test
    void refusesInvalidTransfers() {
        String from = openAccount("Sender");
        String to = openAccount("Receiver");
        deposit(from, "10");
        Reply self = api().post("/api/accounts/" + from + "/transfers", "{\"toAccountId\":\"" + from + "\",\"amount\":1}").send();
        assertProblem(self, 400);
        assertTrue(self.body().contains("toAccountId"), self.body());
        Reply notUuid = api().post("/api/accounts/" + from + "/transfers", "{\"toAccountId\":\"abc\",\"amount\":1}").send();
        assertProblem(notUuid, 400);
        assertEquals("toAccountId", notUuid.json().get("errors").get(0).get("field").asText());
        assertProblem(api().post("/api/accounts/" + from + "/transfers", "{\"amount\":1}").send(), 400);
        Reply poor = api().post("/api/accounts/" + from + "/transfers", "{\"toAccountId\":\"" + to + "\",\"amount\":11}").send();
        assertProblem(poor, 422);
        assertTrue(poor.json().get("type").asText().endsWith("insufficient-funds"));
        assertProblem(api().post("/api/accounts/" + UUID.randomUUID() + "/transfers",
                "{\"toAccountId\":\"" + to + "\",\"amount\":1}").send(), 404);
        assertEquals(2, api().get("/api/accounts/" + from).send().json().get("version").asLong(), "nothing was stored");
    }

    // ---- heroes

    @Test
    void recruitsAHeroWhoKillsADragonAndFindsAnItemInTheSameFlow() {
        Reply recruited = api().post("/api/heroes", "{\"name\":\"Ragnar\"}").send();
        assertEquals(201, recruited.status(), recruited::toString);
        String hero = recruited.json().get("heroId").asText();
        assertEquals("Ragnar", recruited.json().get("name").asText());
        assertTrue(recruited.header("Location").orElseThrow().endsWith("/api/heroes/" + hero));
        JsonNode fresh = api().get("/api/heroes/" + hero).send().json();
        assertEquals("Ragnar", fresh.get("name").asText());
        assertEquals(0, fresh.get("dragonsKilled").size());

        String correlation = "quest-" + UUID.randomUUID();
        Reply kill = api().post("/api/heroes/" + hero + "/kill-dragon", "{\"dragonId\":\"d1\"}")
                .header("X-Correlation-Id", correlation).send();
        assertEquals(200, kill.status(), kill::toString);
        UUID.fromString(kill.json().get("actionId").asText());

        JsonNode withItem = eventually(() -> api().get("/api/heroes/" + hero).send().json(), h -> h.get("items").size() > 0);
        assertEquals("d1", withItem.get("dragonsKilled").get(0).asText());

        List<JsonNode> flow = new ArrayList<>();
        for (JsonNode event : allEvents()) {
            if (event.get("streamId").asText().contains(hero)) {
                flow.add(event);
            }
        }
        JsonNode killed = flow.stream().filter(e -> e.get("type").asText().equals("HeroKilledDragon")).findFirst().orElseThrow();
        JsonNode found = flow.stream().filter(e -> e.get("type").asText().equals("HeroFoundItem")).findFirst()
                .orElseThrow(() -> new AssertionError("no HeroFoundItem in " + flow));
        assertEquals(correlation, killed.get("metadata").get("correlationId").asText());
        assertEquals(correlation, found.get("metadata").get("correlationId").asText(), "the saga keeps the request's correlation id");
        assertNotEquals("null", found.get("metadata").get("causationId").asText());

        JsonNode board = eventually(() -> api().get("/api/heroes").send().json(), list -> indexOf(list, "heroId", hero) >= 0);
        assertEquals("Ragnar", board.get(indexOf(board, "heroId", hero)).get("name").asText());
    }

    @Test
    void refusesASecondKillOfTheSameDragonAndUnknownHeroes() {
        String hero = api().post("/api/heroes", "{\"name\":\"Bjorn\"}").send().json().get("heroId").asText();
        assertEquals(200, api().post("/api/heroes/" + hero + "/kill-dragon", "{\"dragonId\":\"smaug\"}").send().status());
        Reply again = api().post("/api/heroes/" + hero + "/kill-dragon", "{\"dragonId\":\"smaug\"}").send();
        assertProblem(again, 422);
        assertTrue(again.json().get("type").asText().endsWith("dragon-already-slain"), again.body());
        assertProblem(api().post("/api/heroes/" + UUID.randomUUID() + "/kill-dragon", "{\"dragonId\":\"d\"}").send(), 404);
        assertProblem(api().get("/api/heroes/" + UUID.randomUUID()).send(), 404);
        assertProblem(api().get("/api/heroes/nope").send(), 404);
        assertProblem(api().post("/api/heroes/" + hero + "/kill-dragon", "{\"dragonId\":\"\"}").send(), 400);
        assertProblem(api().post("/api/heroes", "{\"name\":\"\"}").send(), 400);
        assertProblem(api().post("/api/heroes", "{\"name\":\"Ivar\",\"age\":3}").send(), 400);
    }

    // ---- idempotency

    @Test
    void replaysARepeatedRequestWithTheSameIdempotencyKey() {
        String id = openAccount("Once");
        String key = "key-" + UUID.randomUUID();
        Reply first = api().post("/api/accounts/" + id + "/deposits", "{\"amount\":25}").header("Idempotency-Key", key).send();
        Reply repeat = api().post("/api/accounts/" + id + "/deposits", "{ \"amount\" : 25 }").header("Idempotency-Key", key).send();
        assertEquals(200, first.status(), first::toString);
        assertEquals(first.status(), repeat.status());
        assertEquals(first.json(), repeat.json());
        assertMoney("25", api().get("/api/accounts/" + id).send().json().get("balance"));

        Reply different = api().post("/api/accounts/" + id + "/deposits", "{\"amount\":26}").header("Idempotency-Key", key).send();
        assertProblem(different, 422);
        Reply otherPath = api().post("/api/accounts/" + id + "/withdrawals", "{\"amount\":25}").header("Idempotency-Key", key).send();
        assertEquals(200, otherPath.status(), "a key is scoped to method and path: " + otherPath);
        assertEquals(0, api().get("/api/accounts/" + id).send().json().get("balance").decimalValue().signum());
    }

    @Test
    void runsConcurrentRepeatsOfOneKeyOnce() throws Exception {
        String id = openAccount("Hurried");
        String key = "race-" + UUID.randomUUID();
        ExecutorService pool = Executors.newFixedThreadPool(10);
        List<Reply> replies = new ArrayList<>();
        try {
            List<Callable<Reply>> repeats = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
                repeats.add(() -> api().post("/api/accounts/" + id + "/deposits", "{\"amount\":7}").header("Idempotency-Key", key).send());
            }
            for (Future<Reply> reply : pool.invokeAll(repeats)) {
                replies.add(reply.get());
            }
        } finally {
            pool.shutdownNow();
        }
        List<JsonNode> bodies = new ArrayList<>();
        for (Reply reply : replies) {
            if (reply.status() == 409) {
                assertProblem(reply, 409);
            } else {
                assertEquals(200, reply.status(), reply::toString);
                bodies.add(reply.json());
            }
        }
        assertFalse(bodies.isEmpty(), replies::toString);
        assertTrue(bodies.stream().allMatch(bodies.get(0)::equals), "every success is the same response: " + bodies);
        assertMoney("7", api().get("/api/accounts/" + id).send().json().get("balance"));
    }

    @Test
    void replaysRefusalsAndCreations() {
        String key = "open-" + UUID.randomUUID();
        Reply opened = api().post("/api/accounts", "{\"owner\":\"Twice\"}").header("Idempotency-Key", key).send();
        Reply again = api().post("/api/accounts", "{\"owner\":\"Twice\"}").header("Idempotency-Key", key).send();
        assertEquals(201, again.status());
        assertEquals(opened.json().get("accountId"), again.json().get("accountId"));
        assertEquals(opened.header("Location"), again.header("Location"));

        String id = opened.json().get("accountId").asText();
        String refusalKey = "poor-" + UUID.randomUUID();
        Reply refused = api().post("/api/accounts/" + id + "/withdrawals", "{\"amount\":5}").header("Idempotency-Key", refusalKey).send();
        assertProblem(refused, 422);
        deposit(id, "100");
        Reply replayed = api().post("/api/accounts/" + id + "/withdrawals", "{\"amount\":5}").header("Idempotency-Key", refusalKey).send();
        assertProblem(replayed, 422);
        assertEquals(refused.json(), replayed.json());
        assertMoney("100", api().get("/api/accounts/" + id).send().json().get("balance"));
    }

    // ---- security and the admin API

    @Test
    void guardsTheAdminApi() {
        for (String path : List.of("/api/events", "/api/projections", "/api/projections/accounts", "/api/dead-letters",
                "/api/forwarders")) {
            Reply anonymous = api().get(path).send();
            assertProblem(anonymous, 401);
            assertTrue(anonymous.header("WWW-Authenticate").orElseThrow().startsWith("Basic"));
            Reply wrong = api().get(path).basic(ADMIN, "wrong").send();
            assertProblem(wrong, 401);
            assertTrue(wrong.header("WWW-Authenticate").orElseThrow().startsWith("Basic"));
            assertEquals("", wrong.header("Server").orElse(""));
            assertProblem(api().get(path).basic(USER, USER_PASSWORD).send(), 403);
            assertEquals(200, api().get(path).basic(ADMIN, ADMIN_PASSWORD).send().status(), path);
        }
        assertProblem(api().post("/api/accounts", "{\"owner\":\"Mallory\"}").basic(USER, "wrong").send(), 401);
        for (String path : List.of("/api/projections/accounts/rebuild", "/api/dead-letters/" + UUID.randomUUID() + "/retry",
                "/api/dead-letters/" + UUID.randomUUID() + "/skip")) {
            assertProblem(api().post(path, null).send(), 401);
            assertProblem(api().post(path, null).basic(USER, USER_PASSWORD).send(), 403);
        }
    }

    @Test
    void rebuildsTheAccountsReadModelWhileItKeepsAnswering() {
        String account = openAccount("Rebuilt");
        eventually(() -> api().get("/api/accounts?limit=1000").send().json(), list -> indexOf(list, "accountId", account) >= 0);
        Reply accepted = api().post("/api/projections/accounts/rebuild", null).basic(ADMIN, ADMIN_PASSWORD).send();
        assertEquals(202, accepted.status(), accepted::toString);
        assertTrue(accepted.header("Location").orElseThrow().endsWith("/api/projections/accounts"), accepted::toString);
        assertTrue(indexOf(api().get("/api/accounts?limit=1000").send().json(), "accountId", account) >= 0,
                "the read model answers during the rebuild");
        JsonNode done = eventually(() -> admin("/api/projections/accounts").json(), status -> status.get("state").asText().equals("running"));
        assertTrue(done.get("progress").isNull(), done::toString);
        assertTrue(indexOf(api().get("/api/accounts?limit=1000").send().json(), "accountId", account) >= 0,
                "the rebuilt read model has the account");
    }

    @Test
    void rebuildsTheHeroesBoardWhileItKeepsAnswering() {
        String hero = api().post("/api/heroes", "{\"name\":\"Rebuilt\"}").send().json().get("heroId").asText();
        eventually(() -> api().get("/api/heroes").send().json(), list -> indexOf(list, "heroId", hero) >= 0);
        Reply accepted = api().post("/api/projections/heroes/rebuild", null).basic(ADMIN, ADMIN_PASSWORD).send();
        assertEquals(202, accepted.status(), accepted::toString);
        assertTrue(accepted.header("Location").orElseThrow().endsWith("/api/projections/heroes"), accepted::toString);
        assertEquals("heroes", accepted.json().get("name").asText());
        assertTrue(indexOf(api().get("/api/heroes").send().json(), "heroId", hero) >= 0, "the board answers during the rebuild");
        JsonNode done = eventually(() -> admin("/api/projections/heroes").json(), status -> status.get("state").asText().equals("running"));
        assertTrue(done.get("progress").isNull(), done::toString);
        assertTrue(indexOf(api().get("/api/heroes").send().json(), "heroId", hero) >= 0, "the rebuilt board has the hero");
    }

    @Test
    void refusesToRebuildSagasAndUnknownProjections() {
        Reply saga = api().post("/api/projections/TransferSaga/rebuild", null).basic(ADMIN, ADMIN_PASSWORD).send();
        assertProblem(saga, 409);
        assertProblem(api().post("/api/projections/nothing/rebuild", null).basic(ADMIN, ADMIN_PASSWORD).send(), 404);
    }

    @Test
    void listsDeadLettersAndAnswers404ForUnknownOnes() {
        Reply parked = admin("/api/dead-letters");
        assertTrue(parked.json().isArray(), parked::toString);
        for (String action : List.of("retry", "skip")) {
            assertProblem(api().post("/api/dead-letters/" + UUID.randomUUID() + "/" + action, null)
                    .basic(ADMIN, ADMIN_PASSWORD).send(), 404);
            assertProblem(api().post("/api/dead-letters/not-a-uuid/" + action, null).basic(ADMIN, ADMIN_PASSWORD).send(), 404);
        }
    }

    @Test
    void showsTheConfiguredForwardersCatchingUp() {
        openAccount("Forwarded");
        long head = allEvents().size();
        JsonNode forwarders = eventually(() -> admin("/api/forwarders").json(),
                list -> list.size() == 1 && list.get(0).get("position").asLong() >= head);
        JsonNode audit = forwarders.get(0);
        assertEquals("audit", audit.get("name").asText());
        assertEquals("running", audit.get("state").asText());
        assertEquals(0, audit.get("failures").asLong());
        assertTrue(audit.has("lag"), audit::toString);
    }

    @Test
    void readsTheGlobalLogInPositionOrderWithPaging() {
        openAccount("Logged");
        JsonNode first = admin("/api/events?after=0&limit=2").json();
        assertEquals(2, first.size());
        assertEquals(1, first.get(0).get("position").asLong());
        assertEquals(2, first.get(1).get("position").asLong());
        JsonNode next = admin("/api/events?after=1&limit=1").json();
        assertEquals(first.get(1), next.get(0));
        long head = allEvents().size();
        assertEquals(Math.min(100, head), admin("/api/events").json().size(), "limit defaults to 100");
        for (String bad : List.of("after=-1", "after=x", "limit=0", "limit=1001", "limit=1.5")) {
            assertProblem(api().get("/api/events?" + bad).basic(ADMIN, ADMIN_PASSWORD).send(), 400);
        }
    }

    @Test
    void showsTheStatusOfProjectionsAndSagas() {
        JsonNode all = admin("/api/projections").json();
        for (String name : List.of("accounts", "heroes")) {
            JsonNode status = all.get(indexOf(all, "name", name));
            assertEquals("projection", status.get("kind").asText(), status::toString);
            assertTrue(List.of("running", "rebuilding", "stopped", "failing").contains(status.get("state").asText()));
            for (String field : List.of("position", "head", "lag", "lastError", "progress")) {
                assertTrue(status.has(field), field + " in " + status);
            }
            assertTrue(status.get("progress").isNull());
        }
        assertTrue(all.findValuesAsText("kind").contains("saga"), all::toString);
        assertEquals("accounts", admin("/api/projections/accounts").json().get("name").asText());
        assertProblem(api().get("/api/projections/nothing").basic(ADMIN, ADMIN_PASSWORD).send(), 404);
    }

    // ---- HTTP behaviour shared by every endpoint

    @Test
    void answersMediaTypeProblemsBeforeAnythingElse() {
        String id = openAccount("Typed");
        Reply wrongType = api().post("/api/accounts/" + id + "/deposits", "amount=5").header("Content-Type", "text/plain").send();
        assertProblem(wrongType, 415);
        Reply wrongAccept = api().get("/api/accounts/" + id).header("Accept", "text/html").send();
        assertProblem(wrongAccept, 406);
        Reply wrongMethod = api().method("DELETE", "/api/accounts/" + id).send();
        assertProblem(wrongMethod, 405);
        assertTrue(wrongMethod.header("Allow").orElseThrow().contains("GET"), wrongMethod::toString);
        // 415 before 413
        byte[] huge = new byte[(1 << 20) + 10];
        assertProblem(api().post("/api/accounts/" + id + "/deposits", null).header("Content-Type", "text/plain")
                .body(HttpRequest.BodyPublishers.ofByteArray(huge)).send(), 415);
    }

    @Test
    void refusesBodiesOverOneMebibyteWith413() {
        String id = openAccount("Heavy");
        String padding = " ".repeat((1 << 20) + 1);
        Reply declared = api().post("/api/accounts/" + id + "/deposits", "{\"amount\":1}" + padding).send();
        assertProblem(declared, 413);
        byte[] chunked = ("{\"amount\":1}" + padding).getBytes();
        Reply streamed = api().post("/api/accounts/" + id + "/deposits", null)
                .body(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(chunked))).send();
        assertProblem(streamed, 413);
        Reply small = api().post("/api/accounts/" + id + "/deposits", null)
                .body(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream("{\"amount\":1}".getBytes()))).send();
        assertEquals(200, small.status(), small::toString);
    }

    @Test
    void answersUnknownPathsAsProblems() {
        for (String path : List.of("/nope", "/api/nope", "/api", "/api/accounts/" + UUID.randomUUID() + "/nope")) {
            Reply reply = api().get(path).send();
            assertProblem(reply, 404);
            assertEquals(path, reply.json().get("instance").asText());
        }
    }

    @Test
    void echoesOrGeneratesTheCorrelationIdAndRefusesInvalidOnes() {
        Reply given = api().get("/api/heroes").header("X-Correlation-Id", "A-z_0.9:x").send();
        assertEquals("A-z_0.9:x", given.header("X-Correlation-Id").orElseThrow());
        Reply generated = api().get("/api/accounts").send();
        assertFalse(generated.header("X-Correlation-Id").orElseThrow().isBlank());
        Reply onError = api().get("/nope").header("X-Correlation-Id", "on-error").send();
        assertEquals("on-error", onError.header("X-Correlation-Id").orElseThrow());
        for (String invalid : List.of("x".repeat(129), "white space", "semi;colon", "é")) {
            Reply reply = api().post("/api/accounts", "{\"owner\":\"Eve\"}").header("X-Correlation-Id", invalid).send();
            assertProblem(reply, 400);
            assertFalse(reply.header("X-Correlation-Id").orElseThrow().isBlank());
        }
        assertEquals("x".repeat(128), api().get("/api/accounts").header("X-Correlation-Id", "x".repeat(128)).send()
                .header("X-Correlation-Id").orElseThrow());
    }

    @Test
    void neverTellsWhatServerRuns() {
        for (Reply reply : List.of(api().get("/api/accounts").send(), api().get("/nope").send(),
                api().get("/api/events").send(), api().get("/health/live").send())) {
            assertEquals("", reply.header("Server").orElse(""), reply::toString);
            assertTrue(reply.header("X-Powered-By").isEmpty(), reply::toString);
            assertFalse(reply.body().contains("Payara"), reply::toString);
        }
    }

    // ---- operations

    @Test
    void reportsHealth() {
        Reply live = api().get("/health/live").send();
        assertEquals(200, live.status());
        assertEquals("UP", live.json().get("status").asText());
        Reply ready = api().get("/health/ready").send();
        assertEquals(200, ready.status(), ready::toString);
        JsonNode data = ready.json().get("checks").get(0).get("data");
        assertEquals("up", data.get("database").asText(), ready::toString);
        assertTrue(data.has("accounts.lag"), ready::toString);
    }

    @Test
    void documentsEveryEndpointInOpenApi() {
        Reply openapi = api().get("/openapi").header("Accept", "application/json").send();
        assertEquals(200, openapi.status());
        JsonNode paths = openapi.json().get("paths");
        for (String path : List.of("/api/accounts", "/api/accounts/{id}", "/api/accounts/{id}/events", "/api/accounts/{id}/deposits",
                "/api/accounts/{id}/withdrawals", "/api/accounts/{id}/transfers", "/api/transfers/{transferId}", "/api/heroes",
                "/api/heroes/{id}", "/api/heroes/{id}/kill-dragon", "/api/events", "/api/projections/{name}/rebuild",
                "/api/dead-letters", "/api/dead-letters/{id}/retry", "/api/dead-letters/{id}/skip", "/api/forwarders", "/api/projections", "/api/projections/{name}")) {
            assertTrue(paths.has(path), path + " in " + paths.fieldNames());
        }
        assertTrue(paths.get("/api/accounts/{id}/withdrawals").get("post").get("responses").has("422"));
        Reply ui = api().get("/openapi-ui/").send();
        assertEquals(200, ui.status(), ui::toString);
        assertTrue(ui.body().contains("/openapi"), ui::toString);
    }

    @Test
    void countsCommandsInMetrics() {
        openAccount("Counted");
        Reply metrics = api().get("/metrics").send();
        assertEquals(200, metrics.status());
        assertTrue(metrics.body().contains("annals_commands_handled"), metrics.body());
        assertTrue(metrics.body().contains("annals_store_append"), "append latency");
        assertTrue(metrics.body().contains("annals_processor_lag"), "projection lag");
    }

    // ---- helpers

    String openAccount(String owner) {
        Reply reply = api().post("/api/accounts", "{\"owner\":\"" + owner + "\"}").send();
        assertEquals(201, reply.status(), reply::toString);
        return reply.json().get("accountId").asText();
    }

    void deposit(String account, String amount) {
        Reply reply = api().post("/api/accounts/" + account + "/deposits", "{\"amount\":" + amount + "}").send();
        assertEquals(200, reply.status(), reply::toString);
    }

    Reply admin(String path) {
        Reply reply = api().get(path).basic(ADMIN, ADMIN_PASSWORD).send();
        assertEquals(200, reply.status(), reply::toString);
        return reply;
    }

    List<JsonNode> allEvents() {
        List<JsonNode> events = new ArrayList<>();
        long after = 0;
        while (true) {
            JsonNode page = admin("/api/events?after=" + after + "&limit=1000").json();
            page.forEach(events::add);
            if (page.size() < 1000) {
                return events;
            }
            after = page.get(page.size() - 1).get("position").asLong();
        }
    }

    static void assertProblem(Reply reply, int status) {
        assertEquals(status, reply.status(), reply::toString);
        assertTrue(reply.contentType().startsWith(PROBLEM), reply::toString);
        JsonNode problem = reply.json();
        assertEquals(status, problem.get("status").asInt(), reply::toString);
        for (String field : List.of("type", "title", "detail", "instance")) {
            assertTrue(problem.hasNonNull(field), field + " in " + reply.body());
        }
        assertFalse(reply.body().matches("(?s).*(\\bat [a-z]+\\.|Exception|java\\.|io\\.annals|SELECT |INSERT ).*"),
                "no stack trace, class name or SQL: " + reply.body());
        assertFalse(reply.header("X-Correlation-Id").orElse("").isBlank(), "correlation id echoed on errors");
    }

    static void assertMoney(String expected, JsonNode actual) {
        assertTrue(actual.isNumber(), "a JSON number: " + actual);
        assertEquals(0, new BigDecimal(expected).compareTo(actual.decimalValue()), expected + " vs " + actual);
    }

    static int indexOf(JsonNode list, String field, String value) {
        for (int i = 0; i < list.size(); i++) {
            if (list.get(i).path(field).asText().equals(value)) {
                return i;
            }
        }
        return -1;
    }

    static JsonNode eventually(Supplier<JsonNode> read, Predicate<JsonNode> until) {
        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        JsonNode last = null;
        while (System.nanoTime() < deadline) {
            last = read.get();
            if (until.test(last)) {
                return last;
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        return fail("not reached within 15 s; last: " + last);
    }

}
