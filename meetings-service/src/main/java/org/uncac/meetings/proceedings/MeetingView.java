package org.uncac.meetings.proceedings;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.uncac.meetings.proceedings.MeetingModel.AgendaDocument;
import org.uncac.meetings.proceedings.MeetingModel.AgendaItem;
import org.uncac.meetings.proceedings.MeetingModel.Chair;
import org.uncac.meetings.proceedings.MeetingModel.Panel;
import org.uncac.meetings.proceedings.MeetingRecord.Silence;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;

/** A meeting as the contract shows it: its status today, its agenda in force, sessions, report, attendance counts. */
public record MeetingView(String id, String body, int ordinal, String title, String venue, LocalDate start,
                          LocalDate end, String format, String symbolPrefix, String status, AgendaView agenda,
                          ReportView report, List<SessionView> sessions, AttendanceCounts attendance,
                          Silence silenceProcedure) {

    /**
     * An agenda: PROVISIONAL (with its {@code version}; {@code recordedAt} in the list of versions) or ADOPTED
     * (with {@code adoptedOn} and whether it was {@code amended}). Items are numbered from 1.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record AgendaView(String status, Integer version, String symbol, List<NumberedItem> items, Instant recordedAt,
                             LocalDate adoptedOn, Boolean amended) {

        @JsonInclude(JsonInclude.Include.ALWAYS)
        @Override
        public String symbol() {
            return symbol;
        }

        static AgendaView provisional(MeetingRecord.AgendaVersion version, boolean withRecordedAt) {
            return new AgendaView("PROVISIONAL", version.version(), version.symbol(), numbered(version.items()),
                    withRecordedAt ? version.recordedAt() : null, null, null);
        }

        static AgendaView adopted(MeetingRecord meeting) {
            return new AgendaView("ADOPTED", null, meeting.provisional() == null ? null : meeting.provisional().symbol(),
                    numbered(meeting.adoptedAgendaItems()), null, meeting.agendaAdoptedOn(), meeting.agendaAmended());
        }
    }

    public record NumberedItem(int number, String title, String annotation, List<String> jointlyWith,
                               List<AgendaDocument> documents, List<Panel> panels) {
    }

    public record ReportView(LocalDate adoptedOn, String method) {
    }

    public record SessionView(LocalDate date, Chair chair) {
    }

    public record AttendanceCounts(int statesParties, int regionalOrganizations, int observers) {
    }

    static MeetingView of(MeetingRecord m, LocalDate today) {
        AgendaView agenda = m.agendaAdopted() ? AgendaView.adopted(m)
                : m.provisional() == null ? null : AgendaView.provisional(m.provisional(), false);
        MeetingRecord.Attendance attendance = m.attendance();
        return new MeetingView(m.id(), m.body(), m.ordinal(), m.title(), m.venue(), m.start(), m.end(), m.format(),
                m.symbolPrefix(), m.status(today).name(), agenda,
                m.report() == null ? null : new ReportView(m.report().adoptedOn(), m.report().method()),
                m.sessions().stream().sorted(Comparator.comparing(MeetingRecord.Session::date))
                        .map(s -> new SessionView(s.date(), s.chair())).toList(),
                attendance == null ? null : new AttendanceCounts(attendance.statesParties().size(),
                        attendance.regionalOrganizations().size(), attendance.observers().size()),
                m.silence());
    }

    static List<NumberedItem> numbered(List<AgendaItem> items) {
        return IntStream.range(0, items.size()).mapToObj(i -> {
            AgendaItem item = items.get(i);
            return new NumberedItem(i + 1, item.title(), item.annotation(), item.jointlyWith(), item.documents(),
                    item.panels());
        }).toList();
    }
}
