package org.uncac.notesverbales.reports;

import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import org.bson.Document;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.uncac.notesverbales.parties.PartiesReplica;
import org.uncac.notesverbales.responses.NotesQueries;
import org.uncac.notesverbales.responses.ResponseTimeline;
import org.uncac.platform.security.Caller;
import org.uncac.platform.time.SecretariatTime;
import org.uncac.platform.web.CsvExport;
import org.uncac.platform.web.Problems;
import org.uncac.platform.validation.StateCode;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the secretariat follows notes verbales with: the open notes with days to deadline and rate, the
 * cumulative response curve (where a reminder's effect shows), each State's correspondence ledger, and CSV
 * exports of responses and non-respondents.
 */
@RestController
@RequestMapping("/api/notes-verbales")
public class NoteReportsController {

    public record OpenNote(String id, String reference, String subject, LocalDate issuedOn, LocalDate deadline,
                           Long daysToDeadline, int addressees, int responded, double rate) {
    }

    public record CurvePoint(LocalDate date, int responded, int substantive, boolean reminder) {
    }

    public record LedgerEntry(LocalDate date, String kind, String noteId, String reference, String subject,
                              String responseId, Boolean substantive, Instant recordedAt) {
    }

    private final NotesQueries queries;
    private final PartiesReplica parties;
    private final SecretariatTime time;

    public NoteReportsController(NotesQueries queries, PartiesReplica parties, SecretariatTime time) {
        this.queries = queries;
        this.parties = parties;
        this.time = time;
    }

    /**
     * The notes that were open as at a date (issued by then, their collection not yet closed), soonest deadline
     * first, with their rate and the days left as at that date; today when no date is given.
     */
    @GetMapping("/open")
    @PreAuthorize("hasAnyRole('SECRETARIAT', 'CHAIR')")
    public Mono<List<OpenNote>> open(
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asAt,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant recordedBy) {
        LocalDate day = time.orToday(asAt);
        return queries.allNotes().flatMapMany(Flux::fromIterable)
                .filter(note -> openOn(note, day))
                .concatMap(note -> queries.responseRate(note, day, recordedBy).map(rate -> {
                    LocalDate deadline = date(note, "deadline");
                    return new OpenNote(note.getString("_id"), note.getString("reference"), note.getString("subject"),
                            date(note, "issuedOn"), deadline, deadline == null ? null : ChronoUnit.DAYS.between(day, deadline),
                            rate.addressees(), rate.responded(), rate.rate());
                }))
                .sort(Comparator.comparing((OpenNote n) -> n.deadline() == null ? LocalDate.MAX : n.deadline()))
                .collectList();
    }

    private static boolean openOn(Document note, LocalDate day) {
        LocalDate issued = date(note, "issuedOn");
        LocalDate closed = date(note, "closedOn");
        return issued != null && !issued.isAfter(day) && (closed == null || closed.isAfter(day));
    }

    /** Responded and substantive, cumulatively, each day from the issue date to {@code to}. */
    @GetMapping("/{id}/response-curve")
    @PreAuthorize("hasAnyRole('SECRETARIAT', 'CHAIR')")
    public Mono<List<CurvePoint>> curve(@PathVariable String id,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant recordedBy) {
        return note(id).flatMap(note -> queries.timeline(note).map(timeline -> {
            LocalDate issued = date(note, "issuedOn");
            if (issued == null) {
                return List.<CurvePoint>of();
            }
            LocalDate end = to != null ? to : date(note, "closedOn") != null ? date(note, "closedOn") : time.today();
            if (ChronoUnit.DAYS.between(issued, end) > 3660) {
                throw Problems.invalid("to", "the curve covers at most ten years after the issue date");
            }
            List<String> reminders = note.getList("reminders", Document.class, List.of()).stream()
                    .map(r -> r.getString("date")).toList();
            List<String> addressees = NotesQueries.addressees(note, end, recordedBy);
            return timeline.daily(issued, end, recordedBy, addressees).stream()
                    .map(day -> new CurvePoint(day.date(), day.responded(), day.substantive(), reminders.contains(day.date().toString())))
                    .toList();
        }));
    }

    /** Every note, reminder and response of one State, in date order (SECRETARIAT, or that State). */
    @GetMapping("/ledger/{stateCode}")
    @PreAuthorize("hasAnyRole('SECRETARIAT', 'STATE')")
    public Mono<List<LedgerEntry>> ledger(@PathVariable @StateCode String stateCode) {
        return Caller.current().map(caller -> caller.requireActingFor(stateCode))
                .then(queries.allNotes())
                .flatMapMany(Flux::fromIterable)
                .filter(note -> note.getList("issuedAddressees", String.class, List.of()).contains(stateCode))
                .concatMap(note -> queries.responses(note, stateCode).map(responses -> {
                    List<LedgerEntry> entries = new ArrayList<>();
                    String noteId = note.getString("_id");
                    String reference = note.getString("reference");
                    String subject = note.getString("subject");
                    entries.add(new LedgerEntry(date(note, "issuedOn"), "NOTE_VERBALE", noteId, reference, subject,
                            null, null, Instant.parse(note.getString("issueRecordedAt"))));
                    for (Document reminder : note.getList("reminders", Document.class, List.of())) {
                        if (reminder.getList("addressees", String.class).contains(stateCode)) {
                            entries.add(new LedgerEntry(LocalDate.parse(reminder.getString("date")), "REMINDER", noteId,
                                    reference, subject, null, null, Instant.parse(reminder.getString("recordedAt"))));
                        }
                    }
                    for (Document response : responses) {
                        if (stateCode.equals(response.getString("stateCode"))) {
                            entries.add(new LedgerEntry(LocalDate.parse(response.getString("receivedOn")), "RESPONSE",
                                    noteId, reference, subject, response.getString("responseId"),
                                    response.getBoolean("substantive"), Instant.parse(response.getString("recordedAt"))));
                        }
                    }
                    return entries;
                }))
                .flatMapIterable(list -> list)
                .sort(Comparator.comparing(LedgerEntry::date).thenComparing(LedgerEntry::recordedAt))
                .collectList();
    }

    @GetMapping(value = "/{id}/responses/export", produces = "text/csv")
    @PreAuthorize("hasRole('SECRETARIAT')")
    public Mono<ResponseEntity<String>> exportResponses(@PathVariable String id) {
        return note(id).flatMap(note -> Mono.zip(queries.responseViews(note, null), parties.byCode(time.today())).map(both -> {
            List<String> questionIds = note.getList("questions", Document.class).stream().map(q -> q.getString("id")).toList();
            CsvSchema.Builder schema = CsvSchema.builder();
            List.of("stateCode", "stateName", "regionalGroup", "receivedOn", "substantive", "current", "recordedAt",
                    "recordedBy", "responseId").forEach(schema::addColumn);
            questionIds.forEach(q -> schema.addColumn("answer " + q));
            List<Map<String, Object>> rows = new ArrayList<>();
            for (NotesQueries.ResponseView r : both.getT1()) {
                PartiesReplica.Party party = both.getT2().get(r.stateCode());
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("stateCode", r.stateCode());
                row.put("stateName", party == null ? "" : party.name());
                row.put("regionalGroup", party == null || party.regionalGroup() == null ? "" : party.regionalGroup());
                row.put("receivedOn", r.receivedOn().toString());
                row.put("substantive", r.substantive());
                row.put("current", r.current());
                row.put("recordedAt", r.recordedAt().toString());
                row.put("recordedBy", r.recordedBy());
                row.put("responseId", r.responseId());
                questionIds.forEach(q -> row.put("answer " + q, r.answers().getOrDefault(q, "")));
                rows.add(row);
            }
            return csv(note, "responses", schema.build(), rows);
        }));
    }

    /** The addressees that had not responded as at a date (as recorded by an instant); the export below as CSV. */
    @GetMapping("/{id}/non-respondents")
    @PreAuthorize("hasAnyRole('SECRETARIAT', 'CHAIR')")
    public Mono<List<String>> nonRespondents(@PathVariable String id,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asAt,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant recordedBy) {
        return note(id).flatMap(note -> queries.nonRespondents(note, time.orToday(asAt), recordedBy));
    }

    @GetMapping(value = "/{id}/non-respondents/export", produces = "text/csv")
    @PreAuthorize("hasAnyRole('SECRETARIAT', 'CHAIR')")
    public Mono<ResponseEntity<String>> exportNonRespondents(@PathVariable String id,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asAt) {
        LocalDate date = time.orToday(asAt);
        return note(id).flatMap(note -> Mono.zip(queries.nonRespondents(note, date, null), parties.byCode(date)).map(both -> {
            List<Document> reminders = note.getList("reminders", Document.class, List.of());
            CsvSchema schema = CsvSchema.builder().addColumn("stateCode").addColumn("stateName")
                    .addColumn("regionalGroup").addColumn("remindedOn").build();
            List<Map<String, Object>> rows = both.getT1().stream().map(code -> {
                PartiesReplica.Party party = both.getT2().get(code);
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("stateCode", code);
                row.put("stateName", party == null ? "" : party.name());
                row.put("regionalGroup", party == null || party.regionalGroup() == null ? "" : party.regionalGroup());
                row.put("remindedOn", String.join(";", reminders.stream()
                        .filter(r -> r.getList("addressees", String.class).contains(code))
                        .map(r -> r.getString("date")).toList()));
                return row;
            }).toList();
            return csv(note, "non-respondents-" + date, schema, rows);
        }));
    }

    private Mono<Document> note(String id) {
        return queries.note(id).switchIfEmpty(Mono.error(() -> Problems.notFound("Note verbale", id)));
    }

    private static LocalDate date(Document note, String field) {
        String value = note.getString(field);
        return value == null ? null : LocalDate.parse(value);
    }

    private static ResponseEntity<String> csv(Document note, String what, CsvSchema schema, List<Map<String, Object>> rows) {
        String name = note.getString("reference") != null ? note.getString("reference")
                : "note-verbale-" + (note.getString("issuedOn") != null ? note.getString("issuedOn") : note.getString("_id"));
        String file = name.replaceAll("[^A-Za-z0-9]+", "-") + "-" + what + ".csv";
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + file + "\"")
                .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .body(CsvExport.write(schema, rows));
    }
}
