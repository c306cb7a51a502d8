package org.uncac.meetings.proceedings;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;
import org.uncac.meetings.proceedings.MeetingCommands.*;
import org.uncac.meetings.proceedings.MeetingEvents.*;
import org.uncac.meetings.proceedings.MeetingModel.ReportMethod;
import org.uncac.platform.domain.Refusal;

import java.time.LocalDate;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * A meeting of the expert group: convened, its provisional agenda issued (in versions) and adopted (possibly
 * amended), sessions held with their chairs, attendance recorded, the report adopted at the meeting, as orally
 * amended, or by silence procedure.
 */
@Aggregate(cache = "aggregateCache")
public class Meeting {

    @AggregateIdentifier
    private String meetingId;
    private LocalDate start;
    private int agendaVersions;
    private boolean agendaAdopted;
    private boolean reportAdopted;
    private boolean cancelled;
    private LocalDate silenceOpened;
    private LocalDate silenceDeadline;
    private boolean silenceBroken;

    protected Meeting() {
    }

    @CommandHandler
    public Meeting(ConveneMeeting command) {
        if (command.end().isBefore(command.start())) {
            throw Refusal.invalid("end", "must not be before start");
        }
        apply(new MeetingConvened(command.meetingId(), command.body(), command.ordinal(), command.title(),
                command.venue(), command.start(), command.end(), command.format(), command.recordedBy(),
                command.symbolPrefix()));
    }

    @CommandHandler
    public void handle(IssueProvisionalAgenda command) {
        notCancelled();
        if (agendaAdopted) {
            throw Refusal.conflict("The agenda has been adopted: the provisional agenda can no longer change");
        }
        apply(new ProvisionalAgendaIssued(meetingId, agendaVersions + 1, command.symbol(), command.items(), command.recordedBy()));
    }

    @CommandHandler
    public void handle(AdoptAgenda command) {
        notCancelled();
        if (agendaAdopted) {
            throw Refusal.conflict("The agenda has already been adopted");
        }
        if (agendaVersions == 0 && (command.items() == null || command.items().isEmpty())) {
            throw Refusal.refused("There is no provisional agenda to adopt; give the items adopted");
        }
        apply(new AgendaAdopted(meetingId, command.date(), command.items() != null && !command.items().isEmpty(),
                command.items(), command.recordedBy()));
    }

    @CommandHandler
    public void handle(HoldSession command) {
        notCancelled();
        apply(new SessionHeld(meetingId, command.date(), command.chair(), command.recordedBy()));
    }

    @CommandHandler
    public void handle(RecordAttendance command) {
        notCancelled();
        apply(new AttendanceRecorded(meetingId, command.statesParties(), command.regionalOrganizations(),
                command.observers(), command.recordedBy()));
    }

    @CommandHandler
    public void handle(AdoptReport command) {
        notCancelled();
        if (reportAdopted) {
            throw Refusal.conflict("The report has already been adopted");
        }
        if (command.date().isBefore(start)) {
            throw Refusal.refused("A report cannot be adopted (" + command.date() + ") before the meeting starts (" + start + ")");
        }
        apply(new ReportAdopted(meetingId, command.date(), command.method(), command.recordedBy()));
    }

    @CommandHandler
    public void handle(OpenSilenceProcedure command) {
        notCancelled();
        if (reportAdopted) {
            throw Refusal.conflict("The report has already been adopted");
        }
        if (silenceOpened != null && !silenceBroken) {
            throw Refusal.conflict("A silence procedure is already open until " + silenceDeadline);
        }
        if (command.deadline().isBefore(command.opened())) {
            throw Refusal.invalid("deadline", "must not be before the procedure opens");
        }
        apply(new SilenceProcedureOpened(meetingId, command.opened(), command.deadline(), command.recordedBy()));
    }

    @CommandHandler
    public void handle(BreakSilence command) {
        if (silenceOpened == null || silenceBroken || reportAdopted) {
            throw Refusal.conflict("No silence procedure is open");
        }
        if (command.date().isAfter(silenceDeadline)) {
            throw Refusal.refused("The silence procedure ended on " + silenceDeadline);
        }
        apply(new SilenceBroken(meetingId, command.date(), command.by(), command.objection(), command.recordedBy()));
    }

    @CommandHandler
    public void handle(ConcludeSilenceProcedure command) {
        if (silenceOpened == null || silenceBroken || reportAdopted || !command.today().isAfter(silenceDeadline)) {
            return;
        }
        apply(new ReportAdopted(meetingId, silenceDeadline, ReportMethod.SILENCE_PROCEDURE, "silence-procedure"));
    }

    @CommandHandler
    public void handle(CancelMeeting command) {
        notCancelled();
        if (reportAdopted) {
            throw Refusal.conflict("A meeting whose report was adopted cannot be cancelled");
        }
        apply(new MeetingCancelled(meetingId, command.date(), command.reason(), command.recordedBy()));
    }

    private void notCancelled() {
        if (cancelled) {
            throw Refusal.conflict("The meeting was cancelled");
        }
    }

    @EventSourcingHandler
    void on(MeetingConvened event) {
        meetingId = event.meetingId();
        start = event.start();
    }

    @EventSourcingHandler
    void on(ProvisionalAgendaIssued event) {
        agendaVersions = event.version();
    }

    @EventSourcingHandler
    void on(AgendaAdopted event) {
        agendaAdopted = true;
    }

    @EventSourcingHandler
    void on(SilenceProcedureOpened event) {
        silenceOpened = event.opened();
        silenceDeadline = event.deadline();
        silenceBroken = false;
    }

    @EventSourcingHandler
    void on(SilenceBroken event) {
        silenceBroken = true;
    }

    @EventSourcingHandler
    void on(ReportAdopted event) {
        reportAdopted = true;
    }

    @EventSourcingHandler
    void on(MeetingCancelled event) {
        cancelled = true;
    }
}
