package org.uncac.platform.readmodel;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.bson.Document;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class DocumentsTest {

    record Stored(@JsonProperty("_id") String id, LocalDate start, int ordinal, Instant recordedAt, List<Item> items) {
    }

    record Item(String title) {
    }

    /** The services' mapper refuses unknown fields in request bodies; a read model's document is not a request. */
    private final ObjectMapper strict = new ObjectMapper().registerModule(new JavaTimeModule())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);

    @Test
    void aDocumentReadsBackAsItsRecordThoughItHoldsMoreThanTheRecordNames() {
        Document document = new Document("_id", "m1").append("start", "2019-05-29").append("ordinal", 8)
                .append("recordedAt", "2019-06-01T09:00:00Z").append("recordedBy", "secretariat")
                .append("items", List.of(new Document("title", "Opening").append("annotation", "none")));

        assertThat(Documents.read(strict, document, Stored.class)).isEqualTo(new Stored("m1", LocalDate.of(2019, 5, 29), 8,
                Instant.parse("2019-06-01T09:00:00Z"), List.of(new Item("Opening"))));
    }

    @Test
    void aFieldTheDocumentLacksReadsAsNullOrZero() {
        assertThat(Documents.read(strict, new Document("_id", "m2").append("ordinal", null), Stored.class))
                .isEqualTo(new Stored("m2", null, 0, null, null));
    }
}
