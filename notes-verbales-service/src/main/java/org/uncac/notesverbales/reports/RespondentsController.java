package org.uncac.notesverbales.reports;

import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import lombok.RequiredArgsConstructor;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.uncac.notesverbales.parties.PartiesReplica;
import org.uncac.notesverbales.notes.Note;
import org.uncac.notesverbales.notes.NotesQueries;
import org.uncac.notesverbales.notes.Question;
import org.uncac.notesverbales.responses.ResponsesQueries;
import org.uncac.notesverbales.responses.ResponsesQueries.ResponseView;
import org.uncac.platform.time.SecretariatTime;
import org.uncac.platform.web.CsvExport;
import reactor.core.publisher.Mono;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Who responded to a note verbale and who did not, for spreadsheets and for the next reminder: the responses as
 * CSV, the addressees that had not responded as at a date as JSON and as CSV.
 */
@RestController
@Tag(name = "Respondents")
@RequestMapping("/api/notes-verbales/{id}")
@RequiredArgsConstructor
public class RespondentsController {

    private final NotesQueries queries;
    private final ResponsesQueries responses;
    private final PartiesReplica parties;
    private final SecretariatTime time;

    @Operation(summary = "A note verbale's responses, as CSV")
    @GetMapping(value = "/responses/export", produces = "text/csv")
    @PreAuthorize("hasRole('SECRETARIAT')")
    public Mono<ResponseEntity<String>> exportResponses(@PathVariable String id) {
        return queries.existing(id).flatMap(note -> Mono.zip(responses.responseViews(note, null), parties.byCode(time.today())).map(both -> {
            List<String> questionIds = note.questions().stream().map(Question::id).toList();
            CsvSchema.Builder schema = CsvSchema.builder();
            List.of("stateCode", "stateName", "regionalGroup", "receivedOn", "substantive", "current", "recordedAt",
                    "recordedBy", "responseId").forEach(schema::addColumn);
            questionIds.forEach(q -> schema.addColumn("answer " + q));
            List<Map<String, Object>> rows = new ArrayList<>();
            for (ResponseView r : both.getT1()) {
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
    @Operation(summary = "The addressees that had not responded as at a date")
    @GetMapping("/non-respondents")
    @PreAuthorize("hasAnyRole('SECRETARIAT', 'CHAIR')")
    public Mono<List<String>> nonRespondents(@PathVariable String id,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asAt,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant recordedBy) {
        return queries.existing(id).flatMap(note -> responses.nonRespondents(note, time.orToday(asAt), recordedBy));
    }

    @Operation(summary = "The addressees that had not responded as at a date, as CSV")
    @GetMapping(value = "/non-respondents/export", produces = "text/csv")
    @PreAuthorize("hasAnyRole('SECRETARIAT', 'CHAIR')")
    public Mono<ResponseEntity<String>> exportNonRespondents(@PathVariable String id,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asAt) {
        LocalDate date = time.orToday(asAt);
        return queries.existing(id).flatMap(note -> Mono.zip(responses.nonRespondents(note, date, null), parties.byCode(date)).map(both -> {
            CsvSchema schema = CsvSchema.builder().addColumn("stateCode").addColumn("stateName")
                    .addColumn("regionalGroup").addColumn("remindedOn").build();
            List<Map<String, Object>> rows = both.getT1().stream().map(code -> {
                PartiesReplica.Party party = both.getT2().get(code);
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("stateCode", code);
                row.put("stateName", party == null ? "" : party.name());
                row.put("regionalGroup", party == null || party.regionalGroup() == null ? "" : party.regionalGroup());
                row.put("remindedOn", String.join(";", note.remindersTo(code).stream()
                        .map(r -> r.date().toString()).toList()));
                return row;
            }).toList();
            return csv(note, "non-respondents-" + date, schema, rows);
        }));
    }

    private static ResponseEntity<String> csv(Note note, String what, CsvSchema schema, List<Map<String, Object>> rows) {
        String name = note.reference() != null ? note.reference()
                : "note-verbale-" + (note.issuedOn() != null ? note.issuedOn() : note.id());
        String file = name.replaceAll("[^A-Za-z0-9]+", "-") + "-" + what + ".csv";
        return CsvExport.download(file, schema, rows);
    }
}
