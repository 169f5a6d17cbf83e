package io.annals.core.discovery;

import io.annals.core.aggregate.AggregateRoot;
import io.annals.core.aggregate.EventSourcedRepository;
import io.annals.core.command.Command;
import io.annals.core.command.CommandHandler;
import io.annals.core.event.EventDescriptor;
import io.annals.core.event.EventEnvelope;
import io.annals.core.processor.EventHandler;
import io.annals.core.processor.Projection;
import io.annals.core.processor.Saga;
import io.annals.core.query.Query;
import io.annals.core.query.QueryHandler;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.spi.AfterDeploymentValidation;
import jakarta.enterprise.inject.spi.AnnotatedMethod;
import jakarta.enterprise.inject.spi.Bean;
import jakarta.enterprise.inject.spi.DeploymentException;
import jakarta.enterprise.inject.spi.Extension;
import jakarta.enterprise.inject.spi.ProcessManagedBean;
import jakarta.inject.Named;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Finds, at deployment, every command and query handler, saga, projection and event type in the
 * application's bean archives. Two handlers for one message type, a handler for something that is
 * not a command or query, a malformed saga or projection method, two processors (sagas or
 * projections) with one name, or two event classes with one type name fail the deployment with a
 * {@link DeploymentException} naming the classes involved.
 */
public class AnnalsExtension implements Extension {

    private final Map<Class<?>, HandlerBinding> commandHandlers = new HashMap<>();
    private final Map<Class<?>, HandlerBinding> queryHandlers = new HashMap<>();
    private final List<SagaDefinition> sagas = new ArrayList<>();
    private final Map<String, ProjectionDefinition> projections = new HashMap<>();
    private final Set<Class<?>> eventTypes = new LinkedHashSet<>();
    private final List<String> problems = new ArrayList<>();

    <T> void onBean(@Observes ProcessManagedBean<T> event) {
        Bean<?> bean = event.getBean();
        Class<?> beanClass = event.getAnnotatedBeanClass().getJavaClass();
        for (Type type : bean.getTypes()) {
            bindHandler(type, beanClass, bean, CommandHandler.class, Command.class, commandHandlers, "command");
            bindHandler(type, beanClass, bean, QueryHandler.class, Query.class, queryHandlers, "query");
        }
        collectSagas(event, bean, beanClass);
        collectProjection(event, bean, beanClass);
        if (EventSourcedRepository.class.isAssignableFrom(beanClass)) {
            collectAggregateEvents(beanClass);
        }
    }

    void reportProblems(@Observes AfterDeploymentValidation event) {
        checkProcessorNamesAreUnique();
        checkEventTypeNamesAreUnique();
        for (String problem : problems) {
            event.addDeploymentProblem(new DeploymentException(problem));
        }
    }

    private void bindHandler(Type type, Class<?> beanClass, Bean<?> bean, Class<?> handlerInterface,
                             Class<?> messageInterface, Map<Class<?>, HandlerBinding> bindings, String kind) {
        if (type == handlerInterface) {
            problems.add(beanClass.getName() + " implements raw " + handlerInterface.getSimpleName()
                    + ": declare the " + kind + " type it handles");
            return;
        }
        if (!(type instanceof ParameterizedType parameterized) || parameterized.getRawType() != handlerInterface) {
            return;
        }
        Type declared = parameterized.getActualTypeArguments()[0];
        Class<?> messageType = declared instanceof Class<?> c ? c : null;
        if (messageType == null || messageType == messageInterface || messageType.isInterface()
                || Modifier.isAbstract(messageType.getModifiers()) || !messageInterface.isAssignableFrom(messageType)) {
            problems.add(beanClass.getName() + " declares " + declared.getTypeName()
                    + ", which is not a concrete " + kind + " type (a class implementing " + messageInterface.getName() + ")");
            return;
        }
        HandlerBinding binding = new HandlerBinding(messageType, parameterized.getActualTypeArguments()[1], bean, beanClass);
        HandlerBinding existing = bindings.putIfAbsent(messageType, binding);
        if (existing != null && existing.handlerClass() != beanClass) {
            problems.add("two handlers for " + kind + " " + messageType.getName() + ": "
                    + existing.handlerClass().getName() + " and " + beanClass.getName());
        }
    }

    private <T> void collectSagas(ProcessManagedBean<T> event, Bean<?> bean, Class<?> beanClass) {
        List<HandlerMethod> steps = new ArrayList<>();
        for (AnnotatedMethod<? super T> annotated : event.getAnnotatedBeanClass().getMethods()) {
            if (!annotated.isAnnotationPresent(Saga.class)) {
                continue;
            }
            Method method = annotated.getJavaMember();
            HandlerMethod step = handlerMethod(method, "@Saga");
            if (step == null) {
                continue;
            }
            if (!returnsCommands(method)) {
                problems.add("@Saga " + describe(method) + " returns " + method.getGenericReturnType().getTypeName()
                        + ": a saga returns nothing, one command or a collection of commands");
                continue;
            }
            steps.add(step);
        }
        if (!steps.isEmpty()) {
            steps.sort(HandlerMethod.ORDER);
            sagas.add(new SagaDefinition(processorName(beanClass), bean, List.copyOf(steps)));
        }
    }

    /** Whether a saga method returns void, a command, or a collection whose elements can be commands. */
    private static boolean returnsCommands(Method method) {
        Class<?> returned = method.getReturnType();
        if (returned == void.class || Command.class.isAssignableFrom(returned)) {
            return true;
        }
        if (!Collection.class.isAssignableFrom(returned)) {
            return false;
        }
        Class<?> element = GenericTypes.argument(method.getGenericReturnType(), Collection.class, 0).orElse(Object.class);
        return element == Object.class || Command.class.isAssignableFrom(element);
    }

