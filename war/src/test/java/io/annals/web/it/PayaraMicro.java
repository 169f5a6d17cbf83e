package io.annals.web.it;

import java.io.IOException;
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
import java.util.concurrent.TimeUnit;

/**
 * The packaged application, started exactly as the README says
 * ({@code java -jar payara-micro.jar --deploy annals.war --contextroot / --port … --nocluster
 * --disablephonehome}) with {@code ANNALS_*} variables only, on a free port; its output goes to
 * {@code target/it-logs}.
 */
final class PayaraMicro implements AutoCloseable {

    private static final Duration START_LIMIT = Duration.ofSeconds(180);

    private final Process process;
    private final URI base;
    private final Path log;

    private PayaraMicro(Process process, URI base, Path log) {
        this.process = process;
        this.base = base;
        this.log = log;
    }

    /** Starts the application in {@code workDir} with the given environment and waits until it is ready. */
    static PayaraMicro start(String name, Path workDir, Map<String, String> environment) throws Exception {
        Path jar = Path.of(System.getProperty("annals.payara.jar", "target/payara-micro.jar")).toAbsolutePath();
        Path war = Path.of(System.getProperty("annals.war", "target/annals.war")).toAbsolutePath();
        if (!Files.exists(jar) || !Files.exists(war)) {
            throw new IllegalStateException("run the package phase first: " + jar + " and " + war + " must exist");
        }
        int port = freePort();
        Path logs = Files.createDirectories(Path.of("target", "it-logs"));
        Path log = logs.resolve(name + "-" + System.currentTimeMillis() + ".log").toAbsolutePath();
        ProcessBuilder builder = new ProcessBuilder(List.of(javaExecutable(), "-jar", jar.toString(),
                "--deploy", war.toString(), "--contextroot", "/", "--port", Integer.toString(port),
                "--nocluster", "--disablephonehome"))
                .directory(Files.createDirectories(workDir).toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().keySet().removeIf(key -> key.startsWith("ANNALS_"));
        builder.environment().putAll(environment);
        PayaraMicro server = new PayaraMicro(builder.start(), URI.create("http://127.0.0.1:" + port), log);
        server.awaitReady();
        return server;
    }

    URI base() {
        return base;
    }

    Path log() {
        return log;
    }

    String logText() throws IOException {
        return Files.readString(log);
    }

    /** Stops like an operator would (SIGTERM) and waits for the process to end. */
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
    }

    /** Kills the process without letting it shut down (SIGKILL). */
    void kill() throws InterruptedException {
        process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
    }

    private void awaitReady() throws Exception {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        HttpRequest ready = HttpRequest.newBuilder(base.resolve("/health/ready")).timeout(Duration.ofSeconds(5)).build();
        boolean bootDone = false;
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
                if (bootDone) {
                    throw new IllegalStateException("Payara Micro started but the application is not ready ("
                            + health.statusCode() + " " + health.body() + "); see " + log);
                }
                bootDone = Files.readString(log).contains(" ready in ");
            } catch (IOException notListeningYet) {
                // keep waiting
            }
            Thread.sleep(500);
        }
        process.destroyForcibly();
        throw new IllegalStateException("Payara Micro was not ready within " + START_LIMIT + "; see " + log);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        }
    }

    private static String javaExecutable() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }
}
