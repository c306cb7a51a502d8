package org.uncac.recommendations.recommendations;

import org.bson.Document;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;
import org.uncac.platform.readmodel.ReadModelVersions;
import org.uncac.recommendations.followup.FollowUpProjection;
import reactor.core.publisher.Mono;
import reactor.util.function.Tuple2;

import java.time.LocalDate;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Recommendations with their follow-up and status as at a date; note verbale follow-up counts responses. */
@Component
public class RecommendationsQueries {

    /** Version key of this service's replica of the directory (parties and authorities), bumped by its projection. */
    public static final String DIRECTORY_REPLICA = "recommendations.directory";

    private final ReactiveMongoTemplate mongo;
    private final ReadModelVersions versions;

    public RecommendationsQueries(ReactiveMongoTemplate mongo, ReadModelVersions versions) {
        this.mongo = mongo;
        this.versions = versions;
    }

    public Mono<List<Document>> all() {
        return mongo.findAll(Document.class, FollowUpProjection.COLLECTION)
                .filter(d -> d.getString("text") != null).collectList();
    }

    /** The replicas of the notes verbales that these recommendations' follow-up names, by id (one {@code _id $in}). */
    public Mono<Map<String, Document>> notesFor(Collection<Document> recommendations) {
        Set<String> ids = new HashSet<>();
        for (Document r : recommendations) {
            for (Document f : r.getList("followUp", Document.class, List.of())) {
                if (f.getString("noteId") != null) {
                    ids.add(f.getString("noteId"));
                }
            }
        }
        if (ids.isEmpty()) {
            return Mono.just(Map.of());
        }
        return mongo.find(Query.query(Criteria.where("_id").in(ids)), Document.class, "notes")
                .collectMap(d -> d.getString("_id"));
    }

    public Mono<Map<String, Object>> one(String id, LocalDate asAt) {
        return mongo.findOne(Query.query(Criteria.where("_id").is(id)), Document.class, FollowUpProjection.COLLECTION)
                .filter(d -> d.getString("text") != null)
                .flatMap(d -> Mono.zip(notesFor(List.of(d)), coverageIfNeeded(List.of(d), asAt))
                        .map(both -> view(d, asAt, both.getT1(), both.getT2())));
    }

    public Mono<List<Map<String, Object>>> list(String meetingId, RecommendationMessages.Status status, LocalDate asAt) {
        return all().map(all -> all.stream()
                        .filter(d -> meetingId == null || meetingId.equals(d.getString("meetingId")))
                        .toList())
                .flatMap(selected -> Mono.zip(notesFor(selected), coverageIfNeeded(selected, asAt))
                        .map(both -> selected.stream()
                                .sorted(Comparator.comparing((Document d) -> String.valueOf(d.getString("meetingId")))
                                        .thenComparing(d -> String.valueOf(d.getString("paragraph"))))
                                .map(d -> view(d, asAt, both.getT1(), both.getT2()))
                                .filter(v -> status == null || status.name().equals(v.get("status")))
                                .toList()));
    }

    /** The directory's coverage as at a date, from this service's replicas: parties, and per type the States covered. */
    public record Coverage(int statesParties, Map<String, Integer> byType) {
    }

    private static final List<String> AUTHORITY_TYPES =
            List.of("PREVENTION", "MUTUAL_LEGAL_ASSISTANCE", "EXTRADITION", "ASSET_RECOVERY", "CIVIL_ADMINISTRATIVE");

    /** Coverage only when one of the recommendations reports on the directory; otherwise nothing is read. */
    private Mono<Coverage> coverageIfNeeded(List<Document> recommendations, LocalDate asAt) {
        return recommendations.stream().anyMatch(d -> Boolean.TRUE.equals(d.getBoolean("concernsDirectory")))
                ? coverage(asAt)
                : Mono.just(new Coverage(0, Map.of()));
    }

    /** The directory replica folded once per change (see {@link ReadModelVersions}), then counted for the date. */
    public Mono<Coverage> coverage(LocalDate asAt) {
        return versions.cached(DIRECTORY_REPLICA, () -> Mono.zip(mongo.findAll(Document.class, "parties").collectList(),
                        mongo.findAll(Document.class, "authorities").collectList()).map(DirectoryReplica::of))
                .map(replica -> replica.coverageOn(asAt));
    }

    /** Parties with the date each became one; authorities with the period each was in force. */
    record DirectoryReplica(Map<String, LocalDate> partySince, List<AuthorityPeriod> authorities) {

        record AuthorityPeriod(String stateCode, String type, LocalDate effective, LocalDate withdrawn) {
        }

        static DirectoryReplica of(Tuple2<List<Document>, List<Document>> both) {
            Map<String, LocalDate> parties = new HashMap<>();
            both.getT1().forEach(p -> parties.put(p.getString("_id"), LocalDate.parse(p.getString("partySince"))));
            List<AuthorityPeriod> authorities = both.getT2().stream()
                    .filter(a -> a.getString("effective") != null && AUTHORITY_TYPES.contains(a.getString("type")))
                    .map(a -> new AuthorityPeriod(a.getString("stateCode"), a.getString("type"),
                            LocalDate.parse(a.getString("effective")),
                            a.getString("withdrawn") == null ? null : LocalDate.parse(a.getString("withdrawn"))))
                    .toList();
            return new DirectoryReplica(parties, authorities);
        }

        Coverage coverageOn(LocalDate asAt) {
            Set<String> parties = new HashSet<>();
            partySince.forEach((code, since) -> {
                if (!since.isAfter(asAt)) {
                    parties.add(code);
                }
            });
            Map<String, Set<String>> covered = new LinkedHashMap<>();
            AUTHORITY_TYPES.forEach(type -> covered.put(type, new HashSet<>()));
            for (AuthorityPeriod a : authorities) {
                boolean inForce = !a.effective().isAfter(asAt) && (a.withdrawn() == null || a.withdrawn().isAfter(asAt));
                if (inForce && parties.contains(a.stateCode())) {
                    covered.get(a.type()).add(a.stateCode());
                }
            }
            Map<String, Integer> byType = new LinkedHashMap<>();
            covered.forEach((type, states) -> byType.put(type, states.size()));
            return new Coverage(parties.size(), byType);
        }
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

    static Map<String, Object> view(Document d, LocalDate asAt, Map<String, Document> notes, Coverage coverage) {
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
        if (Boolean.TRUE.equals(d.getBoolean("concernsDirectory"))) {
            List<Object> followUp = new java.util.ArrayList<>((List<?>) view.get("followUp"));
            Map<String, Object> directory = new LinkedHashMap<>();
            directory.put("date", asAt.toString());
            directory.put("action", "Directory of competent national authorities as at " + asAt + ": of " + coverage.statesParties()
                    + " States parties, " + coverage.byType().entrySet().stream().map(e -> e.getValue() + " with " + e.getKey())
                    .reduce((a, b) -> a + ", " + b).orElse(""));
            directory.put("source", "DIRECTORY");
            directory.put("coverage", coverage);
            followUp.add(directory);
            view.put("followUp", followUp);
        }
        view.put("reaffirmations", d.getList("reaffirmations", Document.class, List.of()).stream()
                .map(r -> Map.of("meetingId", String.valueOf(r.getString("meetingId")), "paragraph", String.valueOf(r.getString("paragraph")),
                        "date", r.getString("date"))).toList());
        view.put("supersededBy", d.getString("supersededBy"));
        view.put("supersedes", d.getList("supersedes", String.class, List.of()));
        return view;
    }
}
