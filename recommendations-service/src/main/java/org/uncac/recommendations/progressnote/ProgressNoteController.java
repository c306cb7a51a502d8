package org.uncac.recommendations.progressnote;

import org.bson.Document;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.uncac.platform.web.Problems;
import org.uncac.recommendations.adoption.RecommendationModel.Theme;
import org.uncac.recommendations.figures.Counts;
import org.uncac.recommendations.figures.PublishedFiguresController;
import org.uncac.recommendations.followup.ReplicasProjection;
import org.uncac.recommendations.adoption.RecommendationsQueries;
import org.uncac.platform.time.SecretariatTime;
import reactor.core.publisher.Mono;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The draft of the secretariat's note on progress in implementing the mandates of a meeting's body, generated
 * from history as at a date: the mandates, one section per theme with what was done (notes verbales with their
 * dates and response counts as at the note's date, follow-up actions), the directory's coverage per type as at
 * that date, and the conclusions left for the meeting. Markdown by default; {@code format=docx} for Word.
 */
@RestController
@RequestMapping("/api/recommendations")
public class ProgressNoteController {

    private static final DateTimeFormatter UN_DATE = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.ENGLISH);
    private static final Map<Theme, String> THEMES = Map.of(
            Theme.CUMULATIVE_KNOWLEDGE, "Developing cumulative knowledge",
            Theme.CONFIDENCE_AND_TRUST, "Building confidence and trust between requesting and requested States",
            Theme.TECHNICAL_ASSISTANCE, "Technical assistance and capacity-building");
    private static final Map<String, String> TYPES = new LinkedHashMap<>();

    static {
        TYPES.put("PREVENTION", "preventive anti-corruption bodies (art. 6 (3))");
        TYPES.put("MUTUAL_LEGAL_ASSISTANCE", "central authorities for mutual legal assistance (art. 46 (13))");
        TYPES.put("EXTRADITION", "authorities for extradition");
        TYPES.put("ASSET_RECOVERY", "focal points for asset recovery");
        TYPES.put("CIVIL_ADMINISTRATIVE", "authorities for civil and administrative proceedings (resolution 6/4)");
    }

    private final ReactiveMongoTemplate mongo;
    private final RecommendationsQueries queries;
    private final PublishedFiguresController.FiguresProjection figures;
    private final SecretariatTime time;

    public ProgressNoteController(ReactiveMongoTemplate mongo, RecommendationsQueries queries,
                                  PublishedFiguresController.FiguresProjection figures, SecretariatTime time) {
        this.mongo = mongo;
        this.queries = queries;
        this.figures = figures;
        this.time = time;
    }

    @GetMapping("/progress-note")
    @PreAuthorize("hasAnyRole('SECRETARIAT', 'CHAIR')")
    public Mono<ResponseEntity<byte[]>> progressNote(@RequestParam String meeting,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asAt,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant recordedBy,
            @RequestParam(defaultValue = "markdown") String format) {
        if (!format.equals("markdown") && !format.equals("docx")) {
            throw Problems.invalid("format", "must be markdown or docx");
        }
        LocalDate date = time.orToday(asAt);
        return mongo.findOne(Query.query(Criteria.where("_id").is(meeting)), Document.class, ReplicasProjection.MEETINGS)
                .switchIfEmpty(Mono.error(() -> Problems.notFound("Meeting", meeting)))
                .flatMap(m -> queries.all(recordedBy).flatMap(recommendations -> Mono.zip(queries.notesFor(recommendations),
                                mongo.findAll(Document.class, ReplicasProjection.MEETINGS).collectList(),
                                queries.coverage(date, recordedBy),
                                queries.publishedCoverage(date, recordedBy).map(Optional::of).defaultIfEmpty(Optional.empty()),
                                figures.upTo(date, recordedBy, Counts.GLOBE_MEMBERS))
                        .map(all -> build(m, date, recordedBy, recommendations, all.getT1(), all.getT2(), all.getT3(),
                                all.getT4().orElse(null), all.getT5()))))
                .map(note -> format.equals("docx")
                        ? ResponseEntity.ok()
                                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"progress-note-" + date + ".docx\"")
                                .contentType(MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.wordprocessingml.document"))
                                .body(note.docx())
                        : ResponseEntity.ok().contentType(new MediaType("text", "markdown", StandardCharsets.UTF_8))
                                .body(note.markdown().getBytes(StandardCharsets.UTF_8)));
    }

    static ProgressNote build(Document meeting, LocalDate asAt, Instant recordedBy, List<Document> recommendations,
                              Map<String, Document> notes, List<Document> meetings, RecommendationsQueries.Coverage coverage,
                              Document publishedCoverage, List<PublishedFiguresController.FigureView> globe) {
        String body = meeting.getString("body");
        Set<String> bodyMeetings = new HashSet<>();
        Map<String, Document> meetingsById = new LinkedHashMap<>();
        for (Document m : meetings) {
            meetingsById.put(m.getString("_id"), m);
            if (body.equals(m.getString("body"))) {
                bodyMeetings.add(m.getString("_id"));
            }
        }
        List<Document> mandates = recommendations.stream()
                .filter(r -> r.getString("resolution") != null || bodyMeetings.contains(r.getString("meetingId")))
                .filter(r -> RecommendationsQueries.statusOn(r, asAt, recordedBy) != null)
                .sorted(Comparator.comparing((Document r) -> String.valueOf(r.getString("adoptedOn")))
                        .thenComparing(r -> String.valueOf(r.getString("paragraph"))))
                .toList();

        ProgressNote note = new ProgressNote();
        note.heading(1, "Progress in implementing the mandates of the " + title(meeting));
        note.paragraph("Note by the Secretariat, as at " + UN_DATE.format(asAt) + ". This draft was generated from the "
                + "recorded history of the mandates, notes verbales, responses and the directory of competent national "
                + "authorities; every figure is as at that date.");
        note.heading(2, "I. Introduction");
        if (mandates.isEmpty()) {
            note.paragraph("No mandate had been recorded as at " + UN_DATE.format(asAt) + ".");
        } else {
            note.paragraph("The present note reports on the following mandates:");
            mandates.forEach(r -> note.bullet(source(r, meetingsById) + ": " + r.getString("text")));
        }

        Map<Theme, List<Document>> byTheme = new EnumMap<>(Theme.class);
        List<Document> other = new ArrayList<>();
        for (Document r : mandates) {
            List<String> themes = r.getList("themes", String.class, List.of());
            if (themes.isEmpty()) {
                other.add(r);
            }
            themes.forEach(t -> byTheme.computeIfAbsent(Theme.valueOf(t), k -> new ArrayList<>()).add(r));
        }
        int section = 2;
        for (Theme theme : Theme.values()) {
            List<Document> inTheme = byTheme.get(theme);
            if (inTheme != null) {
                note.heading(2, roman(section++) + ". " + THEMES.get(theme));
                inTheme.forEach(r -> actions(note, r, asAt, recordedBy, notes, meetingsById));
            }
        }
        if (!other.isEmpty()) {
            note.heading(2, roman(section++) + ". Other mandates");
            other.forEach(r -> actions(note, r, asAt, recordedBy, notes, meetingsById));
        }

        note.heading(2, roman(section++) + ". Directory of competent national authorities");
        boolean recorded = coverage.byType().values().stream().anyMatch(n -> n > 0);
        if (recorded || publishedCoverage == null) {
            note.paragraph("As at " + UN_DATE.format(asAt) + ", the directory listed, among the " + coverage.statesParties()
                    + " States parties to the Convention:");
            TYPES.forEach((type, label) -> note.bullet(coverage.byType().getOrDefault(type, 0) + " States parties with " + label));
        }
        if (publishedCoverage != null) {
            // where the suite holds no entries of its own, the figure the secretariat published is the record
            Document byType = publishedCoverage.get("byType", Document.class);
            note.paragraph("As published by the Secretariat (" + publishedCoverage.getString("source") + "), as at "
                    + asAtText(publishedCoverage) + " the directory contained information on:");
            TYPES.forEach((type, label) -> {
                if (byType.get(type) != null) {
                    note.bullet(byType.get(type) + " States parties with " + label);
                }
            });
        }
        if (!globe.isEmpty()) {
            PublishedFiguresController.FigureView members = globe.get(globe.size() - 1);
            note.heading(2, roman(section++) + ". Global Operational Network of Anti-Corruption Law Enforcement Authorities");
            note.paragraph("As at " + (members.asAtKnownTo() == null ? UN_DATE.format(members.asAt()) : members.asAtKnownTo())
                    + ", the GlobE Network had " + members.value() + " members (" + members.source().cite() + ").");
        }

        note.heading(2, roman(section) + ". Conclusions");
        long untouched = mandates.stream().filter(r -> "ADOPTED".equals(RecommendationsQueries.statusOn(r, asAt, recordedBy)))
                .count();
        note.paragraph("The expert meeting may wish to take note of the progress reported above"
                + (untouched == 0 ? "." : ", and to consider how to take forward the " + untouched
                + " mandate(s) on which no action had been recorded as at " + UN_DATE.format(asAt) + "."));
        note.paragraph("[Conclusions and recommendations left for the meeting.]");
        return note;
    }

    private static void actions(ProgressNote note, Document r, LocalDate asAt, Instant recordedBy, Map<String, Document> notes,
                                Map<String, Document> meetings) {
        note.paragraph(source(r, meetings) + " (status as at " + UN_DATE.format(asAt) + ": "
                + RecommendationsQueries.statusOn(r, asAt, recordedBy).toLowerCase(Locale.ROOT).replace('_', ' ') + "). "
                + r.getString("text"));
        for (Document f : RecommendationsQueries.followUp(r, asAt, recordedBy)) {
            LocalDate date = LocalDate.parse(f.getString("date"));
            String noteId = f.getString("noteId");
            if (noteId != null && notes.containsKey(noteId)) {
                Document nv = notes.get(noteId);
                int responded = RecommendationsQueries.respondedBy(nv, asAt, recordedBy);
                Document published = RecommendationsQueries.publishedResponses(nv, asAt, recordedBy);
                String invited = "By a note verbale dated " + UN_DATE.format(date)
                        + (nv.getString("reference") == null ? "" : " (" + nv.getString("reference") + ")") + ", the Secretariat "
                        + "invited " + nv.getInteger("addressees") + " States parties to provide information.";
                String recordedCount = " As at " + UN_DATE.format(asAt) + ", " + responded + " States parties had provided responses.";
                // where no response of a State is recorded, the count the secretariat published is cited with its source
                String publishedCount = published == null ? "" : " As at " + asAtText(published) + ", "
                        + published.getInteger("value") + " States had provided responses (" + published.getString("source") + ").";
                note.bullet(invited + (responded == 0 && published != null ? "" : recordedCount) + publishedCount);
            } else {
                note.bullet(UN_DATE.format(date) + ": " + f.getString("action"));
            }
        }
    }

    private static String source(Document r, Map<String, Document> meetings) {
        String paragraph = r.getString("paragraph");
        if (r.getString("resolution") != null) {
            return r.getString("resolution") + (paragraph == null ? "" : ", paragraph " + paragraph);
        }
        Document m = meetings.get(r.getString("meetingId"));
        return (paragraph == null ? "A recommendation" : "Recommendation " + paragraph)
                + (m == null ? "" : " of meeting " + m.getInteger("ordinal") + " (" + m.getString("start") + ")");
    }

    /** A published figure's date as the document gives it: "21 August 2017", or "2017-08" when only the month is. */
    private static String asAtText(Document figure) {
        return figure.getString("asAtKnownTo") != null ? figure.getString("asAtKnownTo")
                : UN_DATE.format(LocalDate.parse(figure.getString("asAt")));
    }

    private static String title(Document meeting) {
        return "EXPERT_MEETING_INTERNATIONAL_COOPERATION".equals(meeting.getString("body"))
                ? "open-ended intergovernmental expert meetings to enhance international cooperation under the United Nations Convention against Corruption"
                : meeting.getString("body").toLowerCase(Locale.ROOT).replace('_', ' ');
    }

    private static String roman(int n) {
        String[] numerals = {"I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X"};
        return n <= numerals.length ? numerals[n - 1] : String.valueOf(n);
    }
}
