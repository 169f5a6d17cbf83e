package io.annals.bank;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class BankWeldTest {

    @Test
    void listsEveryBeanTheModuleShips() throws IOException, URISyntaxException, ClassNotFoundException {
        Path classes = Path.of(Accounts.class.getProtectionDomain().getCodeSource().getLocation().toURI())
                .resolve("io/annals/bank");
        Set<String> shipped = new TreeSet<>();
        try (Stream<Path> files = Files.list(classes)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".class")).toList()) {
                String name = file.getFileName().toString().replace(".class", "");
                Class<?> type = Class.forName("io.annals.bank." + name);
                if (type.isAnnotationPresent(ApplicationScoped.class)) {
                    shipped.add(type.getSimpleName());
                }
            }
        }
        Set<String> listed = Arrays.stream(BankWeld.BEANS).map(Class::getSimpleName)
                .collect(Collectors.toCollection(TreeSet::new));
        assertEquals(shipped, listed, "BankWeld.BEANS must list every bean of the module");
    }
}
