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
import org.uncac.recommendations.recommendations.RecommendationMessages.Theme;
import org.uncac.recommendations.recommendations.RecommendationsQueries;
import reactor.core.publisher.Mono;

import java.nio.charset.StandardCharsets;
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

    public ProgressNoteController(ReactiveMongoTemplate mongo, RecommendationsQueries queries) {
        this.mongo = mongo;
        this.queries = queries;
    }

    @GetMapping("/progress-note")
    @PreAuthorize("hasAnyRole('SECRETARIAT', 'CHAIR')")
    public Mono<ResponseEntity<byte[]>> progressNote(@RequestParam String meeting,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asAt,
            @RequestParam(defaultValue = "markdown") String format) {
        if (!format.equals("markdown") && !format.equals("docx")) {
            throw Problems.invalid("format", "must be markdown or docx");
        }
        LocalDate date = asAt == null ? LocalDate.now() : asAt;
        return mongo.findOne(Query.query(Criteria.where("_id").is(meeting)), Document.class, "meetings")
                .switchIfEmpty(Mono.error(() -> Problems.notFound("Meeting", meeting)))
                .flatMap(m -> queries.all().flatMap(recommendations -> Mono.zip(queries.notesFor(recommendations),
                                mongo.findAll(Document.class, "meetings").collectList(), queries.coverage(date))
                        .map(all -> build(m, date, recommendations, all.getT1(), all.getT2(), all.getT3()))))
                .map(note -> format.equals("docx")
                        ? ResponseEntity.ok()
                                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"progress-note-" + date + ".docx\"")
                                .contentType(MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.wordprocessingml.document"))
                                .body(note.docx())
                        : ResponseEntity.ok().contentType(new MediaType("text", "markdown", StandardCharsets.UTF_8))
                                .body(note.markdown().getBytes(StandardCharsets.UTF_8)));
    }

    static ProgressNote build(Document meeting, LocalDate asAt, List<Document> recommendations, Map<String, Document> notes,
                              List<Document> meetings, RecommendationsQueries.Coverage coverage) {
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
                .filter(r -> RecommendationsQueries.statusOn(r, asAt) != null)
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
                inTheme.forEach(r -> actions(note, r, asAt, notes, meetingsById));
            }
        }
        if (!other.isEmpty()) {
            note.heading(2, roman(section++) + ". Other mandates");
            other.forEach(r -> actions(note, r, asAt, notes, meetingsById));
        }

        note.heading(2, roman(section++) + ". Directory of competent national authorities");
        note.paragraph("As at " + UN_DATE.format(asAt) + ", the directory listed, among the " + coverage.statesParties()
                + " States parties to the Convention:");
        TYPES.forEach((type, label) -> note.bullet(coverage.byType().getOrDefault(type, 0) + " States parties with " + label));

        note.heading(2, roman(section) + ". Conclusions");
        long untouched = mandates.stream().filter(r -> "ADOPTED".equals(RecommendationsQueries.statusOn(r, asAt))).count();
        note.paragraph("The expert meeting may wish to take note of the progress reported above"
                + (untouched == 0 ? "." : ", and to consider how to take forward the " + untouched
                + " mandate(s) on which no action had been recorded as at " + UN_DATE.format(asAt) + "."));
        note.paragraph("[Conclusions and recommendations left for the meeting.]");
        return note;
    }

    private static void actions(ProgressNote note, Document r, LocalDate asAt, Map<String, Document> notes,
                                Map<String, Document> meetings) {
        note.paragraph(source(r, meetings) + " (status as at " + UN_DATE.format(asAt) + ": "
                + RecommendationsQueries.statusOn(r, asAt).toLowerCase(Locale.ROOT).replace('_', ' ') + "). " + r.getString("text"));
        for (Document f : RecommendationsQueries.followUp(r, asAt)) {
            LocalDate date = LocalDate.parse(f.getString("date"));
            String noteId = f.getString("noteId");
            if (noteId != null && notes.containsKey(noteId)) {
                Document nv = notes.get(noteId);
                note.bullet("By a note verbale dated " + UN_DATE.format(date) + " (" + nv.getString("reference") + "), the Secretariat "
                        + "invited " + nv.getInteger("addressees") + " States parties to provide information. As at "
                        + UN_DATE.format(asAt) + ", " + RecommendationsQueries.respondedBy(nv, asAt) + " States parties had provided responses.");
            } else {
                note.bullet(UN_DATE.format(date) + ": " + f.getString("action"));
            }
        }
    }

    private static String source(Document r, Map<String, Document> meetings) {
        if (r.getString("resolution") != null) {
            return r.getString("resolution") + ", paragraph " + r.getString("paragraph");
        }
        Document m = meetings.get(r.getString("meetingId"));
        return "Recommendation " + r.getString("paragraph") + (m == null ? "" : " of meeting " + m.getInteger("ordinal")
                + " (" + m.getString("start") + ")");
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
