package org.alliancesim.scenario;

import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.util.HashMap;
import java.util.Map;

/**
 * A record class's components as the scenario layer reads them, looked up once per class: their file
 * names ({@link Names#snake}), accessors and canonical constructor. {@link Class#getRecordComponents}
 * copies its array on every call, and the names were converted again on every edit: ABC-SMC and sweeps
 * build a scenario by typed edits for every simulation, and those lookups were most of the edits' work
 * (docs/performance.md). Immutable once built; shared by every thread through a {@link ClassValue}.
 */
final class RecordShape {

    private static final ClassValue<RecordShape> SHAPES = new ClassValue<>() {
        @Override
        protected RecordShape computeValue(Class<?> type) {
            return new RecordShape(type);
        }
    };

    private final Class<?> type;
    private final RecordComponent[] components;
    private final String[] names;
    private final Method[] accessors;
    private final Map<String, Integer> index = new HashMap<>();
    private final Constructor<?> canonical;

    private RecordShape(Class<?> type) {
        if (!type.isRecord()) {
            throw new IllegalArgumentException(type + " is not a record");
        }
        this.type = type;
        this.components = type.getRecordComponents();
        this.names = new String[components.length];
        this.accessors = new Method[components.length];
        Class<?>[] types = new Class<?>[components.length];
        for (int k = 0; k < components.length; k++) {
            names[k] = Names.snake(components[k].getName());
            accessors[k] = components[k].getAccessor();
            types[k] = components[k].getType();
            index.put(names[k], k);
        }
        try {
            this.canonical = type.getDeclaredConstructor(types);
        } catch (NoSuchMethodException e) {
            throw new IllegalStateException("no canonical constructor in " + type, e);
        }
    }

    /** The shape of record class {@code type}. */
    static RecordShape of(Class<?> type) {
        return SHAPES.get(type);
    }

    /** The number of components. */
    int size() {
        return components.length;
    }

    /** Component {@code k}, in declaration order. */
    RecordComponent component(int k) {
        return components[k];
    }

    /** Component {@code k}'s file name ({@code barrierSd} is {@code barrier_sd}). */
    String name(int k) {
        return names[k];
    }

    /** The position of the component whose file name is {@code name}, or -1. */
    int indexOf(String name) {
        Integer k = index.get(name);
        return k == null ? -1 : k;
    }

    /** Component {@code k} of {@code record}. */
    Object value(Object record, int k) {
        try {
            return accessors[k].invoke(record);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("reading " + type.getSimpleName() + "." + components[k].getName(), e);
        }
    }

    /** The canonical constructor. */
    Constructor<?> canonical() {
        return canonical;
    }
}
