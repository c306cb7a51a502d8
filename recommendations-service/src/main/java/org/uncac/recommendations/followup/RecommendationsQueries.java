package org.uncac.recommendations.followup;

import lombok.RequiredArgsConstructor;
import org.bson.Document;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;
import org.uncac.platform.readmodel.ReadModelVersions;
import org.uncac.recommendations.adoption.RecommendationModel;
import org.uncac.recommendations.followup.Replicas.MeetingReplica;
import org.uncac.recommendations.followup.Replicas.NoteReplica;
import org.uncac.recommendations.followup.Replicas.PublishedFigure;
import org.uncac.platform.readmodel.Documents;
import com.fasterxml.jackson.databind.ObjectMapper;
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

/**
 * Recommendations with their follow-up and status as at a date; note verbale follow-up counts responses. Every
 * read takes {@code recordedBy} (null: everything recorded): only what had been recorded by that instant counts,
 * so an answer once given is given again, byte for byte, after later late recordings.
 */
@Component
@RequiredArgsConstructor
public class RecommendationsQueries {

    /** Version key of this service's replica of the directory (parties and authorities), bumped by its projection. */
    public static final String DIRECTORY_REPLICA = "recommendations.directory";

    private final ReactiveMongoTemplate mongo;
    private final ReadModelVersions versions;
    private final ObjectMapper objectMapper;

    /** The recommendations adopted (their text recorded) by {@code recordedBy}. */
    public Mono<List<RecommendationRecord>> all(Instant recordedBy) {
        return mongo.findAll(Document.class, FollowUpProjection.COLLECTION).map(this::recommendation)
                .filter(r -> r.knownBy(recordedBy)).collectList();
    }

    /** The replicas of the notes verbales that these recommendations' follow-up names, by id (one {@code _id $in}). */
    public Mono<Map<String, NoteReplica>> notesFor(Collection<RecommendationRecord> recommendations) {
        Set<String> ids = new HashSet<>();
        for (RecommendationRecord r : recommendations) {
            for (RecommendationRecord.FollowUpEntry f : r.followUp()) {
                if (f.noteId() != null) {
                    ids.add(f.noteId());
                }
            }
        }
        if (ids.isEmpty()) {
            return Mono.just(Map.of());
        }
        return mongo.find(Query.query(Criteria.where("_id").in(ids)), Document.class, ReplicasProjection.NOTES)
                .map(d -> Documents.read(objectMapper, d, NoteReplica.class)).collectMap(NoteReplica::id);
    }

    public Mono<RecommendationView> one(String id, LocalDate asAt, Instant recordedBy) {
        return mongo.findOne(Query.query(Criteria.where("_id").is(id)), Document.class, FollowUpProjection.COLLECTION)
                .map(this::recommendation)
                .filter(r -> r.knownBy(recordedBy))
                .flatMap(r -> Mono.zip(notesFor(List.of(r)), coverageIfNeeded(List.of(r), asAt, recordedBy))
                        .map(both -> RecommendationView.of(r, asAt, recordedBy, both.getT1(), both.getT2())));
    }

    public Mono<List<RecommendationView>> list(String meetingId, RecommendationModel.Status status, LocalDate asAt,
                                               Instant recordedBy) {
        return all(recordedBy).map(all -> all.stream()
                        .filter(r -> meetingId == null || meetingId.equals(r.meetingId()))
                        .toList())
                .flatMap(selected -> Mono.zip(notesFor(selected), coverageIfNeeded(selected, asAt, recordedBy))
                        .map(both -> selected.stream()
                                .sorted(Comparator.comparing((RecommendationRecord r) -> String.valueOf(r.meetingId()))
                                        .thenComparing(r -> String.valueOf(r.paragraph())))
                                .map(r -> RecommendationView.of(r, asAt, recordedBy, both.getT1(), both.getT2()))
                                .filter(v -> status == null || status.name().equals(v.status()))
                                .toList()));
    }

    /** The meetings this service knows of, from the meetings service's events. */
    public Mono<List<MeetingReplica>> meetings() {
        return mongo.findAll(Document.class, ReplicasProjection.MEETINGS)
                .map(d -> Documents.read(objectMapper, d, MeetingReplica.class)).collectList();
    }

