package io.annals.core.aggregate;

import java.lang.annotation.Annotation;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Constructor;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.MonthDay;
import java.time.Period;
import java.time.Year;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Copies a snapshot state made of records, values and collections the way a JSON round trip would
 * give it back (fresh records, an {@code ArrayList} for a list, a {@code HashSet} for a set, a
 * {@code LinkedHashMap} for a map, immutable values shared), without writing and parsing text: the
 * state a save keeps is copied twice per command, and through JSON that was about a sixth of a
 * command's CPU. Anything the copy could not reproduce exactly as Jackson would is refused, and the
 * repository then keeps JSON: a class that is not a record or a known value, a record with Jackson
 * annotations, a collection declared as something other than {@code List}, {@code Set},
 * {@code Map} or {@code Collection}, a map key that is not a simple value, a value or element whose
 * class is not the one declared for it, or a time with an offset or zone (JSON gives it back in
 * UTC).
 */
final class StateCopies {

    private static final Set<Class<?>> VALUES = Set.of(String.class, Boolean.class, Character.class, Byte.class,
            Short.class, Integer.class, Long.class, Float.class, Double.class, BigDecimal.class, BigInteger.class,
            UUID.class, Instant.class, LocalDate.class, LocalDateTime.class, LocalTime.class, Duration.class,
            Period.class, Year.class, YearMonth.class, MonthDay.class);
    private static final Set<Class<?>> KEYS = Set.of(String.class, UUID.class, Integer.class, Long.class);
    private static final int MAX_DEPTH = 32;

    /** Thrown inside a copy that meets something it cannot reproduce; never leaves this class. */
    private static final class NotCopyable extends Exception {
        NotCopyable() {
            super(null, null, false, false);
        }
    }

    private static final NotCopyable NOT_COPYABLE = new NotCopyable();

    /** A record class's components and canonical constructor, or null when it is not copyable. */
    private static final ClassValue<Shape> SHAPES = new ClassValue<>() {
        @Override
        protected Shape computeValue(Class<?> type) {
            return Shape.of(type);
        }
    };

    private StateCopies() {
    }

    /** A copy of {@code state}, or empty when it holds something a copy would not reproduce. */
    static Optional<Object> copy(Object state) {
        if (state == null || !state.getClass().isRecord()) {
            return Optional.empty();
        }
        try {
            return Optional.of(copyOf(state, state.getClass(), 0));
        } catch (NotCopyable refused) {
            return Optional.empty();
        }
    }

    /** Copies {@code value}, which must be exactly of class {@code declared} unless it is a simple value. */
    private static Object copyOf(Object value, Type declared, int depth) throws NotCopyable {
        if (value == null) {
            return null;
        }
        if (depth > MAX_DEPTH) {
            throw NOT_COPYABLE;
        }
        Class<?> type = value.getClass();
        Class<?> raw = rawClass(declared);
        if (isValue(type) && (type == raw || (raw.isEnum() && type.getSuperclass() == raw))) {
            return value;
        }
        if (type.isRecord() && type == raw) {
            return copyRecord(value, SHAPES.get(type), depth);
        }
        if (raw == List.class || raw == Collection.class) {
            ArrayList<Object> copy = new ArrayList<>();
            for (Object element : (Collection<?>) value) {
                copy.add(copyOf(element, argument(declared, 0), depth + 1));
            }
            return copy;
        }
        if (raw == Set.class) {
            HashSet<Object> copy = new HashSet<>();
            for (Object element : (Set<?>) value) {
                copy.add(copyOf(element, argument(declared, 0), depth + 1));
            }
            return copy;
        }
        if (raw == Map.class) {
            LinkedHashMap<Object, Object> copy = new LinkedHashMap<>();
            for (Map.Entry<?, ?> entry : ((Map<?, ?>) value).entrySet()) {
                if (entry.getKey() == null || !KEYS.contains(entry.getKey().getClass())) {
                    throw NOT_COPYABLE;
                }
                copy.put(entry.getKey(), copyOf(entry.getValue(), argument(declared, 1), depth + 1));
            }
            return copy;
        }
        throw NOT_COPYABLE;
    }

