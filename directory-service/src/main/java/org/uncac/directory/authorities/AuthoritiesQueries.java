package org.uncac.directory.authorities;

import com.fasterxml.jackson.databind.ObjectMapper;
import lombok.RequiredArgsConstructor;
import org.bson.Document;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.stereotype.Component;
import org.uncac.directory.authorities.AuthorityTimeline.Change;
import org.uncac.directory.authorities.AuthorityTimeline.Kind;
import org.uncac.directory.authorities.AuthorityTimeline.State;
import org.uncac.directory.parties.StatePartiesQueries;
import org.uncac.platform.readmodel.ReadModelVersions;
import org.uncac.platform.time.SecretariatTime;
import reactor.core.publisher.Mono;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import reactor.core.publisher.Flux;

/**
 * Answers about the directory as at a business date and, optionally, as recorded by an instant. The whole
 * history is folded in memory once per change of the read model (see {@link ReadModelVersions}).
 */
@Component
@RequiredArgsConstructor
public class AuthoritiesQueries {

    public enum Status { IN_FORCE, NOT_YET_IN_FORCE, WITHDRAWN }

    /** An authority's entry as the directory shows it on a date. */
    public record AuthorityView(String id, String stateCode, AuthorityType type, Status status, String name,
                                String postalAddress, List<AuthorityDetails.Contact> contacts, List<String> languages,
                                List<String> channels, String requirements, List<String> checklist,
                                LocalDate inForceSince, LocalDate versionEffective, LocalDate withdrawnFrom,
                                Instant lastRecordedAt, String lastRecordedBy, String lastSource) {
    }

    /** One change in an entry's history: what, effective when, recorded when, by whom, and what it changed. */
    public record HistoryEntry(String change, LocalDate effective, Instant recordedAt, String recordedBy,
                               String source, List<String> changedFields, AuthorityDetails details, String reason) {
    }

    public record Coverage(LocalDate asAt, Instant recordedBy, int statesParties, Map<AuthorityType, Integer> byType) {
    }

    /** An entry whose last change was recorded longer ago than the threshold. */
    public record StaleEntry(String id, String stateCode, AuthorityType type, String name, Instant lastRecordedAt,
                             LocalDate lastEffective, long monthsSinceRecorded) {
    }

    private final ReactiveMongoTemplate mongo;
    private final ReadModelVersions versions;
    private final ObjectMapper objectMapper;
    private final StatePartiesQueries parties;

    Mono<Map<String, AuthorityTimeline>> timelines() {
        return versions.cached(AuthoritiesProjection.VERSION_KEY, () -> mongo
                .findAll(Document.class, AuthoritiesProjection.COLLECTION)
                .map(this::timeline)
                .collectMap(AuthorityTimeline::id, t -> t, LinkedHashMap::new));
    }

    /** The directory on {@code asAt}: entries in force, optionally filtered by State, type and language. */
    public Mono<List<AuthorityView>> directory(LocalDate asAt, Instant recordedBy, String stateCode,
                                               AuthorityType type, String language) {
        return timelines().map(all -> all.values().stream()
                .filter(t -> stateCode == null || t.stateCode().equals(stateCode))
                .filter(t -> type == null || t.type() == type)
                .map(t -> view(t, asAt, recordedBy))
                .filter(v -> v != null && v.status() == Status.IN_FORCE)
                .filter(v -> language == null || v.languages().stream().anyMatch(language::equalsIgnoreCase))
                .sorted(Comparator.comparing(AuthorityView::stateCode).thenComparing(AuthorityView::type)
                        .thenComparing(AuthorityView::name))
                .toList());
    }

    /** One entry as at a date (status says whether it was in force then); empty when unknown. */
    public Mono<AuthorityView> one(String id, LocalDate asAt, Instant recordedBy) {
        return timelines().mapNotNull(all -> {
            AuthorityTimeline timeline = all.get(id);
            return timeline == null ? null : view(timeline, asAt, recordedBy);
        });
    }

    public Mono<List<HistoryEntry>> history(String id) {
        return timelines().mapNotNull(all -> {
            AuthorityTimeline timeline = all.get(id);
            if (timeline == null) {
                return null;
            }
            List<HistoryEntry> history = new ArrayList<>();
            AuthorityDetails previous = null;
            List<Change> byRecording = timeline.changes().stream().sorted(Comparator.comparing(Change::recordedAt)).toList();
            for (Change change : byRecording) {
                List<String> changed = change.details() == null ? List.of() : changedFields(previous, change.details());
                history.add(new HistoryEntry(change.kind().name(), change.effective(), change.recordedAt(),
                        change.recordedBy(), change.source(), changed, change.details(), change.reason()));
                if (change.details() != null) {
                    previous = change.details();
                }
            }
            return history;
        });
    }

    public Mono<Coverage> coverage(LocalDate asAt, Instant recordedBy) {
        return Mono.zip(timelines(), partyCodes(asAt, recordedBy))
                .map(both -> coverage(both.getT1(), both.getT2(), asAt, recordedBy));
    }

    /** Coverage at each step from {@code from} to {@code to}, both included. */
    public Mono<List<Coverage>> series(LocalDate from, LocalDate to, Period step, Instant recordedBy) {
        List<LocalDate> dates = new ArrayList<>();
        for (LocalDate d = from; !d.isAfter(to); d = d.plus(step)) {
            dates.add(d);
        }
        return timelines().flatMap(all -> Flux.fromIterable(dates)
                .concatMap(date -> partyCodes(date, recordedBy).map(codes -> coverage(all, codes, date, recordedBy)))
                .collectList());
    }

