package io.annals.core.dispatch;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Path;
import jakarta.validation.TraversableResolver;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;
import java.lang.annotation.ElementType;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Validates commands and queries before their handler runs. Whether a message class has any
 * constraint at all is decided once per class, so unconstrained messages cost one map look-up.
 * Messages are plain values, never JPA entities with lazy state, so every property is traversed:
 * the default resolver asks the JPA provider about each one, which cost more than the validation.
 */
@ApplicationScoped
public class MessageValidator {

    private final Map<Class<?>, Boolean> constrained = new ConcurrentHashMap<>();
    private ValidatorFactory factory;
    private Validator validator;

    @PostConstruct
    void init() {
        factory = Validation.byDefaultProvider().configure().traversableResolver(new TraverseEverything())
                .buildValidatorFactory();
        validator = factory.getValidator();
    }

    @PreDestroy
    void close() {
        factory.close();
    }

    /** Every property of a message is loaded and may be validated. */
    private static final class TraverseEverything implements TraversableResolver {
        @Override
        public boolean isReachable(Object bean, Path.Node property, Class<?> rootBean, Path path, ElementType type) {
            return true;
        }

        @Override
        public boolean isCascadable(Object bean, Path.Node property, Class<?> rootBean, Path path, ElementType type) {
            return true;
        }
    }

    /** @throws MessageValidationException listing every violated field */
    public void validate(Object message) {
        Class<?> type = message.getClass();
        if (!constrained.computeIfAbsent(type, t -> validator.getConstraintsForClass(t).isBeanConstrained())) {
            return;
        }
        Set<ConstraintViolation<Object>> violations = validator.validate(message);
        if (!violations.isEmpty()) {
            List<Violation> listed = violations.stream()
                    .map(v -> new Violation(v.getPropertyPath().toString(), v.getMessage()))
                    .sorted(Comparator.comparing(Violation::field).thenComparing(Violation::message))
                    .toList();
            throw new MessageValidationException(type, listed);
        }
    }
}
