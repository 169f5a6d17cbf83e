package io.annals.benchmarks;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * Runs the benchmark cases and prints one table. Every goal is a ratio against a baseline measured
 * in the same run (P5 in nanoseconds). Arguments: case ids to run (e.g. {@code P1 P5} or
 * {@code P1,P5}), or {@code all}. The system property {@code benchmarks.databases} narrows the
 * databases (e.g. {@code PostgreSQL}). P6 runs the packaged WAR named by the system properties
 * {@code annals.war} and {@code annals.payara.jar}.
 */
public final class Benchmarks {

    private Benchmarks() {
    }

    public static void main(String[] args) throws Exception {
        List<String> selected = Arrays.stream(args).flatMap(arg -> Arrays.stream(arg.split("[,\\s]+")))
                .filter(id -> !id.isEmpty()).map(String::toUpperCase).toList();
        boolean all = selected.isEmpty() || selected.contains("ALL");
        Harness harness = new Harness(3, Duration.ofSeconds(8), Duration.ofSeconds(30), 11);
        Report report = new Report();
        Predicate<String> wanted = id -> all || selected.contains(id);
        Predicate<String> database = kind -> System.getProperty("benchmarks.databases", "PostgreSQL,H2")
                .toLowerCase().contains(kind.toLowerCase());
        for (String kind : List.of("PostgreSQL", "H2").stream().filter(database).toList()) {
            if (Stream.of("P1", "P2", "P3", "P4").anyMatch(wanted)) {
                new StoreCases(kind, wanted).run(harness, report);
            }
        }
        for (String kind : List.of("H2", "PostgreSQL").stream().filter(database).toList()) {
            if (wanted.test("P6")) {
                new HttpCase(kind, packaged("annals.payara.jar", "../war/target/payara-micro.jar"),
                        packaged("annals.war", "../war/target/annals.war")).run(report);
            }
        }
        for (String kind : List.of("PostgreSQL", "H2").stream().filter(database).toList()) {
            if (wanted.test("P7")) {
                new RebuildCase(kind).run(report);
            }
        }
        if (wanted.test("P5")) {
            new DispatchCase().run(harness, report);
        }
        report.print();
    }

    private static Path packaged(String property, String fallback) {
        return Path.of(System.getProperty(property, fallback)).toAbsolutePath().normalize();
    }
}
