package org.uncac.console;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * API answers as the maps and lists templates read ({@code ${note.subject}}). The maps answer every key (null where
 * the API left a field out), so a template may ask for a field an answer does not always carry.
 */
final class Json {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** A map in which every key is there, most with the value null. */
    static final class Lenient extends LinkedHashMap<String, Object> {
        Lenient(Map<String, ?> values) {
            values.forEach((key, value) -> put(key, lenient(value)));
        }

        @Override
        public boolean containsKey(Object key) {
            return true;
        }
    }

    private Json() {
    }

    static Map<String, Object> map(JsonNode node) {
        return node == null || !node.isObject() ? new Lenient(Map.of())
                : new Lenient(JSON.convertValue(node, new TypeReference<Map<String, Object>>() { }));
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> list(JsonNode node) {
        return node == null || !node.isArray() ? List.of() : (List<Map<String, Object>>) lenient(JSON.convertValue(node, List.class));
    }

    static Map<String, Object> of(Map<String, ?> values) {
        return new Lenient(values);
    }

    @SuppressWarnings("unchecked")
    private static Object lenient(Object value) {
        if (value instanceof Map<?, ?> map && !(value instanceof Lenient)) {
            return new Lenient((Map<String, ?>) map);
        }
        if (value instanceof List<?> list) {
            List<Object> copy = new ArrayList<>();
            list.forEach(item -> copy.add(lenient(item)));
            return copy;
        }
        return value;
    }
}
