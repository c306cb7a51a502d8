package org.uncac.platform.readmodel;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.bson.Document;

import java.util.List;
import java.util.Map;

/** Records as BSON documents for read models, through the service's JSON mapping (dates as ISO strings). */
public final class Documents {

    private Documents() {
    }

    @SuppressWarnings("unchecked")
    public static Document of(ObjectMapper objectMapper, Object value) {
        return new Document(objectMapper.convertValue(value, Map.class));
    }

    public static List<Document> ofAll(ObjectMapper objectMapper, List<?> values) {
        return values == null ? List.of() : values.stream().map(v -> of(objectMapper, v)).toList();
    }
}
