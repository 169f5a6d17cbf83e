package io.annals.core.discovery;

import jakarta.enterprise.inject.spi.Bean;
import java.util.List;

/** A bean with {@code @Saga} methods: one checkpointed processor, named after the bean class. */
public record SagaDefinition(String name, Bean<?> bean, List<HandlerMethod> steps) {
}
