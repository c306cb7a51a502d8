package org.uncac.notesverbales.responses;

import lombok.RequiredArgsConstructor;
import org.bson.Document;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;
import org.uncac.notesverbales.notes.Note;
import org.uncac.notesverbales.notes.Note.PublishedFigure;
import org.uncac.notesverbales.notes.Question;
import org.uncac.notesverbales.parties.PartiesReplica;
import org.uncac.platform.readmodel.ReadModelVersions;
import org.uncac.platform.time.SecretariatTime;
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

/** The responses to notes verbales, as at a received date and, optionally, as recorded by an instant. */
@Component
@RequiredArgsConstructor
public class ResponsesQueries {

    public record GroupRate(int addressees, int responded) {
    }

    /**
     * The rate as at a date from the recorded responses; {@code published} is the latest count the secretariat
     * published on or before that date (null if none), and {@code differsFromPublished} says whether the recorded
     * responses give another count (they often do: the States behind a published count may be unknown here).
     */
    public record ResponseRate(LocalDate asAt, Instant recordedBy, int addressees, int responded, int substantive,
                               double rate, Map<String, GroupRate> byRegionalGroup, Map<String, Integer> byQuestion,
                               PublishedFigure published, Boolean differsFromPublished) {
    }

    /**
     * A response as read back: superseded ones are marked. {@code receivedOn} is the date declared by
     * {@code declaredBy} (STATE: the State itself; SECRETARIAT), {@code recordedAt} when it was actually recorded;
     * {@code recordedAfterDeadline} flags a response recorded after the deadline with a received date on or
     * before it.
     */
    public record ResponseView(String responseId, String stateCode, LocalDate receivedOn, boolean substantive,
                               Map<String, String> answers, String channel, List<Attachment> attachments,
                               Instant recordedAt, String recordedBy, String supersedes, boolean current,
                               String declaredBy, boolean recordedAfterDeadline) {
    }

    private final ReactiveMongoTemplate mongo;
    private final PartiesReplica parties;
    private final ReadModelVersions versions;
    private final SecretariatTime time;

    /** Every response to the note, superseded ones too: one look-up of its addressees' documents. */
    public Mono<List<Response>> responses(Note note) {
        return responses(note, null);
    }

    /** The responses to the note of one State (or of every addressee, when {@code onlyState} is null). */
    public Mono<List<Response>> responses(Note note, String onlyState) {
        List<String> addressees = note.issuedAddressees();
        if (onlyState != null) {
            addressees = addressees.contains(onlyState) ? List.of(onlyState) : List.of();
        }
        if (addressees.isEmpty()) {
            return Mono.just(List.of());
        }
        List<String> ids = addressees.stream().map(code -> ResponsesProjection.idOf(note.id(), code)).toList();
        return mongo.find(Query.query(Criteria.where("_id").in(ids)).cursorBatchSize(ids.size()), Document.class,
                        ResponsesProjection.BY_STATE)
                .concatMapIterable(d -> d.getList("responseIds", String.class))
                .collectList()
                .flatMap(responseIds -> responseIds.isEmpty() ? Mono.just(List.<Response>of())
                        : mongo.find(Query.query(Criteria.where("_id").in(responseIds)).cursorBatchSize(responseIds.size()),
                                Document.class, ResponsesProjection.RESPONSES).map(Response::of).collectList());
    }

    /** The note's responses folded for rates; re-read only when the note's responses changed. */
    public Mono<ResponseTimeline> timeline(Note note) {
        return versions.cached(ResponsesProjection.versionKey(note.id()),
                () -> responses(note).map(ResponseTimeline::of));
    }

    public Mono<ResponseRate> responseRate(Note note, LocalDate asAt, Instant recordedBy) {
        List<String> addressees = note.addresseesAsAt(asAt, recordedBy);
        return Mono.zip(timeline(note), parties.regionalGroups()).map(both -> {
            Map<String, ResponseTimeline.Entry> latest = both.getT1().latestByState(asAt, recordedBy);
            Map<String, String> regionalGroups = both.getT2();
            int responded = 0;
            int substantive = 0;
            Map<String, int[]> groups = new TreeMap<>();
            Map<String, Integer> byQuestion = new LinkedHashMap<>();
            for (Question q : note.questions()) {
                byQuestion.put(q.id(), 0);
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
            PublishedFigure published = note.publishedAsAt(asAt, recordedBy);
            return new ResponseRate(asAt, recordedBy, addressees.size(), responded, substantive, rate, byGroup, byQuestion,
                    published, published == null ? null : published.value() != responded);
        });
    }

    public Mono<List<String>> nonRespondents(Note note, LocalDate asAt, Instant recordedBy) {
        List<String> addressees = note.addresseesAsAt(asAt, recordedBy);
        return timeline(note).map(timeline -> {
            Map<String, ResponseTimeline.Entry> latest = timeline.latestByState(asAt, recordedBy);
            return addressees.stream().filter(code -> !latest.containsKey(code)).sorted().toList();
        });
    }

    public Mono<List<ResponseView>> responseViews(Note note, String onlyState) {
        return responses(note, onlyState).map(all -> {
            Set<String> current = ResponseTimeline.of(all).latestByState(LocalDate.MAX, null).values().stream()
                    .map(ResponseTimeline.Entry::responseId).collect(Collectors.toSet());
            LocalDate deadline = note.deadline();
            List<ResponseView> views = new ArrayList<>();
            for (Response r : all) {
                boolean recordedAfterDeadline = deadline != null && !r.receivedOn().isAfter(deadline)
                        && time.dateOf(r.recordedAt()).isAfter(deadline);
                String recordedBy = r.recordedBy();
                views.add(new ResponseView(r.responseId(), r.stateCode(), r.receivedOn(), r.substantive(), r.answers(),
                        r.channel(), r.attachments(), r.recordedAt(), recordedBy, r.supersedes(),
                        current.contains(r.responseId()),
                        recordedBy != null && recordedBy.startsWith(r.stateCode() + ":") ? "STATE" : "SECRETARIAT",
                        recordedAfterDeadline));
            }
            views.sort(Comparator.comparing(ResponseView::stateCode).thenComparing(ResponseView::recordedAt));
            return views;
        });
    }
}
