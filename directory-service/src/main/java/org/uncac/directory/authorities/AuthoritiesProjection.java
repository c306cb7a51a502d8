package org.uncac.directory.authorities;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.messaging.annotation.MessageIdentifier;
import org.bson.Document;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;
import org.uncac.platform.readmodel.DocumentProjection;
import org.uncac.platform.readmodel.Documents;
import org.uncac.directory.authorities.AuthorityEvents.AuthorityDesignated;
import org.uncac.directory.authorities.AuthorityEvents.AuthorityUpdated;
import org.uncac.directory.authorities.AuthorityEvents.AuthorityWithdrawn;
import org.uncac.directory.authorities.AuthorityEvents.Source;
import org.uncac.platform.readmodel.ReadModelVersions;

import java.time.Instant;
import java.time.LocalDate;

/**
 * The directory read model: one document per authority holding every change with its effective date,
 * recording instant, author and source. Nothing is overwritten, so any as-at (and as-recorded-by) question
 * can be answered. Changes are added by event id ({@code $addToSet}): replays change nothing.
 */
@Component
@ProcessingGroup(AuthoritiesProjection.PROCESSING_GROUP)
public class AuthoritiesProjection extends DocumentProjection {

    public static final String PROCESSING_GROUP = "directory.authorities";
    static final String COLLECTION = "authorities";
    static final String VERSION_KEY = "directory.authorities";

    private final ReadModelVersions versions;
    private final ObjectMapper objectMapper;

    public AuthoritiesProjection(ReactiveMongoTemplate mongo, ReadModelVersions versions, ObjectMapper objectMapper) {
        super(mongo, COLLECTION);
        this.versions = versions;
        this.objectMapper = objectMapper;
    }

    @EventHandler
    void on(AuthorityDesignated event, @Timestamp Instant recordedAt, @MessageIdentifier String eventId) {
        record(event.authorityId(), event.stateCode(), event.type(),
                change(eventId, "DESIGNATED", event.effective(), recordedAt, event.recordedBy(), event.source())
                        .append("details", details(event.details())));
    }

    @EventHandler
    void on(AuthorityUpdated event, @Timestamp Instant recordedAt, @MessageIdentifier String eventId) {
        record(event.authorityId(), event.stateCode(), event.type(),
                change(eventId, "UPDATED", event.effective(), recordedAt, event.recordedBy(), event.source())
                        .append("details", details(event.details())));
    }

    @EventHandler
    void on(AuthorityWithdrawn event, @Timestamp Instant recordedAt, @MessageIdentifier String eventId) {
        record(event.authorityId(), event.stateCode(), event.type(),
                change(eventId, "WITHDRAWN", event.effective(), recordedAt, event.recordedBy(), event.source())
                        .append("reason", event.reason()));
    }

    @Override
    protected void afterReset() {
        versions.bump(VERSION_KEY);
    }

    private void record(String id, String stateCode, AuthorityType type, Document change) {
        Update update = new Update().set("stateCode", stateCode).set("type", type.name()).addToSet("changes", change);
        upsert(id, update);
        versions.bump(VERSION_KEY);
    }

    private static Document change(String eventId, String kind, LocalDate effective, Instant recordedAt,
                                   String recordedBy, Source source) {
        return new Document("eventId", eventId).append("change", kind).append("effective", effective.toString())
                .append("recordedAt", recordedAt.toString()).append("recordedBy", recordedBy)
                .append("source", source.name());
    }

    private Document details(AuthorityDetails details) {
        return Documents.of(objectMapper, details);
    }
}
