package org.uncac.recommendations.adoption;

import org.bson.Document;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;
import org.uncac.platform.readmodel.ReadModelVersions;
import org.uncac.recommendations.followup.FollowUpProjection;
import org.uncac.recommendations.followup.ReplicasProjection;
import reactor.core.publisher.Mono;
import reactor.util.function.Tuple2;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.ArrayList;

/**
 * Recommendations with their follow-up and status as at a date; note verbale follow-up counts responses. Every
 * read takes {@code recordedBy} (null: everything recorded): only what had been recorded by that instant counts,
 * so an answer once given is given again, byte for byte, after later late recordings.
 */
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

    public Mono<List<Document>> all(Instant recordedBy) {
        return mongo.findAll(Document.class, FollowUpProjection.COLLECTION)
                .filter(d -> d.getString("text") != null && known(d.getString("recordedAt"), recordedBy)).collectList();
    }

    /** Whether a fact recorded at {@code recordedAt} was known at {@code recordedBy} (null: it is). */
    public static boolean known(String recordedAt, Instant recordedBy) {
        return recordedBy == null || recordedAt == null || !Instant.parse(recordedAt).isAfter(recordedBy);
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
        return mongo.find(Query.query(Criteria.where("_id").in(ids)), Document.class, ReplicasProjection.NOTES)
                .collectMap(d -> d.getString("_id"));
    }

    public Mono<Map<String, Object>> one(String id, LocalDate asAt, Instant recordedBy) {
        return mongo.findOne(Query.query(Criteria.where("_id").is(id)), Document.class, FollowUpProjection.COLLECTION)
                .filter(d -> d.getString("text") != null && known(d.getString("recordedAt"), recordedBy))
                .flatMap(d -> Mono.zip(notesFor(List.of(d)), coverageIfNeeded(List.of(d), asAt, recordedBy))
                        .map(both -> view(d, asAt, recordedBy, both.getT1(), both.getT2())));
    }

    public Mono<List<Map<String, Object>>> list(String meetingId, RecommendationModel.Status status, LocalDate asAt,
                                                Instant recordedBy) {
        return all(recordedBy).map(all -> all.stream()
                        .filter(d -> meetingId == null || meetingId.equals(d.getString("meetingId")))
                        .toList())
                .flatMap(selected -> Mono.zip(notesFor(selected), coverageIfNeeded(selected, asAt, recordedBy))
                        .map(both -> selected.stream()
                                .sorted(Comparator.comparing((Document d) -> String.valueOf(d.getString("meetingId")))
                                        .thenComparing(d -> String.valueOf(d.getString("paragraph"))))
                                .map(d -> view(d, asAt, recordedBy, both.getT1(), both.getT2()))
                                .filter(v -> status == null || status.name().equals(v.get("status")))
                                .toList()));
    }

    /** The directory's coverage as at a date, from this service's replicas: parties, and per type the States covered. */
    public record Coverage(int statesParties, Map<String, Integer> byType) {
    }

    private static final List<String> AUTHORITY_TYPES =
            List.of("PREVENTION", "MUTUAL_LEGAL_ASSISTANCE", "EXTRADITION", "ASSET_RECOVERY", "CIVIL_ADMINISTRATIVE");

    /** Coverage only when one of the recommendations reports on the directory; otherwise nothing is read. */
    private Mono<Coverage> coverageIfNeeded(List<Document> recommendations, LocalDate asAt, Instant recordedBy) {
        return recommendations.stream().anyMatch(d -> Boolean.TRUE.equals(d.getBoolean("concernsDirectory")))
                ? coverage(asAt, recordedBy)
                : Mono.just(new Coverage(0, Map.of()));
    }

    /** The directory replica folded once per change (see {@link ReadModelVersions}), then counted for the date. */
    public Mono<Coverage> coverage(LocalDate asAt, Instant recordedBy) {
        return versions.cached(DIRECTORY_REPLICA, () -> Mono.zip(
                        mongo.findAll(Document.class, ReplicasProjection.PARTIES).collectList(),
                        mongo.findAll(Document.class, ReplicasProjection.AUTHORITIES).collectList()).map(DirectoryReplica::of))
                .map(replica -> replica.coverageOn(asAt, recordedBy));
    }

    /**
     * The latest coverage the secretariat published on or before {@code asAt} (as recorded by {@code recordedBy}):
     * the figure's document ({@code asAt}, {@code source}, {@code byType}, ...), or empty.
     */
    public Mono<Document> publishedCoverage(LocalDate asAt, Instant recordedBy) {
        return mongo.findAll(Document.class, ReplicasProjection.PUBLISHED_COVERAGE).map(d -> d.get("figure", Document.class))
                .filter(f -> !LocalDate.parse(f.getString("asAt")).isAfter(asAt) && known(f.getString("recordedAt"), recordedBy))
                .reduce((a, b) -> a.getString("asAt").compareTo(b.getString("asAt")) >= 0 ? a : b);
    }

    /** The latest count of responses the secretariat published for a note on or before {@code asAt}, or null. */
    public static Document publishedResponses(Document note, LocalDate asAt, Instant recordedBy) {
        return note.getList("publishedFigures", Document.class, List.of()).stream()
                .filter(f -> !LocalDate.parse(f.getString("asAt")).isAfter(asAt) && known(f.getString("recordedAt"), recordedBy))
                .max(Comparator.comparing((Document f) -> f.getString("asAt"))).orElse(null);
    }

    /** Parties with the date each became one; authorities with the period each was in force; each as recorded when. */
    record DirectoryReplica(List<Party> parties, List<AuthorityPeriod> authorities) {

        record Party(String code, LocalDate since, String recordedAt) {
        }

        record AuthorityPeriod(String stateCode, String type, LocalDate effective, String recordedAt, LocalDate withdrawn,
                               String withdrawalRecordedAt) {
        }

        static DirectoryReplica of(Tuple2<List<Document>, List<Document>> both) {
            List<Party> parties = both.getT1().stream().map(p -> new Party(p.getString("_id"),
                    LocalDate.parse(p.getString("partySince")), p.getString("recordedAt"))).toList();
            List<AuthorityPeriod> authorities = both.getT2().stream()
                    .filter(a -> a.getString("effective") != null && AUTHORITY_TYPES.contains(a.getString("type")))
                    .map(a -> new AuthorityPeriod(a.getString("stateCode"), a.getString("type"),
                            LocalDate.parse(a.getString("effective")), a.getString("recordedAt"),
                            a.getString("withdrawn") == null ? null : LocalDate.parse(a.getString("withdrawn")),
                            a.getString("withdrawalRecordedAt")))
                    .toList();
            return new DirectoryReplica(parties, authorities);
        }

        Coverage coverageOn(LocalDate asAt, Instant recordedBy) {
            Set<String> parties = new HashSet<>();
            for (Party party : this.parties) {
                if (!party.since().isAfter(asAt) && known(party.recordedAt(), recordedBy)) {
                    parties.add(party.code());
                }
            }
            Map<String, Set<String>> covered = new LinkedHashMap<>();
            AUTHORITY_TYPES.forEach(type -> covered.put(type, new HashSet<>()));
            for (AuthorityPeriod a : authorities) {
                boolean withdrawn = a.withdrawn() != null && !a.withdrawn().isAfter(asAt) && known(a.withdrawalRecordedAt(), recordedBy);
                boolean inForce = !a.effective().isAfter(asAt) && known(a.recordedAt(), recordedBy) && !withdrawn;
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
    public static String statusOn(Document d, LocalDate date, Instant recordedBy) {
        String adopted = d.getString("adoptedOn");
        if (adopted != null && LocalDate.parse(adopted).isAfter(date)) {
            return null;
        }
        return followUp(d, date, recordedBy).stream().map(f -> f.getString("status")).filter(s -> s != null)
                .reduce((a, b) -> b).orElse("ADOPTED");
    }

    public static List<Document> followUp(Document d, LocalDate date, Instant recordedBy) {
        return d.getList("followUp", Document.class, List.of()).stream()
                .filter(f -> !LocalDate.parse(f.getString("date")).isAfter(date) && known(f.getString("recordedAt"), recordedBy))
                .sorted(Comparator.comparing((Document f) -> f.getString("date")).thenComparing(f -> f.getString("recordedAt")))
                .toList();
    }

    /** Distinct States that had responded to the note by {@code date}, as recorded by {@code recordedBy}. */
    public static int respondedBy(Document note, LocalDate date, Instant recordedBy) {
        Set<String> states = new HashSet<>();
        for (Document r : note.getList("responses", Document.class, List.of())) {
            if (!LocalDate.parse(r.getString("receivedOn")).isAfter(date) && known(r.getString("recordedAt"), recordedBy)) {
                states.add(r.getString("stateCode"));
            }
        }
        return states.size();
    }

    static Map<String, Object> view(Document d, LocalDate asAt, Instant recordedBy, Map<String, Document> notes,
                                    Coverage coverage) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("id", d.getString("_id"));
        for (String field : List.of("meetingId", "resolution", "paragraph", "text", "addressee", "themes", "articles", "adoptedOn")) {
            view.put(field, d.get(field));
        }
        view.put("asAt", asAt.toString());
        view.put("status", statusOn(d, asAt, recordedBy));
        view.put("followUp", followUp(d, asAt, recordedBy).stream().map(f -> {
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
                    entry.put("responded", respondedBy(note, asAt, recordedBy));
                }
            }
            return entry;
        }).toList());
        if (Boolean.TRUE.equals(d.getBoolean("concernsDirectory"))) {
            List<Object> followUp = new ArrayList<>((List<?>) view.get("followUp"));
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
                .filter(r -> known(r.getString("recordedAt"), recordedBy))
                .map(r -> Map.of("meetingId", String.valueOf(r.getString("meetingId")), "paragraph", String.valueOf(r.getString("paragraph")),
                        "date", r.getString("date"))).toList());
        view.put("supersededBy", known(d.getString("supersessionRecordedAt"), recordedBy) ? d.getString("supersededBy") : null);
        view.put("supersedes", d.getList("supersedes", Document.class, List.of()).stream()
                .filter(s -> known(s.getString("recordedAt"), recordedBy)).map(s -> s.getString("recommendationId")).toList());
        return view;
    }
}
