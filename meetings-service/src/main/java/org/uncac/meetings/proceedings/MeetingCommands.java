package org.uncac.meetings.proceedings;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.uncac.meetings.proceedings.MeetingModel.AgendaItem;
import org.uncac.meetings.proceedings.MeetingModel.Chair;
import org.uncac.meetings.proceedings.MeetingModel.Format;
import org.uncac.meetings.proceedings.MeetingModel.Observer;
import org.uncac.meetings.proceedings.MeetingModel.ReportMethod;

import java.time.LocalDate;
import java.util.List;

/** What a meeting's secretariat and chair ask of it: convene, agenda, sessions, attendance, report, cancellation. */
public final class MeetingCommands {

    private MeetingCommands() {
    }

    public record ConveneMeeting(@TargetAggregateIdentifier String meetingId, String body, int ordinal, String title,
                                 String venue, LocalDate start, LocalDate end, Format format, String symbolPrefix,
                                 String recordedBy) {
    }

    public record IssueProvisionalAgenda(@TargetAggregateIdentifier String meetingId, String symbol,
                                         List<AgendaItem> items, String recordedBy) {
    }

    /** {@code items} present when the agenda was amended on adoption. */
    public record AdoptAgenda(@TargetAggregateIdentifier String meetingId, LocalDate date, List<AgendaItem> items,
                              String recordedBy) {
    }

    public record HoldSession(@TargetAggregateIdentifier String meetingId, LocalDate date, Chair chair, String recordedBy) {
    }

    public record RecordAttendance(@TargetAggregateIdentifier String meetingId, List<String> statesParties,
                                   List<String> regionalOrganizations, List<Observer> observers, String recordedBy) {
    }

    public record AdoptReport(@TargetAggregateIdentifier String meetingId, LocalDate date, ReportMethod method,
                              String recordedBy) {
    }

    public record OpenSilenceProcedure(@TargetAggregateIdentifier String meetingId, LocalDate opened, LocalDate deadline,
                                       String recordedBy) {
    }

    public record BreakSilence(@TargetAggregateIdentifier String meetingId, LocalDate date, String by, String objection,
                               String recordedBy) {
    }

    /** Adopts the report if the silence procedure's deadline passed unbroken; does nothing otherwise. */
    public record ConcludeSilenceProcedure(@TargetAggregateIdentifier String meetingId, LocalDate today) {
    }

    public record CancelMeeting(@TargetAggregateIdentifier String meetingId, LocalDate date, String reason, String recordedBy) {
    }
}
