package io.annals.benchmarks;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * P6: the application over HTTP on Payara Micro, 16 connections each depositing to an account of
 * its own ({@code POST /api/accounts/{id}/deposits}), against the same server answering a query
 * that does almost nothing ({@code GET /api/heroes} on an empty read model) in alternating rounds
 * of the same length. Every loop is bounded in time and sends only to the server on loopback.
 * <p>
 * Warm-up alternates both loads for at least 20 s each, then goes on in rounds until the JIT
 * compilers of the server and of this client have settled (each used under 5 % of a core over the
 * last pair of rounds; at most {@link #MAX_WARM_UP}): the server's compiler was still busy with the
 * deposit's path minutes into a run, a fifth of the deposit's CPU after 75 s.
 */
final class HttpCase {

    private static final int CONNECTIONS = 16;
    private static final Duration WARM_UP = Duration.ofSeconds(20);
    private static final Duration MAX_WARM_UP = Duration.ofSeconds(180);
    private static final Duration ROUND = Duration.ofSeconds(4);
    private static final int ROUNDS = 5;
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);
    private static final Pattern ACCOUNT_ID = Pattern.compile("\"accountId\"\\s*:\\s*\"([0-9a-f-]{36})\"");

    private final String databaseKind;
    private final Path payaraJar;
    private final Path war;

    HttpCase(String databaseKind, Path payaraJar, Path war) {
        this.databaseKind = databaseKind;
        this.payaraJar = payaraJar;
        this.war = war;
    }

    void run(Report report) throws Exception {
        String what = "HTTP deposits, 16 connections (" + databaseKind + ")";
        if (!PayaraServer.exists(payaraJar, war)) {
            report.row("P6", what, "not run", "needs " + war + " and " + payaraJar + " (package the war module)", "-",
                    "≥ 0.50×", "NOT run");
            return;
        }
        Path workDir = Files.createTempDirectory("annals-bench-http");
        try (Database database = databaseKind.equals("PostgreSQL") ? Database.create(databaseKind) : null;
             PayaraServer server = PayaraServer.start(payaraJar, war, workDir, environment(database, workDir))) {
            HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                    .connectTimeout(Duration.ofSeconds(5)).build();
            List<URI> deposits = openAccounts(client, server.base());
            Load deposit = new Load(client, (connection, sequence) -> HttpRequest.newBuilder(deposits.get(connection))
                    .timeout(REQUEST_TIMEOUT).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"amount\":1.00}")).build(), 200);
            URI heroes = server.base().resolve("/api/heroes");
            Load trivial = new Load(client, (connection, sequence) -> HttpRequest.newBuilder(heroes)
                    .timeout(REQUEST_TIMEOUT).GET().build(), 200);

            warmUp(server, deposit, trivial);
            List<Round> depositRounds = new ArrayList<>();
            List<Round> trivialRounds = new ArrayList<>();
            double[] ratios = new double[ROUNDS];
            for (int round = 0; round < ROUNDS; round++) {
                Round d = round % 2 == 0 ? deposit.run(ROUND) : null;
                Round t = trivial.run(ROUND);
                if (d == null) {
                    d = deposit.run(ROUND);
                }
                depositRounds.add(d);
                trivialRounds.add(t);
                ratios[round] = d.perSecond() / t.perSecond();
            }
            Arrays.sort(ratios);
            double ratio = ratios[ROUNDS / 2];
            Round d = Round.merge(depositRounds);
            Round t = Round.merge(trivialRounds);
            report.row("P6", what + ", p50/p99 " + Report.millis(d.percentileMillis(0.50)) + "/"
                            + Report.millis(d.percentileMillis(0.99)), Report.ops(d.perSecond()),
                    Report.ops(t.perSecond()) + " GET /api/heroes, p50/p99 " + Report.millis(t.percentileMillis(0.50)) + "/"
                            + Report.millis(t.percentileMillis(0.99)),
                    Report.ratio(ratio), "≥ 0.50×", Report.verdict(ratio >= 0.5));
        } finally {
            deleteTree(workDir);
        }
    }

    /** Both loads for {@link #WARM_UP} each, then pairs of rounds until both compilers settled. */
    private static void warmUp(PayaraServer server, Load deposit, Load trivial) throws Exception {
        long start = System.nanoTime();
        deposit.run(WARM_UP);
        trivial.run(WARM_UP);
        while (System.nanoTime() - start < MAX_WARM_UP.toNanos()) {
            OptionalLong serverBefore = server.compilerCpuMillis();
            long clientBefore = JitCompiler.compiledMillis();
            long pairStart = System.nanoTime();
            deposit.run(ROUND);
            trivial.run(ROUND);
            double pairMillis = (System.nanoTime() - pairStart) / 1e6;
            OptionalLong serverAfter = server.compilerCpuMillis();
            boolean serverSettled = serverBefore.isEmpty() || serverAfter.isEmpty()
                    || JitCompiler.settled(serverAfter.getAsLong() - serverBefore.getAsLong(), pairMillis);
            boolean clientSettled = JitCompiler.settled(JitCompiler.compiledMillis() - clientBefore, pairMillis);
            if (serverSettled && clientSettled) {
                return;
            }
        }
    }

    private static Map<String, String> environment(Database database, Path workDir) {
        return database == null ? Map.of("ANNALS_DATA_DIR", workDir.resolve("data").toString())
                : Map.of("ANNALS_DB_URL", database.url());
    }

    /** One account per connection; returns each one's deposits URI. */
    private static List<URI> openAccounts(HttpClient client, URI base) throws IOException, InterruptedException {
        List<URI> deposits = new ArrayList<>();
        for (int i = 0; i < CONNECTIONS; i++) {
            HttpResponse<String> opened = client.send(HttpRequest.newBuilder(base.resolve("/api/accounts"))
                    .timeout(REQUEST_TIMEOUT).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"owner\":\"Bench " + i + "\"}")).build(),
                    HttpResponse.BodyHandlers.ofString());
            Matcher id = ACCOUNT_ID.matcher(opened.body());
            if (opened.statusCode() != 201 || !id.find()) {
                throw new IllegalStateException("opening an account answered " + opened.statusCode() + " " + opened.body());
            }
            deposits.add(base.resolve("/api/accounts/" + id.group(1) + "/deposits"));
        }
        return deposits;
    }

    private static void deleteTree(Path root) throws IOException {
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        }
    }

    @FunctionalInterface
    private interface Requests {
        HttpRequest next(int connection, long sequence);
    }

    /** {@link #CONNECTIONS} clients, each sending its next request when the last one was answered. */
    private record Load(HttpClient client, Requests requests, int expectedStatus) {

        Round run(Duration length) throws Exception {
            ExecutorService clients = Executors.newFixedThreadPool(CONNECTIONS);
            try {
                long start = System.nanoTime();
                long deadline = start + length.toNanos();
                List<Future<long[]>> results = new ArrayList<>();
                for (int c = 0; c < CONNECTIONS; c++) {
                    int connection = c;
                    results.add(clients.submit(() -> send(connection, deadline)));
                }
                List<long[]> latencies = new ArrayList<>();
                for (Future<long[]> result : results) {
                    latencies.add(result.get());
                }
                return Round.of(latencies, System.nanoTime() - start);
            } finally {
                clients.shutdownNow();
            }
        }

        private long[] send(int connection, long deadline) throws Exception {
            long[] latencies = new long[1024];
            int count = 0;
            for (long sequence = 0; System.nanoTime() < deadline; sequence++) {
                long before = System.nanoTime();
                HttpResponse<String> response = client.send(requests.next(connection, sequence),
                        HttpResponse.BodyHandlers.ofString());
                long took = System.nanoTime() - before;
                if (response.statusCode() != expectedStatus) {
                    throw new IllegalStateException("expected " + expectedStatus + " but got " + response.statusCode()
                            + " " + response.body());
                }
                if (count == latencies.length) {
                    latencies = Arrays.copyOf(latencies, count * 2);
                }
                latencies[count++] = took;
            }
            return Arrays.copyOf(latencies, count);
        }
    }

    /** The requests of one round: how many per second, and their latencies. */
    private record Round(long[] sortedLatencies, double perSecond) {

        static Round of(List<long[]> perConnection, long elapsedNanos) {
            long[] all = perConnection.stream().flatMapToLong(Arrays::stream).sorted().toArray();
            return new Round(all, all.length / (elapsedNanos / 1e9));
        }

        /** Latencies of all rounds together; the rate is the median round's. */
        static Round merge(List<Round> rounds) {
            long[] all = rounds.stream().flatMapToLong(r -> Arrays.stream(r.sortedLatencies)).sorted().toArray();
            double[] rates = rounds.stream().mapToDouble(Round::perSecond).sorted().toArray();
            return new Round(all, rates[rates.length / 2]);
        }

        double percentileMillis(double fraction) {
            if (sortedLatencies.length == 0) {
                return 0;
            }
            int index = (int) Math.min(sortedLatencies.length - 1, Math.ceil(fraction * sortedLatencies.length) - 1);
            return sortedLatencies[Math.max(0, index)] / 1e6;
        }
    }
}
