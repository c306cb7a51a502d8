package org.uncac.directory.parties;

import lombok.RequiredArgsConstructor;
import org.bson.Document;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import org.uncac.platform.readmodel.ReadModelVersions;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/** Answers about States parties as at a business date and, optionally, as recorded by an instant. */
@Component
@RequiredArgsConstructor
public class StatePartiesQueries {

    /**
     * A party as the list shows it on a date. {@code partySinceKnownTo} is null when the day is known, else
     * the year or month (then {@code partySince} is the last day of it).
     */
    public record PartyView(String code, String name, PartyKind kind, LocalDate partySince, RegionalGroup regionalGroup,
                            String partySinceKnownTo) {
    }

    private final ReactiveMongoTemplate mongo;
    private final ReadModelVersions versions;

    /** The parties on {@code asAt} (party since that day or before), with the names they bore that day. */
    public Flux<PartyView> asAt(LocalDate asAt, Instant recordedBy) {
        return all().flatMapIterable(documents -> documents.stream()
                .map(document -> view(document, asAt, recordedBy))
                .filter(Objects::nonNull)
                .sorted(Comparator.comparing(PartyView::code))
                .toList());
    }

    public Mono<PartyView> one(String code, LocalDate asAt, Instant recordedBy) {
        return mongo.findOne(Query.query(Criteria.where("_id").is(code)), Document.class, StatePartiesProjection.COLLECTION)
                .mapNotNull(document -> view(document, asAt, recordedBy));
    }

    /** Whether the code names a registered party at all (whatever the date). */
    public Mono<Boolean> exists(String code) {
        return mongo.exists(Query.query(Criteria.where("_id").is(code)), StatePartiesProjection.COLLECTION);
    }

    private Mono<List<Document>> all() {
        return versions.cached(StatePartiesProjection.VERSION_KEY,
                () -> mongo.findAll(Document.class, StatePartiesProjection.COLLECTION).collectList());
    }

    private static PartyView view(Document document, LocalDate asAt, Instant recordedBy) {
        if (recordedBy != null && Instant.parse(document.getString("recordedAt")).isAfter(recordedBy)) {
            return null;
        }
        LocalDate partySince = LocalDate.parse(document.getString("partySince"));
        if (partySince.isAfter(asAt)) {
            return null;
        }
        String name = nameOn(document.getList("names", Document.class), asAt, recordedBy);
        String group = document.getString("regionalGroup");
        return new PartyView(document.getString("_id"), name, PartyKind.valueOf(document.getString("kind")),
                partySince, group == null ? null : RegionalGroup.valueOf(group), document.getString("partySinceKnownTo"));
    }

    /** The name in force on a date: the latest renaming effective by then, else the registered name. */
    static String nameOn(List<Document> names, LocalDate asAt, Instant recordedBy) {
        String best = null;
        String bestEffective = null;
        String bestRecorded = null;
        for (Document entry : names) {
            String recorded = entry.getString("recordedAt");
            if (recordedBy != null && Instant.parse(recorded).isAfter(recordedBy)) {
                continue;
            }
            String effective = entry.getString("effective");
            if (effective != null && LocalDate.parse(effective).isAfter(asAt)) {
                continue;
            }
            // later effective date wins; on the same date, the later recording (a correction) wins
            int byDate = compareNullFirst(effective, bestEffective);
            if (best == null || byDate > 0 || (byDate == 0 && Instant.parse(recorded).isAfter(Instant.parse(bestRecorded)))) {
                best = entry.getString("name");
                bestEffective = effective;
                bestRecorded = recorded;
            }
        }
        return best;
    }

    private static int compareNullFirst(String a, String b) {
        if (a == null) {
            return b == null ? 0 : -1;
        }
        return b == null ? 1 : a.compareTo(b);
    }
}
