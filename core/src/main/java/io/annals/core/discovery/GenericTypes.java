package io.annals.core.discovery;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.lang.reflect.TypeVariable;
import java.lang.reflect.WildcardType;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** Resolves the type arguments a concrete class gives a generic superclass or interface. */
public final class GenericTypes {

    private GenericTypes() {
    }

    /**
     * The {@code index}-th type argument {@code concrete} binds for {@code generic}, as a class, if it
     * resolves to one (a raw use or an unbound type variable does not).
     */
    public static Optional<Class<?>> argument(Class<?> concrete, Class<?> generic, int index) {
        return argument((Type) concrete, generic, index);
    }

    /**
     * As {@link #argument(Class, Class, int)} for a class or a parameterized type such as a method's
     * generic return type; a wildcard resolves to its upper bound.
     */
    public static Optional<Class<?>> argument(Type concrete, Class<?> generic, int index) {
        Type resolved = resolve(concrete, generic, index, new HashMap<>());
        if (resolved instanceof WildcardType wildcard) {
            resolved = wildcard.getUpperBounds()[0];
        }
        if (resolved instanceof Class<?> type) {
            return Optional.of(type);
        }
        if (resolved instanceof ParameterizedType parameterized && parameterized.getRawType() instanceof Class<?> raw) {
            return Optional.of(raw);
        }
        return Optional.empty();
    }

    private static Type resolve(Type type, Class<?> generic, int index, Map<TypeVariable<?>, Type> bindings) {
        Class<?> raw = rawOf(type);
        if (raw == null) {
            return null;
        }
        if (type instanceof ParameterizedType parameterized) {
            TypeVariable<?>[] variables = raw.getTypeParameters();
            Type[] arguments = parameterized.getActualTypeArguments();
            for (int i = 0; i < variables.length; i++) {
                Type argument = arguments[i];
                bindings.put(variables[i], argument instanceof TypeVariable<?> v && bindings.containsKey(v) ? bindings.get(v) : argument);
            }
            if (raw == generic) {
                Type argument = arguments[index];
                return argument instanceof TypeVariable<?> v ? bindings.get(v) : argument;
            }
        } else if (raw == generic) {
            return null;
        }
        Type superclass = raw.getGenericSuperclass();
        if (superclass != null) {
            Type found = resolve(superclass, generic, index, bindings);
            if (found != null) {
                return found;
            }
        }
        for (Type anInterface : raw.getGenericInterfaces()) {
            Type found = resolve(anInterface, generic, index, bindings);
            if (found != null) {
                return found;
            }
        }
        return null;
    }

    private static Class<?> rawOf(Type type) {
        if (type instanceof Class<?> c) {
            return c;
        }
        if (type instanceof ParameterizedType p && p.getRawType() instanceof Class<?> c) {
            return c;
        }
        return null;
    }
}
