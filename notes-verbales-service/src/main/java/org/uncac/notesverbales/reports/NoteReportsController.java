package org.uncac.notesverbales.reports;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import lombok.RequiredArgsConstructor;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.uncac.notesverbales.parties.PartiesReplica;
import org.uncac.notesverbales.notes.Note;
import org.uncac.notesverbales.notes.NotesQueries;
import org.uncac.notesverbales.responses.Response;
import org.uncac.notesverbales.responses.ResponsesQueries;
import org.uncac.platform.security.Caller;
import org.uncac.platform.time.SecretariatTime;
import org.uncac.platform.web.Problems;
import org.uncac.platform.validation.StateCode;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * What the secretariat follows notes verbales with: the open notes with days to deadline and rate, the
 * cumulative response curve (where a reminder's effect shows), each State's correspondence ledger, and CSV
 * exports of responses and non-respondents.
 */
@RestController
@Tag(name = "Follow-up of notes verbales")
@RequestMapping("/api/notes-verbales")
@RequiredArgsConstructor
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
    private final ResponsesQueries responses;
    private final PartiesReplica parties;
    private final SecretariatTime time;

    /**
     * The notes that were open as at a date (issued by then, their collection not yet closed), soonest deadline
     * first, with their rate and the days left as at that date; today when no date is given.
     */
    @Operation(summary = "The notes verbales open as at a date, soonest deadline first, with their rates")
    @GetMapping("/open")
    @PreAuthorize("hasAnyRole('SECRETARIAT', 'CHAIR')")
    public Mono<List<OpenNote>> open(
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asAt,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant recordedBy) {
        LocalDate day = time.orToday(asAt);
        return queries.allNotes().flatMapMany(Flux::fromIterable)
                .filter(note -> note.openOn(day))
                .concatMap(note -> responses.responseRate(note, day, recordedBy).map(rate -> {
                    LocalDate deadline = note.deadline();
                    return new OpenNote(note.id(), note.reference(), note.subject(), note.issuedOn(), deadline, deadline == null ? null : ChronoUnit.DAYS.between(day, deadline),
                            rate.addressees(), rate.responded(), rate.rate());
                }))
                .sort(Comparator.comparing((OpenNote n) -> n.deadline() == null ? LocalDate.MAX : n.deadline()))
                .collectList();
    }

    /** Responded and substantive, cumulatively, each day from the issue date to {@code to}. */
    @Operation(summary = "A note verbale's cumulative responses, day by day, with its reminders")
    @GetMapping("/{id}/response-curve")
    @PreAuthorize("hasAnyRole('SECRETARIAT', 'CHAIR')")
    public Mono<List<CurvePoint>> curve(@PathVariable String id,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant recordedBy) {
        return queries.existing(id).flatMap(note -> responses.timeline(note).map(timeline -> {
            LocalDate issued = note.issuedOn();
            if (issued == null) {
                return List.<CurvePoint>of();
            }
            LocalDate end = to != null ? to : note.closedOn() != null ? note.closedOn() : time.today();
            if (ChronoUnit.DAYS.between(issued, end) > 3660) {
                throw Problems.invalid("to", "the curve covers at most ten years after the issue date");
            }
            List<LocalDate> reminders = note.reminders().stream().map(Note.Reminder::date).toList();
            List<String> addressees = note.addresseesAsAt(end, recordedBy);
            return timeline.daily(issued, end, recordedBy, addressees).stream()
                    .map(day -> new CurvePoint(day.date(), day.responded(), day.substantive(), reminders.contains(day.date())))
                    .toList();
        }));
    }

    /** Every note, reminder and response of one State, in date order (SECRETARIAT, or that State). */
    @Operation(summary = "Every note verbale, reminder and response of one State, in date order")
    @GetMapping("/ledger/{stateCode}")
    @PreAuthorize("hasAnyRole('SECRETARIAT', 'STATE')")
    public Mono<List<LedgerEntry>> ledger(@PathVariable @StateCode String stateCode) {
        return Caller.current().map(caller -> caller.requireActingFor(stateCode))
                .then(queries.allNotes())
                .flatMapMany(Flux::fromIterable)
                .filter(note -> note.issuedAddressees().contains(stateCode))
                .concatMap(note -> responses.responses(note, stateCode).map(answers -> {
                    List<LedgerEntry> entries = new ArrayList<>();
                    entries.add(new LedgerEntry(note.issuedOn(), "NOTE_VERBALE", note.id(), note.reference(),
                            note.subject(), null, null, note.issueRecordedAt()));
                    for (Note.Reminder reminder : note.remindersTo(stateCode)) {
                        entries.add(new LedgerEntry(reminder.date(), "REMINDER", note.id(), note.reference(),
                                note.subject(), null, null, reminder.recordedAt()));
                    }
                    for (Response response : answers) {
                        if (stateCode.equals(response.stateCode())) {
                            entries.add(new LedgerEntry(response.receivedOn(), "RESPONSE", note.id(), note.reference(),
                                    note.subject(), response.responseId(), response.substantive(), response.recordedAt()));
                        }
                    }
                    return entries;
                }))
                .flatMapIterable(list -> list)
                .sort(Comparator.comparing(LedgerEntry::date).thenComparing(LedgerEntry::recordedAt))
                .collectList();
    }
}
