package org.uncac.platform.readmodel;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.bson.Document;

import java.io.IOException;
import java.io.UncheckedIOException;
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

    /**
     * A read model's document as its record: field names are the record's components, {@code _id} its id. Read
     * leniently, unlike request bodies: a document may hold fields its record does not name, and nulls.
     */
    public static <T> T read(ObjectMapper objectMapper, Document document, Class<T> type) {
        try {
            return objectMapper.readerFor(type)
                    .without(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                    .without(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                    .readValue((JsonNode) objectMapper.valueToTree(document));
        } catch (IOException e) {
            throw new UncheckedIOException("a " + type.getSimpleName() + " document that does not read back", e);
        }
    }

    public static List<Document> ofAll(ObjectMapper objectMapper, List<?> values) {
        return values == null ? List.of() : values.stream().map(v -> of(objectMapper, v)).toList();
    }
}
