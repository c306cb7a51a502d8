package org.uncac.meetings.proceedings;

import jakarta.validation.Valid;
import lombok.RequiredArgsConstructor;
import org.axonframework.commandhandling.gateway.CommandGateway;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.uncac.meetings.proceedings.MeetingCommands.*;
import org.uncac.meetings.proceedings.MeetingModel.Chair;
import org.uncac.meetings.proceedings.MeetingModel.Observer;
import org.uncac.meetings.proceedings.MeetingRequests.*;
import org.uncac.platform.commands.AsCaller;
import org.uncac.platform.validation.StateCode;
import reactor.core.publisher.Mono;

import java.util.List;

/** What happens at and after a meeting: its sessions and who chaired them, attendance, the report and its adoption, by silence procedure too. */
@RestController
@Tag(name = "Proceedings")
@RequestMapping("/api/meetings")
@RequiredArgsConstructor
public class ProceedingsController {

    private final CommandGateway commands;
    private final MeetingsQueries queries;

    @Operation(summary = "Record a session of a meeting and who chaired it")
    @PostMapping("/{id}/sessions")
    @PreAuthorize("hasAnyRole('SECRETARIAT', 'CHAIR')")
    public Mono<MeetingAnswers.SessionRecorded> session(@PathVariable String id, @Valid @RequestBody SessionRequest request) {
        Chair chair = new Chair(request.chair().name().strip(), request.chair().stateCode(), request.chair().role());
        return AsCaller.send(commands, caller -> new HoldSession(id, request.date(), chair, caller.recordedBy()))
                .then(Mono.just(new MeetingAnswers.SessionRecorded(request.date(), chair)));
    }

    @Operation(summary = "Record who attended a meeting")
    @PutMapping("/{id}/attendance")
    @PreAuthorize("hasRole('SECRETARIAT')")
    public Mono<MeetingAnswers.AttendanceRecorded> attendance(@PathVariable String id, @Valid @RequestBody AttendanceRequest request) {
        List<String> states = request.statesParties() == null ? List.of() : request.statesParties().stream().distinct().sorted().toList();
        List<String> reios = request.regionalOrganizations() == null ? List.of() : request.regionalOrganizations().stream().distinct().sorted().toList();
        List<Observer> observers = request.observers() == null ? List.of()
                : request.observers().stream().map(o -> new Observer(o.category().strip(), o.name().strip())).toList();
        return AsCaller.send(commands, caller -> new RecordAttendance(id, states, reios, observers, caller.recordedBy()))
                .then(Mono.just(new MeetingAnswers.AttendanceRecorded(states.size(), reios.size(), observers.size())));
    }

    @Operation(summary = "The meetings a State party attended")
    @GetMapping("/attendance/{stateCode}")
    public Mono<List<MeetingsQueries.AttendanceEntry>> attendanceOf(@PathVariable @StateCode String stateCode) {
        return queries.attendanceOf(stateCode);
    }

    @Operation(summary = "Record the adoption of a meeting's report")
    @PostMapping("/{id}/report-adoption")
    @PreAuthorize("hasAnyRole('SECRETARIAT', 'CHAIR')")
    public Mono<MeetingAnswers.ReportAdopted> adoptReport(@PathVariable String id, @Valid @RequestBody ReportAdoptionRequest request) {
        return AsCaller.send(commands, caller -> new AdoptReport(id, request.date(), request.method(), caller.recordedBy()))
                .then(Mono.just(new MeetingAnswers.ReportAdopted(request.date(), request.method())));
    }

    @Operation(summary = "Open a silence procedure for a meeting's report")
    @PostMapping("/{id}/silence-procedure")
    @PreAuthorize("hasAnyRole('SECRETARIAT', 'CHAIR')")
    public Mono<MeetingAnswers.SilenceOpened> openSilence(@PathVariable String id, @Valid @RequestBody SilenceRequest request) {
        return AsCaller.send(commands, caller -> new OpenSilenceProcedure(id, request.opened(), request.deadline(), caller.recordedBy()))
                .then(Mono.just(new MeetingAnswers.SilenceOpened(request.opened(), request.deadline())));
    }

    @Operation(summary = "Record an objection that breaks a silence procedure")
    @PostMapping("/{id}/silence-procedure/objections")
    @PreAuthorize("hasAnyRole('SECRETARIAT', 'CHAIR')")
    public Mono<MeetingAnswers.SilenceBroken> breakSilence(@PathVariable String id, @Valid @RequestBody ObjectionRequest request) {
        return AsCaller.send(commands, caller -> new BreakSilence(id, request.date(), request.by().strip(), request.objection(), caller.recordedBy()))
                .then(Mono.just(new MeetingAnswers.SilenceBroken(request.date(), request.by().strip())));
    }
}