    public Mono<MeetingReplica> meeting(String id) {
        return mongo.findOne(Query.query(Criteria.where("_id").is(id)), Document.class, ReplicasProjection.MEETINGS)
                .map(d -> Documents.read(objectMapper, d, MeetingReplica.class));
    }

    private RecommendationRecord recommendation(Document document) {
        return Documents.read(objectMapper, document, RecommendationRecord.class);
    }

    /** The directory's coverage as at a date, from this service's replicas: parties, and per type the States covered. */
    public record Coverage(int statesParties, Map<String, Integer> byType) {
    }

    private static final List<String> AUTHORITY_TYPES =
            List.of("PREVENTION", "MUTUAL_LEGAL_ASSISTANCE", "EXTRADITION", "ASSET_RECOVERY", "CIVIL_ADMINISTRATIVE");

    /** Coverage only when one of the recommendations reports on the directory; otherwise nothing is read. */
    private Mono<Coverage> coverageIfNeeded(List<RecommendationRecord> recommendations, LocalDate asAt, Instant recordedBy) {
        return recommendations.stream().anyMatch(RecommendationRecord::reportsOnTheDirectory)
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

    /** The latest coverage the secretariat published on or before {@code asAt} (as recorded by {@code recordedBy}). */
    public Mono<PublishedFigure> publishedCoverage(LocalDate asAt, Instant recordedBy) {
        return mongo.findAll(Document.class, ReplicasProjection.PUBLISHED_COVERAGE)
                .map(d -> Documents.read(objectMapper, d, Replicas.PublishedCoverage.class).figure())
                .filter(f -> !f.asAt().isAfter(asAt) && f.knownBy(recordedBy))
                .reduce((a, b) -> a.asAt().compareTo(b.asAt()) >= 0 ? a : b);
    }

    /** Parties with the date each became one; authorities with the period each was in force; each as recorded when. */
    record DirectoryReplica(List<Party> parties, List<AuthorityPeriod> authorities) {

        record Party(String code, LocalDate since, Instant recordedAt) {
        }

        record AuthorityPeriod(String stateCode, String type, LocalDate effective, Instant recordedAt, LocalDate withdrawn,
                               Instant withdrawalRecordedAt) {
        }

        static DirectoryReplica of(Tuple2<List<Document>, List<Document>> both) {
            List<Party> parties = both.getT1().stream().map(p -> new Party(p.getString("_id"),
                    LocalDate.parse(p.getString("partySince")), instant(p.getString("recordedAt")))).toList();
            List<AuthorityPeriod> authorities = both.getT2().stream()
                    .filter(a -> a.getString("effective") != null && AUTHORITY_TYPES.contains(a.getString("type")))
                    .map(a -> new AuthorityPeriod(a.getString("stateCode"), a.getString("type"),
                            LocalDate.parse(a.getString("effective")), instant(a.getString("recordedAt")),
                            a.getString("withdrawn") == null ? null : LocalDate.parse(a.getString("withdrawn")),
                            instant(a.getString("withdrawalRecordedAt"))))
                    .toList();
            return new DirectoryReplica(parties, authorities);
        }

        private static Instant instant(String value) {
            return value == null ? null : Instant.parse(value);
        }

        Coverage coverageOn(LocalDate asAt, Instant recordedBy) {
            Set<String> parties = new HashSet<>();
            for (Party party : this.parties) {
                if (!party.since().isAfter(asAt) && RecommendationRecord.known(party.recordedAt(), recordedBy)) {
                    parties.add(party.code());
                }
            }
            Map<String, Set<String>> covered = new LinkedHashMap<>();
            AUTHORITY_TYPES.forEach(type -> covered.put(type, new HashSet<>()));
            for (AuthorityPeriod a : authorities) {
                boolean withdrawn = a.withdrawn() != null && !a.withdrawn().isAfter(asAt) && RecommendationRecord.known(a.withdrawalRecordedAt(), recordedBy);
                boolean inForce = !a.effective().isAfter(asAt) && RecommendationRecord.known(a.recordedAt(), recordedBy) && !withdrawn;
                if (inForce && parties.contains(a.stateCode())) {
                    covered.get(a.type()).add(a.stateCode());
                }
            }
            Map<String, Integer> byType = new LinkedHashMap<>();
            covered.forEach((type, states) -> byType.put(type, states.size()));
            return new Coverage(parties.size(), byType);
        }
    }
}
