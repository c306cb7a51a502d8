package org.uncac.notesverbales.parties;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.messaging.annotation.MessageIdentifier;
import org.bson.Document;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;
import org.uncac.platform.readmodel.DocumentProjection;
import org.uncac.platform.readmodel.ReadModelVersions;
import reactor.core.publisher.Mono;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * This service's replica of the States parties, built from the directory's events: who was a party on a
 * date, its name then and its UN regional group. Used to resolve ALL_STATES_PARTIES at issuance and to
 * break response rates down by regional group. It never asks the directory service.
 */
@Component
@ProcessingGroup(PartiesReplica.PROCESSING_GROUP)
public class PartiesReplica extends DocumentProjection {

    public static final String PROCESSING_GROUP = "notes-verbales.parties";
    static final String COLLECTION = "parties";
    static final String VERSION_KEY = "notes-verbales.parties";

    /** A party on a date. */
    public record Party(String code, String name, String regionalGroup) {
    }

    private final ReadModelVersions versions;

    public PartiesReplica(ReactiveMongoTemplate mongo, ReadModelVersions versions) {
        super(mongo, COLLECTION);
        this.versions = versions;
    }

    @EventHandler
    void on(DirectoryEvents.StatePartyRegistered event, @Timestamp Instant recordedAt, @MessageIdentifier String id) {
        upsert(event.code(), new Update()
                .set("partySince", event.partySince().toString())
                .set("regionalGroup", event.regionalGroup())
                .set("recordedAt", recordedAt.toString())
                .addToSet("names", new Document("eventId", id).append("name", event.name()).append("effective", null)));
        versions.bump(VERSION_KEY);
    }

    @EventHandler
    void on(DirectoryEvents.StatePartyRenamed event, @MessageIdentifier String id) {
        upsert(event.code(), new Update()
                .addToSet("names", new Document("eventId", id).append("name", event.name())
                        .append("effective", event.effective().toString())));
        versions.bump(VERSION_KEY);
    }

    @Override
    protected void afterReset() {
        versions.bump(VERSION_KEY);
    }

    /** The parties on {@code date}, by code. */
    public Mono<List<Party>> asAt(LocalDate date) {
        return all().map(docs -> docs.stream()
                .filter(d -> d.getString("partySince") != null && !LocalDate.parse(d.getString("partySince")).isAfter(date))
                .map(d -> new Party(d.getString("_id"), nameOn(d, date), d.getString("regionalGroup")))
                .sorted(Comparator.comparing(Party::code))
                .toList());
    }

    /** Every party ever registered (for regional groups of addressees). */
    public Mono<Map<String, Party>> byCode(LocalDate date) {
        return all().map(docs -> docs.stream()
                .map(d -> new Party(d.getString("_id"), nameOn(d, date), d.getString("regionalGroup")))
                .collect(Collectors.toMap(Party::code, p -> p)));
    }

    /** The UN regional group of every party ever registered, by code (groups do not change with a date). */
    public Mono<Map<String, String>> regionalGroups() {
        return folded().map(Folded::regionalGroups);
    }

    private Mono<List<Document>> all() {
        return folded().map(Folded::documents);
    }

    private Mono<Folded> folded() {
        return versions.cached(VERSION_KEY, () -> mongo.findAll(Document.class, COLLECTION).collectList().map(Folded::of));
    }

    /** The replica as read, and what every response rate needs from it, computed once per change. */
    private record Folded(List<Document> documents, Map<String, String> regionalGroups) {
        static Folded of(List<Document> documents) {
            Map<String, String> groups = new HashMap<>();
            documents.forEach(d -> {
                if (d.getString("regionalGroup") != null) {
                    groups.put(d.getString("_id"), d.getString("regionalGroup"));
                }
            });
            return new Folded(List.copyOf(documents), Map.copyOf(groups));
        }
    }

    private static String nameOn(Document party, LocalDate date) {
        return party.getList("names", Document.class).stream()
                .filter(n -> n.getString("effective") == null || !LocalDate.parse(n.getString("effective")).isAfter(date))
                .max(Comparator.comparing(n -> Objects.requireNonNullElse(n.getString("effective"), "")))
                .map(n -> n.getString("name")).orElse(null);
    }
}
