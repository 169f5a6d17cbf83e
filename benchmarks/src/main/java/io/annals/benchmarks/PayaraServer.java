package io.annals.benchmarks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The built WAR on Payara Micro in a process of its own, started as the README runs it
 * ({@code java -jar payara-micro.jar --deploy annals.war --contextroot / --port … --nocluster
 * --disablephonehome}) with {@code ANNALS_*} variables only. It is stopped on close, and by a
 * shutdown hook should the benchmark JVM end first: no server outlives its run.
 */
final class PayaraServer implements AutoCloseable {

    private static final Duration START_LIMIT = Duration.ofSeconds(240);

    private final Process process;
    private final URI base;
    private final Path log;
    private final Thread stopper;

    private PayaraServer(Process process, URI base, Path log) {
        this.process = process;
        this.base = base;
        this.log = log;
        this.stopper = new Thread(process::destroyForcibly, "stop-payara");
        Runtime.getRuntime().addShutdownHook(stopper);
    }

    static PayaraServer start(Path payaraJar, Path war, Path workDir, Map<String, String> environment) throws Exception {
        int port = freePort();
        Path log = workDir.resolve("payara.log");
        ProcessBuilder builder = new ProcessBuilder(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", payaraJar.toString(), "--deploy", war.toString(), "--contextroot", "/", "--port",
                Integer.toString(port), "--nocluster", "--disablephonehome"))
                .directory(workDir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().keySet().removeIf(key -> key.startsWith("ANNALS_"));
        builder.environment().putAll(environment);
        PayaraServer server = new PayaraServer(builder.start(), URI.create("http://127.0.0.1:" + port), log);
        try {
            server.awaitReady();
        } catch (Exception | Error failed) {
            server.close();
            throw failed;
        }
        return server;
    }

    URI base() {
        return base;
    }

    Path log() {
        return log;
    }

    /**
     * CPU time the server's JIT compiler threads have used, in milliseconds, read from Linux's
     * {@code /proc} (clock ticks of 10 ms); empty where there is no {@code /proc}.
     */
    OptionalLong compilerCpuMillis() {
        Path tasks = Path.of("/proc", Long.toString(process.pid()), "task");
        if (!Files.isDirectory(tasks)) {
            return OptionalLong.empty();
        }
        long ticks = 0;
        try (Stream<Path> threads = Files.list(tasks)) {
            for (Path thread : threads.toList()) {
                ticks += compilerTicks(thread);
            }
        } catch (IOException | UncheckedIOException unreadable) {
            return OptionalLong.empty();
        }
        return OptionalLong.of(ticks * 10);
    }

    /** User and system ticks of a JIT compiler thread ("C1 CompilerThre…", "C2 CompilerThre…"); 0 for any other. */
    private static long compilerTicks(Path thread) {
        try {
            if (!Files.readString(thread.resolve("comm")).contains("CompilerThre")) {
                return 0;
            }
            String stat = Files.readString(thread.resolve("stat"));
            // the fields after the thread name in parentheses; utime and stime are the 12th and 13th
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
        } catch (IOException | RuntimeException ended) {
            return 0; // the thread ended between listing and reading
        }
    }

    /** Stops the server (SIGTERM, then SIGKILL after a minute) and waits for it. */
    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException interrupted) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
        try {
            Runtime.getRuntime().removeShutdownHook(stopper);
        } catch (IllegalStateException shuttingDown) {
            // the hook runs anyway and finds the process gone
        }
    }

    private void awaitReady() throws Exception {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        HttpRequest ready = HttpRequest.newBuilder(base.resolve("/health/ready")).timeout(Duration.ofSeconds(5)).build();
        long deadline = System.nanoTime() + START_LIMIT.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("Payara Micro exited with " + process.exitValue() + "; see " + log);
            }
            try {
                HttpResponse<String> health = client.send(ready, HttpResponse.BodyHandlers.ofString());
                // the server answers health checks before the application is deployed: wait for ours
                if (health.statusCode() == 200 && health.body().contains("\"annals\"")) {
                    return;
                }
            } catch (IOException notListeningYet) {
                // keep waiting
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException("Payara Micro was not ready within " + START_LIMIT + "; see " + log);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    static boolean exists(Path... files) {
        for (Path file : files) {
            if (!Files.isRegularFile(file)) {
                return false;
            }
        }
        return true;
    }
}
