package org.uncac.notesverbales.responses;

import org.uncac.notesverbales.notes.NotesProjection;
import org.bson.Document;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;
import org.uncac.notesverbales.parties.PartiesReplica;
import org.uncac.platform.readmodel.ReadModelVersions;
import org.uncac.platform.time.SecretariatTime;
import org.uncac.platform.web.Source;
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
import java.util.Locale;

/** Notes verbales and their responses, as at a received date and, optionally, as recorded by an instant. */
@Component
public class NotesQueries {

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

    /** A count of responses as the secretariat published it, with where it is printed. */
    public record PublishedFigure(LocalDate asAt, String asAtKnownTo, int value, Source source, String text) {
    }

    /**
     * A response as read back: superseded ones are marked. {@code receivedOn} is the date declared by
     * {@code declaredBy} (STATE: the State itself; SECRETARIAT), {@code recordedAt} when it was actually recorded;
     * {@code recordedAfterDeadline} flags a response recorded after the deadline with a received date on or
     * before it.
     */
    public record ResponseView(String responseId, String stateCode, LocalDate receivedOn, boolean substantive,
                               Map<String, Object> answers, String channel, List<Object> attachments,
                               Instant recordedAt, String recordedBy, String supersedes, boolean current,
                               String declaredBy, boolean recordedAfterDeadline) {
    }

    private final ReactiveMongoTemplate mongo;
    private final PartiesReplica parties;
    private final ReadModelVersions versions;
    private final SecretariatTime time;

    public NotesQueries(ReactiveMongoTemplate mongo, PartiesReplica parties, ReadModelVersions versions,
                        SecretariatTime time) {
        this.mongo = mongo;
        this.parties = parties;
        this.versions = versions;
        this.time = time;
    }

    public Mono<Document> note(String noteId) {
        return mongo.findOne(Query.query(Criteria.where("_id").is(noteId)), Document.class, NotesProjection.COLLECTION);
    }

    public Mono<List<Document>> allNotes() {
        return mongo.findAll(Document.class, NotesProjection.COLLECTION).collectList();
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
                        ResponsesProjection.BY_STATE)
                .concatMapIterable(d -> d.getList("responseIds", String.class))
                .collectList()
                .flatMap(responseIds -> responseIds.isEmpty() ? Mono.just(List.<Document>of())
                        : mongo.find(Query.query(Criteria.where("_id").in(responseIds)).cursorBatchSize(responseIds.size()),
                                Document.class, ResponsesProjection.RESPONSES).collectList());
    }

    /** A response's answers by question id, in the order given. */
    public static Map<String, Object> answers(Document response) {
        Map<String, Object> answers = new LinkedHashMap<>();
        for (Document answer : response.getList("answers", Document.class, List.of())) {
            answers.put(answer.getString("question"), answer.get("answer"));
        }
        return answers;
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
            PublishedFigure published = publishedAsAt(note, asAt, recordedBy);
            return new ResponseRate(asAt, recordedBy, addressees.size(), responded, substantive, rate, byGroup, byQuestion,
                    published, published == null ? null : published.value() != responded);
        });
    }

    /** The latest figure published on or before {@code asAt} (as recorded by {@code recordedBy}), or null. */
    public static PublishedFigure publishedAsAt(Document note, LocalDate asAt, Instant recordedBy) {
        return note.getList("publishedFigures", Document.class, List.of()).stream()
                .filter(f -> !LocalDate.parse(f.getString("asAt")).isAfter(asAt))
                .filter(f -> recordedBy == null || !Instant.parse(f.getString("recordedAt")).isAfter(recordedBy))
                .max(Comparator.comparing((Document f) -> f.getString("asAt")).thenComparing(f -> f.getString("recordedAt")))
                .map(NotesQueries::figure).orElse(null);
    }

    public static PublishedFigure figure(Document f) {
        Document source = f.get("source", Document.class);
        return new PublishedFigure(LocalDate.parse(f.getString("asAt")), f.getString("asAtKnownTo"), f.getInteger("value"),
                new Source(source.getString("document"), source.getString("paragraph")), f.getString("text"));
    }

    /** Notes verbales whose issue date falls in [from, to] (drafts only without either), by status and text. */
    public Mono<List<Document>> list(LocalDate from, LocalDate to, String status, String text, String onlyAddressee) {
        String needle = text == null ? null : text.toLowerCase(Locale.ROOT);
        return mongo.findAll(Document.class, NotesProjection.COLLECTION).filter(note -> {
            String issuedOn = note.getString("issuedOn");
            if ((from != null || to != null) && issuedOn == null) {
                return false;
            }
            if (from != null && LocalDate.parse(issuedOn).isBefore(from) || to != null && LocalDate.parse(issuedOn).isAfter(to)) {
                return false;
            }
            if (status != null && !status.equals(statusOf(note))) {
                return false;
            }
            if (onlyAddressee != null && !note.getList("issuedAddressees", String.class, List.of()).contains(onlyAddressee)) {
                return false;
            }
            return needle == null || (String.valueOf(note.getString("reference")) + " " + note.getString("subject"))
                    .toLowerCase(Locale.ROOT).contains(needle);
        }).sort(Comparator.comparing((Document note) -> String.valueOf(note.getString("issuedOn"))).reversed()).collectList();
    }

    /** DRAFT, OPEN (issued, collecting responses) or CLOSED. */
    public static String statusOf(Document note) {
        String status = note.getString("status");
        return status == null ? "DRAFT" : status.equals("ISSUED") ? "OPEN" : status;
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
            String deadline = note.getString("deadline");
            List<ResponseView> views = new ArrayList<>();
            for (Document r : all) {
                String stateCode = r.getString("stateCode");
                LocalDate receivedOn = LocalDate.parse(r.getString("receivedOn"));
                Instant recordedAt = Instant.parse(r.getString("recordedAt"));
                String recordedBy = r.getString("recordedBy");
                boolean recordedAfterDeadline = deadline != null && !receivedOn.isAfter(LocalDate.parse(deadline))
                        && time.dateOf(recordedAt).isAfter(LocalDate.parse(deadline));
                views.add(new ResponseView(r.getString("responseId"), stateCode, receivedOn,
                        Boolean.TRUE.equals(r.getBoolean("substantive")), answers(r), r.getString("channel"),
                        new ArrayList<>(r.getList("attachments", Object.class, List.of())), recordedAt, recordedBy,
                        r.getString("supersedes"), current.contains(r.getString("responseId")),
                        recordedBy != null && recordedBy.startsWith(stateCode + ":") ? "STATE" : "SECRETARIAT",
                        recordedAfterDeadline));
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
