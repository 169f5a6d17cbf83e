package io.annals.core.processor;

import io.annals.core.discovery.HandlerMethod;
import io.annals.core.discovery.ProjectionDefinition;
import io.annals.core.event.EventEnvelope;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/** Feeds a {@link Projection} bean's {@link EventHandler} methods. */
final class ProjectionProcessor implements EventProcessor {

    private final ProjectionDefinition projection;
    private final Object target;

    ProjectionProcessor(ProjectionDefinition projection, Object target) {
        this.projection = projection;
        this.target = target;
    }

    @Override
    public String name() {
        return projection.name();
    }

    @Override
    public ProcessorKind kind() {
        return ProcessorKind.PROJECTION;
    }

    @Override
    public boolean inMemoryCheckpoint() {
        return projection.inMemory();
    }

    @Override
    public Set<Class<?>> eventTypes() {
        return projection.handlers().stream().map(HandlerMethod::eventType).collect(Collectors.toSet());
    }

    @Override
    public Optional<RebuildableProjection> rebuildable() {
        return target instanceof RebuildableProjection rebuildable ? Optional.of(rebuildable) : Optional.empty();
    }

    @Override
    public void handle(EventEnvelope<?> event) {
        for (HandlerMethod handler : projection.handlers()) {
            if (handler.eventType() == event.payload().getClass()) {
                handler.invoke(target, event);
            }
        }
    }
}
