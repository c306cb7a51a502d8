package org.uncac.meetings.proceedings;

import org.uncac.platform.eventstore.EventType;
import org.uncac.meetings.proceedings.MeetingModel.AgendaItem;
import org.uncac.meetings.proceedings.MeetingModel.Chair;
import org.uncac.meetings.proceedings.MeetingModel.Format;
import org.uncac.meetings.proceedings.MeetingModel.Observer;
import org.uncac.meetings.proceedings.MeetingModel.ReportMethod;

import java.time.LocalDate;
import java.util.List;

/** A meeting's life as stored. Business dates in the payload; recording instants are the events' timestamps. */
public final class MeetingEvents {

    private MeetingEvents() {
    }

    /** {@code symbolPrefix}: the meeting's document symbols begin with it ("CAC/COSP/EG.1/2019"); may be null. */
    @EventType(value = "meetings.MeetingConvened",
            formerly = "org.uncac.meetings.meetings.MeetingMessages$MeetingConvened")
    public record MeetingConvened(String meetingId, String body, int ordinal, String title, String venue,
                                  LocalDate start, LocalDate end, Format format, String recordedBy, String symbolPrefix) {
    }

    @EventType(value = "meetings.ProvisionalAgendaIssued",
            formerly = "org.uncac.meetings.meetings.MeetingMessages$ProvisionalAgendaIssued")
    public record ProvisionalAgendaIssued(String meetingId, int version, String symbol, List<AgendaItem> items,
                                          String recordedBy) {
    }

    @EventType(value = "meetings.AgendaAdopted",
            formerly = "org.uncac.meetings.meetings.MeetingMessages$AgendaAdopted")
    public record AgendaAdopted(String meetingId, LocalDate date, boolean amended, List<AgendaItem> items,
                                String recordedBy) {
    }

    @EventType(value = "meetings.SessionHeld",
            formerly = "org.uncac.meetings.meetings.MeetingMessages$SessionHeld")
    public record SessionHeld(String meetingId, LocalDate date, Chair chair, String recordedBy) {
    }

    @EventType(value = "meetings.AttendanceRecorded",
            formerly = "org.uncac.meetings.meetings.MeetingMessages$AttendanceRecorded")
    public record AttendanceRecorded(String meetingId, List<String> statesParties, List<String> regionalOrganizations,
                                     List<Observer> observers, String recordedBy) {
    }

    @EventType(value = "meetings.SilenceProcedureOpened",
            formerly = "org.uncac.meetings.meetings.MeetingMessages$SilenceProcedureOpened")
    public record SilenceProcedureOpened(String meetingId, LocalDate opened, LocalDate deadline, String recordedBy) {
    }

    @EventType(value = "meetings.SilenceBroken",
            formerly = "org.uncac.meetings.meetings.MeetingMessages$SilenceBroken")
    public record SilenceBroken(String meetingId, LocalDate date, String by, String objection, String recordedBy) {
    }

    @EventType(value = "meetings.ReportAdopted",
            formerly = "org.uncac.meetings.meetings.MeetingMessages$ReportAdopted")
    public record ReportAdopted(String meetingId, LocalDate date, ReportMethod method, String recordedBy) {
    }

    @EventType(value = "meetings.MeetingCancelled",
            formerly = "org.uncac.meetings.meetings.MeetingMessages$MeetingCancelled")
    public record MeetingCancelled(String meetingId, LocalDate date, String reason, String recordedBy) {
    }
}
