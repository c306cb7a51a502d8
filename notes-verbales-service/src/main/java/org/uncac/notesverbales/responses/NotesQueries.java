package org.uncac.notesverbales.responses;

import org.bson.Document;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;
import org.uncac.notesverbales.parties.PartiesReplica;
import org.uncac.platform.readmodel.ReadModelVersions;
import reactor.core.publisher.Mono;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/** Notes verbales and their responses, as at a received date and, optionally, as recorded by an instant. */
@Component
public class NotesQueries {

    public record GroupRate(int addressees, int responded) {
    }

    public record ResponseRate(LocalDate asAt, Instant recordedBy, int addressees, int responded, int substantive,
                               double rate, Map<String, GroupRate> byRegionalGroup, Map<String, Integer> byQuestion) {
    }

    /** A response as read back: superseded ones are marked. */
    public record ResponseView(String responseId, String stateCode, LocalDate receivedOn, boolean substantive,
                               Map<String, Object> answers, String channel, List<Object> attachments,
                               Instant recordedAt, String recordedBy, String supersedes, boolean current) {
    }

    private final ReactiveMongoTemplate mongo;
    private final PartiesReplica parties;
    private final ReadModelVersions versions;

    public NotesQueries(ReactiveMongoTemplate mongo, PartiesReplica parties, ReadModelVersions versions) {
        this.mongo = mongo;
        this.parties = parties;
        this.versions = versions;
    }

    public Mono<Document> note(String noteId) {
        return mongo.findOne(Query.query(Criteria.where("_id").is(noteId)), Document.class, "notes");
    }

    public Mono<List<Document>> allNotes() {
        return mongo.findAll(Document.class, "notes").collectList();
    }

    /** Every response to the note, superseded ones too: one look-up of its addressees' documents. */
    public Mono<List<Document>> responses(Document note) {
        return responses(note, null);
    }

    /** The responses to the note of one State (or of every addressee, when {@code onlyState} is null). */
    public Mono<List<Document>> responses(Document note, String onlyState) {
        List<String> addressees = note.getList("issuedAddressees", String.class, List.of());
        if (onlyState != null) {
            addressees = addressees.contains(onlyState) ? List.of(onlyState) : List.of();
        }
        if (addressees.isEmpty()) {
            return Mono.just(List.of());
        }
        List<String> ids = addressees.stream().map(code -> ResponsesProjection.idOf(note.getString("_id"), code)).toList();
        return mongo.find(Query.query(Criteria.where("_id").in(ids)).cursorBatchSize(ids.size()), Document.class,
                        ResponsesProjection.COLLECTION)
                .concatMapIterable(d -> d.getList("responses", Document.class))
                .collectList();
    }

    /** The note's responses folded for rates; re-read only when the note's responses changed. */
    public Mono<ResponseTimeline> timeline(Document note) {
        return versions.cached(ResponsesProjection.versionKey(note.getString("_id")),
                () -> responses(note).map(ResponseTimeline::of));
    }

    public Mono<ResponseRate> responseRate(Document note, LocalDate asAt, Instant recordedBy) {
        List<String> addressees = addressees(note, asAt, recordedBy);
        return Mono.zip(timeline(note), parties.regionalGroups()).map(both -> {
            Map<String, ResponseTimeline.Entry> latest = both.getT1().latestByState(asAt, recordedBy);
            Map<String, String> regionalGroups = both.getT2();
            int responded = 0;
            int substantive = 0;
            Map<String, int[]> groups = new TreeMap<>();
            Map<String, Integer> byQuestion = new LinkedHashMap<>();
            for (Document q : note.getList("questions", Document.class)) {
                byQuestion.put(q.getString("id"), 0);
            }
            for (String code : addressees) {
                int[] counts = groups.computeIfAbsent(regionalGroups.getOrDefault(code, "NONE"), g -> new int[2]);
                counts[0]++;
                ResponseTimeline.Entry response = latest.get(code);
                if (response == null) {
                    continue;
                }
                responded++;
                counts[1]++;
                if (response.substantive()) {
                    substantive++;
                }
                for (String question : response.answered()) {
                    byQuestion.computeIfPresent(question, (q, n) -> n + 1);
                }
            }
            Map<String, GroupRate> byGroup = new LinkedHashMap<>();
            groups.forEach((g, c) -> byGroup.put(g, new GroupRate(c[0], c[1])));
            double rate = addressees.isEmpty() ? 0.0 : (double) responded / addressees.size();
            return new ResponseRate(asAt, recordedBy, addressees.size(), responded, substantive, rate, byGroup, byQuestion);
        });
    }

    public Mono<List<String>> nonRespondents(Document note, LocalDate asAt, Instant recordedBy) {
        List<String> addressees = addressees(note, asAt, recordedBy);
        return timeline(note).map(timeline -> {
            Map<String, ResponseTimeline.Entry> latest = timeline.latestByState(asAt, recordedBy);
            return addressees.stream().filter(code -> !latest.containsKey(code)).sorted().toList();
        });
    }

    public Mono<List<ResponseView>> responseViews(Document note, String onlyState) {
        return responses(note, onlyState).map(all -> {
            Set<String> current = ResponseTimeline.of(all).latestByState(LocalDate.MAX, null).values().stream()
                    .map(ResponseTimeline.Entry::responseId).collect(Collectors.toSet());
            List<ResponseView> views = new ArrayList<>();
            for (Document r : all) {
                Document answers = r.get("answers", Document.class);
                views.add(new ResponseView(r.getString("responseId"), r.getString("stateCode"),
                        LocalDate.parse(r.getString("receivedOn")), Boolean.TRUE.equals(r.getBoolean("substantive")),
                        answers == null ? Map.of() : new LinkedHashMap<>(answers), r.getString("channel"),
                        new ArrayList<>(r.getList("attachments", Object.class, List.of())),
                        Instant.parse(r.getString("recordedAt")), r.getString("recordedBy"), r.getString("supersedes"),
                        current.contains(r.getString("responseId"))));
            }
            views.sort(Comparator.comparing(ResponseView::stateCode).thenComparing(ResponseView::recordedAt));
            return views;
        });
    }

    /** The addressees as at the date: none before the note was issued (or recorded as issued). */
    public static List<String> addressees(Document note, LocalDate asAt, Instant recordedBy) {
        String issuedOn = note.getString("issuedOn");
        if (issuedOn == null || LocalDate.parse(issuedOn).isAfter(asAt)
                || recordedBy != null && Instant.parse(note.getString("issueRecordedAt")).isAfter(recordedBy)) {
            return List.of();
        }
        return note.getList("issuedAddressees", String.class);
    }
}