    /** Entries in force today whose last change was recorded more than {@code months} months before today. */
    public Mono<List<StaleEntry>> stale(int months, SecretariatTime time) {
        LocalDate today = time.today();
        Instant threshold = today.minusMonths(months).atStartOfDay(time.zone()).toInstant();
        return timelines().map(all -> all.values().stream()
                .map(t -> {
                    State state = t.inForceOn(today, null);
                    Change last = t.lastRecorded(null);
                    if (state == null || last == null || !last.recordedAt().isBefore(threshold)) {
                        return null;
                    }
                    long since = ChronoUnit.MONTHS.between(time.dateOf(last.recordedAt()), today);
                    return new StaleEntry(t.id(), t.stateCode(), t.type(), state.details().name(),
                            last.recordedAt(), last.effective(), since);
                })
                .filter(Objects::nonNull)
                .sorted(Comparator.comparing(StaleEntry::lastRecordedAt))
                .toList());
    }

    private Mono<Set<String>> partyCodes(LocalDate asAt, Instant recordedBy) {
        return parties.asAt(asAt, recordedBy).map(StatePartiesQueries.PartyView::code).collect(Collectors.toSet());
    }

    private static Coverage coverage(Map<String, AuthorityTimeline> all, Set<String> partyCodes, LocalDate asAt,
                                     Instant recordedBy) {
        Map<AuthorityType, Set<String>> states = new EnumMap<>(AuthorityType.class);
        for (AuthorityType type : AuthorityType.values()) {
            states.put(type, new HashSet<>());
        }
        for (AuthorityTimeline timeline : all.values()) {
            if (partyCodes.contains(timeline.stateCode()) && timeline.inForceOn(asAt, recordedBy) != null) {
                states.get(timeline.type()).add(timeline.stateCode());
            }
        }
        Map<AuthorityType, Integer> byType = new EnumMap<>(AuthorityType.class);
        states.forEach((type, codes) -> byType.put(type, codes.size()));
        return new Coverage(asAt, recordedBy, partyCodes.size(), byType);
    }

    private static AuthorityView view(AuthorityTimeline timeline, LocalDate asAt, Instant recordedBy) {
        if (!timeline.knownBy(recordedBy)) {
            return null;
        }
        State state = timeline.inForceOn(asAt, recordedBy);
        Change last = timeline.lastRecorded(recordedBy);
        if (state != null) {
            AuthorityDetails d = state.details();
            return new AuthorityView(timeline.id(), timeline.stateCode(), timeline.type(), Status.IN_FORCE, d.name(),
                    d.postalAddress(), d.contacts(), d.languages(), d.channels(), d.requirements(), d.checklist(),
                    state.inForceSince(), state.versionEffective(), null, last.recordedAt(), last.recordedBy(), last.source());
        }
        // not in force on asAt: show the latest details known, and why
        List<Change> known = timeline.changes().stream()
                .filter(c -> recordedBy == null || !c.recordedAt().isAfter(recordedBy)).toList();
        Change withdrawal = known.stream().filter(c -> c.kind() == Kind.WITHDRAWN && !c.effective().isAfter(asAt))
                .reduce((a, b) -> b).orElse(null);
        Change lastDetails = known.stream().filter(c -> c.details() != null).reduce((a, b) -> b).orElseThrow();
        Change designation = known.stream().filter(c -> c.kind() == Kind.DESIGNATED).findFirst().orElseThrow();
        AuthorityDetails d = lastDetails.details();
        Status status = withdrawal != null ? Status.WITHDRAWN : Status.NOT_YET_IN_FORCE;
        return new AuthorityView(timeline.id(), timeline.stateCode(), timeline.type(), status, d.name(),
                d.postalAddress(), d.contacts(), d.languages(), d.channels(), d.requirements(), d.checklist(),
                designation.effective(), lastDetails.effective(), withdrawal == null ? null : withdrawal.effective(),
                last.recordedAt(), last.recordedBy(), last.source());
    }

    static List<String> changedFields(AuthorityDetails before, AuthorityDetails after) {
        if (before == null) {
            return List.of();
        }
        List<String> changed = new ArrayList<>();
        if (!Objects.equals(before.name(), after.name())) changed.add("name");
        if (!Objects.equals(before.postalAddress(), after.postalAddress())) changed.add("postalAddress");
        if (!Objects.equals(before.contacts(), after.contacts())) changed.add("contacts");
        if (!Objects.equals(before.languages(), after.languages())) changed.add("languages");
        if (!Objects.equals(before.channels(), after.channels())) changed.add("channels");
        if (!Objects.equals(before.requirements(), after.requirements())) changed.add("requirements");
        if (!Objects.equals(before.checklist(), after.checklist())) changed.add("checklist");
        return changed;
    }

    private AuthorityTimeline timeline(Document document) {
        List<Change> changes = new ArrayList<>();
        for (Document c : document.getList("changes", Document.class)) {
            Document details = c.get("details", Document.class);
            changes.add(new Change(c.getString("eventId"), Kind.valueOf(c.getString("change")),
                    LocalDate.parse(c.getString("effective")), Instant.parse(c.getString("recordedAt")),
                    c.getString("recordedBy"), c.getString("source"),
                    details == null ? null : objectMapper.convertValue(details, AuthorityDetails.class),
                    c.getString("reason")));
        }
        return new AuthorityTimeline(document.getString("_id"), document.getString("stateCode"),
                AuthorityType.valueOf(document.getString("type")), changes);
    }
}
