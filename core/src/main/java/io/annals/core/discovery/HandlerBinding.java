package io.annals.core.discovery;

import jakarta.enterprise.inject.spi.Bean;
import java.lang.reflect.Type;

/** A command or query type and the bean that handles it, as found at deployment. */
public record HandlerBinding(Class<?> messageType, Type resultType, Bean<?> bean, Class<?> handlerClass) {
}
