package io.annals.core.event;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Optional on an event record: its stored type name (default: the simple class name) and its
 * current schema version (default 1). Bump the version together with an {@link Upcaster}.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface EventType {

    /** The logical name stored with every event of this type; empty means the simple class name. */
    String name() default "";

    /** The schema version new events of this type are written with. */
    int version() default 1;
}
