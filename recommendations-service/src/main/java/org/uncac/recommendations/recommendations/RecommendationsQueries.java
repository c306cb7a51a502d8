package org.uncac.recommendations.recommendations;

import org.bson.Document;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;
import org.uncac.recommendations.followup.FollowUpProjection;
import reactor.core.publisher.Mono;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Recommendations with their follow-up and status as at a date; note verbale follow-up counts responses. */
@Component
public class RecommendationsQueries {

    private final ReactiveMongoTemplate mongo;

    public RecommendationsQueries(ReactiveMongoTemplate mongo) {
        this.mongo = mongo;
    }

    public Mono<List<Document>> all() {
        return mongo.findAll(Document.class, FollowUpProjection.COLLECTION)
                .filter(d -> d.getString("text") != null).collectList();
    }

    public Mono<Map<String, Document>> notes() {
        return mongo.findAll(Document.class, "notes").collectMap(d -> d.getString("_id"));
    }

    public Mono<Map<String, Object>> one(String id, LocalDate asAt) {
        return mongo.findOne(Query.query(Criteria.where("_id").is(id)), Document.class, FollowUpProjection.COLLECTION)
                .filter(d -> d.getString("text") != null)
                .zipWith(notes())
                .map(both -> view(both.getT1(), asAt, both.getT2()));
    }

    public Mono<List<Map<String, Object>>> list(String meetingId, RecommendationMessages.Status status, LocalDate asAt) {
        return Mono.zip(all(), notes()).map(both -> both.getT1().stream()
                .filter(d -> meetingId == null || meetingId.equals(d.getString("meetingId")))
                .sorted(Comparator.comparing((Document d) -> String.valueOf(d.getString("meetingId")))
                        .thenComparing(d -> String.valueOf(d.getString("paragraph"))))
                .map(d -> view(d, asAt, both.getT2()))
                .filter(v -> status == null || status.name().equals(v.get("status")))
                .toList());
    }

    /** The status on {@code date}: null before adoption, then the latest follow-up status by then. */
    public static String statusOn(Document d, LocalDate date) {
        String adopted = d.getString("adoptedOn");
        if (adopted != null && LocalDate.parse(adopted).isAfter(date)) {
            return null;
        }
        return followUp(d, date).stream().map(f -> f.getString("status")).filter(s -> s != null)
                .reduce((a, b) -> b).orElse("ADOPTED");
    }

    public static List<Document> followUp(Document d, LocalDate date) {
        return d.getList("followUp", Document.class, List.of()).stream()
                .filter(f -> !LocalDate.parse(f.getString("date")).isAfter(date))
                .sorted(Comparator.comparing((Document f) -> f.getString("date")).thenComparing(f -> f.getString("recordedAt")))
                .toList();
    }

    /** Distinct States that had responded to the note by {@code date}. */
    public static int respondedBy(Document note, LocalDate date) {
        Set<String> states = new HashSet<>();
        for (Document r : note.getList("responses", Document.class, List.of())) {
            if (!LocalDate.parse(r.getString("receivedOn")).isAfter(date)) {
                states.add(r.getString("stateCode"));
            }
        }
        return states.size();
    }

    static Map<String, Object> view(Document d, LocalDate asAt, Map<String, Document> notes) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("id", d.getString("_id"));
        for (String field : List.of("meetingId", "resolution", "paragraph", "text", "addressee", "themes", "articles", "adoptedOn")) {
            view.put(field, d.get(field));
        }
        view.put("asAt", asAt.toString());
        view.put("status", statusOn(d, asAt));
        view.put("followUp", followUp(d, asAt).stream().map(f -> {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("date", f.getString("date"));
            entry.put("action", f.getString("action"));
            entry.put("source", f.getString("source"));
            entry.put("status", f.getString("status"));
            if (f.getString("noteId") != null) {
                entry.put("reference", f.getString("reference"));
                entry.put("noteId", f.getString("noteId"));
                Document note = notes.get(f.getString("noteId"));
                if (note != null) {
                    entry.put("addressees", note.getInteger("addressees"));
                    entry.put("responded", respondedBy(note, asAt));
                }
            }
            return entry;
        }).toList());
        view.put("reaffirmations", d.getList("reaffirmations", Document.class, List.of()).stream()
                .map(r -> Map.of("meetingId", String.valueOf(r.getString("meetingId")), "paragraph", String.valueOf(r.getString("paragraph")),
                        "date", r.getString("date"))).toList());
        view.put("supersededBy", d.getString("supersededBy"));
        view.put("supersedes", d.getList("supersedes", String.class, List.of()));
        return view;
    }
}
