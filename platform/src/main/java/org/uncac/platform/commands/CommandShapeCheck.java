package org.uncac.platform.commands;

import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.MessageDispatchInterceptor;
import org.uncac.platform.web.Problems;

import java.lang.reflect.RecordComponent;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * Refuses, before it reaches its handler, a command that carries a {@code null} inside a list or a map, at any
 * depth of its records (400 naming the element, e.g. {@code items[2].documents[0]}). Such an element would be
 * stored in an event and then fail the projections that read it: every service's commands are checked here
 * once, whatever sent them, besides the stricter reading of request bodies.
 */
public final class CommandShapeCheck implements MessageDispatchInterceptor<CommandMessage<?>> {

    @Override
    public BiFunction<Integer, CommandMessage<?>, CommandMessage<?>> handle(List<? extends CommandMessage<?>> messages) {
        return (index, command) -> {
            check(command.getPayload(), "");
            return command;
        };
    }

    /** Fails with a 400 problem at the first null element found in {@code value}, a record or a collection. */
    public static void check(Object value, String path) {
        if (value == null) {
            return;
        }
        if (value instanceof Collection<?> collection) {
            int i = 0;
            for (Object element : collection) {
                String at = path + "[" + i++ + "]";
                if (element == null) {
                    throw Problems.invalid(at, "must not be null");
                }
                check(element, at);
            }
        } else if (value instanceof Map<?, ?> map) {
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                String at = (path.isEmpty() ? "" : path + ".") + entry.getKey();
                if (entry.getKey() == null || entry.getValue() == null) {
                    throw Problems.invalid(at, "must not be null");
                }
                check(entry.getValue(), at);
            }
        } else if (value.getClass().isRecord()) {
            for (RecordComponent component : value.getClass().getRecordComponents()) {
                String at = (path.isEmpty() ? "" : path + ".") + component.getName();
                check(read(component, value), at);
            }
        }
    }

    private static Object read(RecordComponent component, Object record) {
        try {
            component.getAccessor().setAccessible(true);
            return component.getAccessor().invoke(record);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot read " + component, e);
        }
    }
}
