package io.annals.core.discovery;

import jakarta.enterprise.inject.spi.Bean;
import java.util.List;

/** A {@code @Projection} bean and its {@code @EventHandler} methods. */
public record ProjectionDefinition(String name, boolean inMemory, Bean<?> bean, List<HandlerMethod> handlers) {
}
