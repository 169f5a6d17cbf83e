package io.annals.core.processor;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a method of a CDI bean as a saga step: it takes one event (and optionally its
 * {@link io.annals.core.event.EventEnvelope}) and returns nothing, one command, or a collection of
 * commands. The bean's sagas run on a checkpointed processor named after the bean class; each
 * command is dispatched with the event's correlation id, the event id as causation id and a
 * deterministic command id, so a re-delivery does not act twice.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface Saga {
}