    private static Object copyRecord(Object record, Shape shape, int depth) throws NotCopyable {
        if (shape == null) {
            throw NOT_COPYABLE;
        }
        Object[] components = new Object[shape.accessors.length];
        try {
            for (int i = 0; i < components.length; i++) {
                Object value = (Object) shape.accessors[i].invokeExact(record);
                components[i] = shape.primitive[i] ? value : copyOf(value, shape.types[i], depth + 1);
            }
            return (Object) shape.constructor.invokeExact(components);
        } catch (NotCopyable | Error passOn) {
            throw passOn;
        } catch (Throwable failed) {
            // an accessor or the constructor threw: JSON would have met the same code
            throw NOT_COPYABLE;
        }
    }

    private static boolean isValue(Class<?> type) {
        return VALUES.contains(type) || type.isEnum() || (type.getSuperclass() != null && type.getSuperclass().isEnum());
    }

    private static Class<?> rawClass(Type type) {
        if (type instanceof Class<?> plain) {
            return plain;
        }
        if (type instanceof ParameterizedType parameterized && parameterized.getRawType() instanceof Class<?> raw) {
            return raw;
        }
        return Object.class;
    }

    private static Type argument(Type collection, int index) throws NotCopyable {
        if (collection instanceof ParameterizedType parameterized && parameterized.getActualTypeArguments().length > index) {
            Type argument = parameterized.getActualTypeArguments()[index];
            if (argument instanceof Class<?> || argument instanceof ParameterizedType) {
                return argument;
            }
        }
        throw NOT_COPYABLE;
    }

    /**
     * How to take a record apart and build it again. The handles are typed on Object so that
     * {@code invokeExact} calls them without adapting arguments on every call (as
     * {@code invokeWithArguments} did, which cost most of a copy).
     */
    private record Shape(MethodHandle[] accessors, Type[] types, boolean[] primitive, MethodHandle constructor) {

        private static final MethodType ACCESSOR = MethodType.methodType(Object.class, Object.class);
        private static final MethodType CONSTRUCTOR = MethodType.methodType(Object.class, Object[].class);

        static Shape of(Class<?> type) {
            if (!type.isRecord() || hasJacksonAnnotation(type)) {
                return null;
            }
            try {
                RecordComponent[] components = type.getRecordComponents();
                MethodHandles.Lookup lookup = MethodHandles.lookup();
                MethodHandle[] accessors = new MethodHandle[components.length];
                Type[] types = new Type[components.length];
                boolean[] primitive = new boolean[components.length];
                Class<?>[] parameters = new Class<?>[components.length];
                for (int i = 0; i < components.length; i++) {
                    RecordComponent component = components[i];
                    if (hasJacksonAnnotation(component) || hasJacksonAnnotation(component.getAccessor())
                            || hasJacksonAnnotation(type.getDeclaredField(component.getName()))) {
                        return null;
                    }
                    component.getAccessor().setAccessible(true);
                    accessors[i] = lookup.unreflect(component.getAccessor()).asType(ACCESSOR);
                    types[i] = component.getGenericType();
                    primitive[i] = component.getType().isPrimitive();
                    parameters[i] = component.getType();
                }
                Constructor<?> canonical = type.getDeclaredConstructor(parameters);
                if (hasJacksonAnnotation(canonical)
                        || Arrays.stream(canonical.getParameters()).anyMatch(Shape::hasJacksonAnnotation)) {
                    return null;
                }
                canonical.setAccessible(true);
                MethodHandle constructor = lookup.unreflectConstructor(canonical)
                        .asSpreader(Object[].class, components.length).asType(CONSTRUCTOR);
                return new Shape(accessors, types, primitive, constructor);
            } catch (ReflectiveOperationException | RuntimeException inaccessible) {
                return null;
            }
        }

        private static boolean hasJacksonAnnotation(AnnotatedElement element) {
            for (Annotation annotation : element.getAnnotations()) {
                if (annotation.annotationType().getName().startsWith("com.fasterxml.jackson.")) {
                    return true;
                }
            }
            return false;
        }
    }
}
