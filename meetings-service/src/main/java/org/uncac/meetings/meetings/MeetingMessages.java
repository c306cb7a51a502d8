package org.uncac.meetings.meetings;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.uncac.meetings.meetings.MeetingModel.AgendaItem;
import org.uncac.meetings.meetings.MeetingModel.Chair;
import org.uncac.meetings.meetings.MeetingModel.Format;
import org.uncac.meetings.meetings.MeetingModel.Observer;
import org.uncac.meetings.meetings.MeetingModel.ReportMethod;

import java.time.LocalDate;
import java.util.List;

/** Commands and events of a meeting's life. Business dates in the payload; recording instants are the timestamps. */
public final class MeetingMessages {

    private MeetingMessages() {
    }

    // ------------------------------------------------------------------ commands

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

    // ------------------------------------------------------------------ events

    /** {@code symbolPrefix}: the meeting's document symbols begin with it ("CAC/COSP/EG.1/2019"); may be null. */
    public record MeetingConvened(String meetingId, String body, int ordinal, String title, String venue,
                                  LocalDate start, LocalDate end, Format format, String recordedBy, String symbolPrefix) {
    }

    public record ProvisionalAgendaIssued(String meetingId, int version, String symbol, List<AgendaItem> items,
                                          String recordedBy) {
    }

    public record AgendaAdopted(String meetingId, LocalDate date, boolean amended, List<AgendaItem> items,
                                String recordedBy) {
    }

    public record SessionHeld(String meetingId, LocalDate date, Chair chair, String recordedBy) {
    }

    public record AttendanceRecorded(String meetingId, List<String> statesParties, List<String> regionalOrganizations,
                                     List<Observer> observers, String recordedBy) {
    }

    public record SilenceProcedureOpened(String meetingId, LocalDate opened, LocalDate deadline, String recordedBy) {
    }

    public record SilenceBroken(String meetingId, LocalDate date, String by, String objection, String recordedBy) {
    }

    public record ReportAdopted(String meetingId, LocalDate date, ReportMethod method, String recordedBy) {
    }

    public record MeetingCancelled(String meetingId, LocalDate date, String reason, String recordedBy) {
    }
}
