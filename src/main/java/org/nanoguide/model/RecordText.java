package org.nanoguide.model;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.reflect.RecordComponent;
import java.util.Collection;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Short, stable text of a record for traces: {@code Tumor(type=BREAST, depthCm=1.5)}.
 * Unknown (null) values and empty collections are left out, so a trace shows what a rule saw.
 */
public final class RecordText {
    private static final Map<Class<?>, Component[]> COMPONENTS = new ConcurrentHashMap<>();

    private record Component(String name, MethodHandle getter) { }

    private RecordText() { }

    public static String of(Record r) {
        Component[] components = COMPONENTS.computeIfAbsent(r.getClass(), RecordText::components);
        StringBuilder sb = new StringBuilder(r.getClass().getSimpleName()).append('(');
        boolean first = true;
        for (Component c : components) {
            Object value;
            try {
                value = (Object) c.getter.invokeExact(r);
            } catch (Throwable e) {
                throw new IllegalStateException(e);
            }
            if (value == null
                    || value instanceof Collection<?> col && col.isEmpty()
                    || value instanceof Map<?, ?> map && map.isEmpty()) {
                continue;
            }
            if (!first) sb.append(", ");
            first = false;
            sb.append(c.name).append('=');
            if (value instanceof String s) sb.append('"').append(s).append('"');
            else sb.append(value);
        }
        return sb.append(')').toString();
    }

    private static Component[] components(Class<?> type) {
        RecordComponent[] rc = type.getRecordComponents();
        Component[] out = new Component[rc.length];
        MethodHandles.Lookup lookup = MethodHandles.publicLookup();
        for (int i = 0; i < rc.length; i++) {
            try {
                MethodHandle h = lookup.unreflect(rc[i].getAccessor())
                        .asType(java.lang.invoke.MethodType.methodType(Object.class, Record.class));
                out[i] = new Component(rc[i].getName(), h);
            } catch (IllegalAccessException e) {
                throw new IllegalStateException(e);
            }
        }
        return out;
    }
}
