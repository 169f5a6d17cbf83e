package io.annals.core.processor;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a CDI bean as a projection with a unique name. Its {@link EventHandler} methods are fed from
 * the global log by a checkpointed processor.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface Projection {

    /** The projection's name: its checkpoint key and how status and rebuild address it. */
    String value();

    /**
     * True when the read model lives in memory: its checkpoint then lives in memory too, so every
     * start replays the log into the empty model instead of resuming after a durable checkpoint.
     */
    boolean inMemory() default false;
}
