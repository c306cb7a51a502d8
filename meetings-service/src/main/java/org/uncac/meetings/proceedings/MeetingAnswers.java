package org.uncac.meetings.proceedings;

import org.uncac.meetings.proceedings.MeetingModel.Chair;
import org.uncac.meetings.proceedings.MeetingModel.ReportMethod;
import org.uncac.meetings.proceedings.MeetingsQueries.NumberedTitle;

import java.time.LocalDate;
import java.util.List;

/** What the writes on a meeting answer, once the change is stored. */
public final class MeetingAnswers {

    private MeetingAnswers() {
    }

    public record Cancelled(LocalDate cancelledOn) {
    }

    /** The version just issued: its symbol and its items, numbered. */
    public record AgendaIssued(String id, String symbol, List<NumberedTitle> items) {
    }

    public record AgendaAdopted(String id, LocalDate adoptedOn) {
    }

    public record SessionRecorded(LocalDate date, Chair chair) {
    }

    public record AttendanceRecorded(int statesParties, int regionalOrganizations, int observers) {
    }

    public record ReportAdopted(LocalDate adoptedOn, ReportMethod method) {
    }

    public record SilenceOpened(LocalDate opened, LocalDate deadline) {
    }

    public record SilenceBroken(LocalDate brokenOn, String by) {
    }
}
