package io.annals.store.jpa;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** A second JVM on the test class path, for tests that stop or kill the process that writes. */
final class ChildJvm {

    private ChildJvm() {
    }

    static ProcessBuilder running(Class<?> mainClass, String... arguments) {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", testClassPath(), mainClass.getName()));
        command.addAll(List.of(arguments));
        return new ProcessBuilder(command);
    }

    /** Surefire runs tests from a manifest-only jar; the real class path is in this property. */
    private static String testClassPath() {
        return System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
    }
}
