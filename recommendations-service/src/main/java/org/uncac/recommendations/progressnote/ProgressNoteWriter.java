package org.uncac.recommendations.progressnote;

import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Component;
import org.uncac.platform.web.Problems;
import org.uncac.recommendations.adoption.RecommendationModel.Theme;
import org.uncac.recommendations.figures.Counts;
import org.uncac.recommendations.figures.FigureView;
import org.uncac.recommendations.figures.FiguresProjection;
import org.uncac.recommendations.followup.RecommendationRecord;
import org.uncac.recommendations.followup.RecommendationsQueries;
import org.uncac.recommendations.followup.Replicas;
import org.uncac.recommendations.followup.Replicas.MeetingReplica;
import org.uncac.recommendations.followup.Replicas.NoteReplica;
import reactor.core.publisher.Mono;

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
 * Writes the draft of the secretariat's note on progress in implementing the mandates of a meeting's body, from
 * history as at a date (read through the recommendations' queries): the mandates, one section per theme with
 * what was done (notes verbales with their dates and response counts as at the note's date, follow-up actions),
 * the directory's coverage per type as at that date, and the conclusions left for the meeting.
 */
@Component
@RequiredArgsConstructor
public class ProgressNoteWriter {

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

    private final RecommendationsQueries queries;
    private final FiguresProjection figures;

    /** The progress note for the body of {@code meetingId}, as at {@code asAt}, as recorded by {@code recordedBy}. */
    public Mono<ProgressNote> write(String meetingId, LocalDate asAt, Instant recordedBy) {
        return queries.meeting(meetingId)
                .switchIfEmpty(Mono.error(() -> Problems.notFound("Meeting", meetingId)))
                .flatMap(m -> queries.all(recordedBy).flatMap(recommendations -> Mono.zip(queries.notesFor(recommendations),
                                queries.meetings(), queries.coverage(asAt, recordedBy),
                                queries.publishedCoverage(asAt, recordedBy).map(Optional::of).defaultIfEmpty(Optional.empty()),
                                figures.upTo(asAt, recordedBy, Counts.GLOBE_MEMBERS))
                        .map(all -> build(m, asAt, recordedBy, recommendations, all.getT1(), all.getT2(), all.getT3(),
                                all.getT4().orElse(null), all.getT5()))));
    }

    static ProgressNote build(MeetingReplica meeting, LocalDate asAt, Instant recordedBy,
                              List<RecommendationRecord> recommendations, Map<String, NoteReplica> notes,
                              List<MeetingReplica> meetings, RecommendationsQueries.Coverage coverage,
                              Replicas.PublishedFigure publishedCoverage, List<FigureView> globe) {
        String body = meeting.body();
        Set<String> bodyMeetings = new HashSet<>();
        Map<String, MeetingReplica> meetingsById = new LinkedHashMap<>();
        for (MeetingReplica m : meetings) {
            meetingsById.put(m.id(), m);
            if (body.equals(m.body())) {
                bodyMeetings.add(m.id());
            }
        }
        List<RecommendationRecord> mandates = recommendations.stream()
                .filter(r -> r.resolution() != null || bodyMeetings.contains(r.meetingId()))
                .filter(r -> r.statusOn(asAt, recordedBy) != null)
                .sorted(Comparator.comparing((RecommendationRecord r) -> String.valueOf(r.adoptedOn()))
                        .thenComparing(r -> String.valueOf(r.paragraph())))
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
            mandates.forEach(r -> note.bullet(source(r, meetingsById) + ": " + r.text()));
        }

        Map<Theme, List<RecommendationRecord>> byTheme = new EnumMap<>(Theme.class);
        List<RecommendationRecord> other = new ArrayList<>();
        for (RecommendationRecord r : mandates) {
            List<String> themes = r.themes();
            if (themes.isEmpty()) {
                other.add(r);
            }
            themes.forEach(t -> byTheme.computeIfAbsent(Theme.valueOf(t), k -> new ArrayList<>()).add(r));
        }
        int section = 2;
        for (Theme theme : Theme.values()) {
            List<RecommendationRecord> inTheme = byTheme.get(theme);
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
            Map<String, Integer> byType = publishedCoverage.byType();
            note.paragraph("As published by the Secretariat (" + publishedCoverage.source() + "), as at "
                    + asAtText(publishedCoverage) + " the directory contained information on:");
            TYPES.forEach((type, label) -> {
                if (byType.get(type) != null) {
                    note.bullet(byType.get(type) + " States parties with " + label);
                }
            });
        }
        if (!globe.isEmpty()) {
            FigureView members = globe.get(globe.size() - 1);
            note.heading(2, roman(section++) + ". Global Operational Network of Anti-Corruption Law Enforcement Authorities");
            note.paragraph("As at " + (members.asAtKnownTo() == null ? UN_DATE.format(members.asAt()) : members.asAtKnownTo())
                    + ", the GlobE Network had " + members.value() + " members (" + members.source().cite() + ").");
        }

        note.heading(2, roman(section) + ". Conclusions");
        long untouched = mandates.stream().filter(r -> "ADOPTED".equals(r.statusOn(asAt, recordedBy)))
                .count();
        note.paragraph("The expert meeting may wish to take note of the progress reported above"
                + (untouched == 0 ? "." : ", and to consider how to take forward the " + untouched
                + " mandate(s) on which no action had been recorded as at " + UN_DATE.format(asAt) + "."));
        note.paragraph("[Conclusions and recommendations left for the meeting.]");
        return note;
    }

    private static void actions(ProgressNote note, RecommendationRecord r, LocalDate asAt, Instant recordedBy,
                                Map<String, NoteReplica> notes, Map<String, MeetingReplica> meetings) {
        note.paragraph(source(r, meetings) + " (status as at " + UN_DATE.format(asAt) + ": "
                + r.statusOn(asAt, recordedBy).toLowerCase(Locale.ROOT).replace('_', ' ') + "). " + r.text());
        for (RecommendationRecord.FollowUpEntry f : r.followUpOn(asAt, recordedBy)) {
            LocalDate date = f.date();
            String noteId = f.noteId();
            if (noteId != null && notes.containsKey(noteId)) {
                NoteReplica nv = notes.get(noteId);
                int responded = nv.respondedBy(asAt, recordedBy);
                Replicas.PublishedFigure published = nv.publishedOn(asAt, recordedBy);
                String invited = "By a note verbale dated " + UN_DATE.format(date)
                        + (nv.reference() == null ? "" : " (" + nv.reference() + ")") + ", the Secretariat "
                        + "invited " + nv.addressees() + " States parties to provide information.";
                String recordedCount = " As at " + UN_DATE.format(asAt) + ", " + responded + " States parties had provided responses.";
                // where no response of a State is recorded, the count the secretariat published is cited with its source
                String publishedCount = published == null ? "" : " As at " + asAtText(published) + ", "
                        + published.value() + " States had provided responses (" + published.source() + ").";
                note.bullet(invited + (responded == 0 && published != null ? "" : recordedCount) + publishedCount);
            } else {
                note.bullet(UN_DATE.format(date) + ": " + f.action());
            }
        }
    }

    private static String source(RecommendationRecord r, Map<String, MeetingReplica> meetings) {
        String paragraph = r.paragraph();
        if (r.resolution() != null) {
            return r.resolution() + (paragraph == null ? "" : ", paragraph " + paragraph);
        }
        MeetingReplica m = meetings.get(r.meetingId());
        return (paragraph == null ? "A recommendation" : "Recommendation " + paragraph)
                + (m == null ? "" : " of meeting " + m.ordinal() + " (" + m.start() + ")");
    }

    /** A published figure's date as the document gives it: "21 August 2017", or "2017-08" when only the month is. */
    private static String asAtText(Replicas.PublishedFigure figure) {
        return figure.asAtKnownTo() != null ? figure.asAtKnownTo() : UN_DATE.format(figure.asAt());
    }

    private static String title(MeetingReplica meeting) {
        return "EXPERT_MEETING_INTERNATIONAL_COOPERATION".equals(meeting.body())
                ? "open-ended intergovernmental expert meetings to enhance international cooperation under the United Nations Convention against Corruption"
                : meeting.body().toLowerCase(Locale.ROOT).replace('_', ' ');
    }

    private static String roman(int n) {
        String[] numerals = {"I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X"};
        return n <= numerals.length ? numerals[n - 1] : String.valueOf(n);
    }
}