    private <T> void collectProjection(ProcessManagedBean<T> event, Bean<?> bean, Class<?> beanClass) {
        Projection projection = event.getAnnotatedBeanClass().getAnnotation(Projection.class);
        List<HandlerMethod> handlers = new ArrayList<>();
        for (AnnotatedMethod<? super T> annotated : event.getAnnotatedBeanClass().getMethods()) {
            if (!annotated.isAnnotationPresent(EventHandler.class)) {
                continue;
            }
            if (projection == null) {
                problems.add("@EventHandler " + describe(annotated.getJavaMember()) + " is on a bean without @Projection");
                continue;
            }
            HandlerMethod handler = handlerMethod(annotated.getJavaMember(), "@EventHandler");
            if (handler != null) {
                handlers.add(handler);
            }
        }
        if (projection == null) {
            return;
        }
        if (projection.value().isBlank()) {
            problems.add("@Projection on " + beanClass.getName() + " needs a name");
            return;
        }
        handlers.sort(HandlerMethod.ORDER);
        ProjectionDefinition existing = projections.putIfAbsent(projection.value(),
                new ProjectionDefinition(projection.value(), projection.inMemory(), bean, List.copyOf(handlers)));
        if (existing != null) {
            problems.add("two projections named '" + projection.value() + "': "
                    + existing.bean().getBeanClass().getName() + " and " + beanClass.getName());
        }
    }

    /** Sagas and projections share one checkpoint namespace: two processors with one name would share a checkpoint. */
    private void checkProcessorNamesAreUnique() {
        Map<String, Class<?>> owners = new HashMap<>();
        List<Map.Entry<String, Class<?>>> processors = new ArrayList<>();
        sagas.forEach(saga -> processors.add(Map.entry(saga.name(), saga.bean().getBeanClass())));
        projections.values().forEach(projection -> processors.add(Map.entry(projection.name(), projection.bean().getBeanClass())));
        for (Map.Entry<String, Class<?>> processor : processors) {
            Class<?> owner = owners.putIfAbsent(processor.getKey(), processor.getValue());
            if (owner != null) {
                problems.add("two processors named '" + processor.getKey() + "' would share one checkpoint: "
                        + owner.getName() + " and " + processor.getValue().getName()
                        + " (a saga is named after its bean class or its @Named value)");
            }
        }
    }

    /** Reading resolves a stored type name to one class, so two discovered classes must not share a name. */
    private void checkEventTypeNamesAreUnique() {
        Map<String, Class<?>> byName = new HashMap<>();
        for (Class<?> type : eventTypes) {
            String name;
            try {
                name = EventDescriptor.of(type).name();
            } catch (IllegalArgumentException malformed) {
                problems.add(malformed.getMessage());
                continue;
            }
            Class<?> clash = byName.putIfAbsent(name, type);
            if (clash != null) {
                problems.add("event type name '" + name + "' is used by both " + clash.getName() + " and " + type.getName()
                        + ": give one of them another name with @EventType");
            }
        }
    }

    private HandlerMethod handlerMethod(Method method, String marker) {
        Class<?>[] parameters = method.getParameterTypes();
        boolean wantsEnvelope = parameters.length == 2 && parameters[1] == EventEnvelope.class;
        if (parameters.length != 1 && !wantsEnvelope) {
            problems.add(marker + " " + describe(method) + " must take one event, optionally followed by its EventEnvelope");
            return null;
        }
        Class<?> eventType = parameters[0];
        if (eventType.isInterface() || eventType.isPrimitive() || Modifier.isAbstract(eventType.getModifiers())) {
            problems.add(marker + " " + describe(method) + " takes " + eventType.getName() + ", which is not a concrete event class");
            return null;
        }
        eventTypes.add(eventType);
        return new HandlerMethod(method, eventType, wantsEnvelope);
    }

    private void collectAggregateEvents(Class<?> repositoryClass) {
        GenericTypes.argument(repositoryClass, EventSourcedRepository.class, 0)
                .flatMap(aggregate -> GenericTypes.argument(aggregate, AggregateRoot.class, 1))
                .ifPresent(this::addEventHierarchy);
    }

    private void addEventHierarchy(Class<?> eventRoot) {
        if (eventRoot.isSealed()) {
            for (Class<?> permitted : eventRoot.getPermittedSubclasses()) {
                addEventHierarchy(permitted);
            }
        } else if (!eventRoot.isInterface() && !Modifier.isAbstract(eventRoot.getModifiers()) && eventRoot != Object.class) {
            eventTypes.add(eventRoot);
        }
    }

    private static String processorName(Class<?> beanClass) {
        Named named = beanClass.getAnnotation(Named.class);
        return named != null && !named.value().isBlank() ? named.value() : beanClass.getSimpleName();
    }

    private static String describe(Method method) {
        return method.getDeclaringClass().getName() + "." + method.getName();
    }

    public Map<Class<?>, HandlerBinding> commandHandlers() {
        return Collections.unmodifiableMap(commandHandlers);
    }

    public Map<Class<?>, HandlerBinding> queryHandlers() {
        return Collections.unmodifiableMap(queryHandlers);
    }

    public List<SagaDefinition> sagas() {
        return Collections.unmodifiableList(sagas);
    }

    public Collection<ProjectionDefinition> projections() {
        return Collections.unmodifiableCollection(projections.values());
    }

    public Set<Class<?>> eventTypes() {
        return Collections.unmodifiableSet(eventTypes);
    }
}
