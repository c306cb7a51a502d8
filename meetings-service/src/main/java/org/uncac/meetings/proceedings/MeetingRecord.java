package org.uncac.meetings.proceedings;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.uncac.meetings.proceedings.MeetingModel.AgendaItem;
import org.uncac.meetings.proceedings.MeetingModel.Chair;
import org.uncac.meetings.proceedings.MeetingModel.Observer;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A meeting as {@link MeetingsProjection} records it, one document per meeting read back as this record
 * (its fields are the document's). Lists absent from the document are empty.
 */
public record MeetingRecord(@JsonProperty("_id") String id, String body, int ordinal, String title, String venue,
                            LocalDate start, LocalDate end, String format, String symbolPrefix,
                            List<AgendaVersion> agendaVersions, AgendaVersion provisional, LocalDate agendaAdoptedOn,
                            Boolean agendaAmended, List<AgendaItem> adoptedItems, List<Session> sessions,
                            Attendance attendance, Silence silence, Report report, Cancellation cancelled,
                            List<Change> history) {

    public MeetingRecord {
        agendaVersions = agendaVersions == null ? List.of() : agendaVersions;
        sessions = sessions == null ? List.of() : sessions;
        history = history == null ? List.of() : history;
    }

    public record AgendaVersion(int version, String symbol, List<AgendaItem> items, Instant recordedAt) {
    }

    public record Session(String eventId, LocalDate date, Chair chair) {
    }

    public record Attendance(List<String> statesParties, List<String> regionalOrganizations, List<Observer> observers) {
    }

    /** {@code broken} null while no objection was received. */
    public record Silence(LocalDate opened, LocalDate deadline, Objection broken) {
    }

    public record Objection(LocalDate date, String by, String objection) {
    }

    public record Report(LocalDate adoptedOn, String method) {
    }

    public record Cancellation(LocalDate date, String reason) {
    }

    /** One change to the meeting, from one event; {@code date} the business date it carries, if any. */
    public record Change(String eventId, String what, LocalDate date, Instant recordedAt, String recordedBy) {
    }

    /** The agenda as adopted: amended items, or the provisional agenda's when adopted unchanged. */
    public List<AgendaItem> adoptedAgendaItems() {
        if (Boolean.TRUE.equals(agendaAmended)) {
            return adoptedItems;
        }
        return provisional == null ? List.of() : provisional.items();
    }

    public boolean agendaAdopted() {
        return agendaAdoptedOn != null;
    }

    public MeetingsQueries.Status status(LocalDate today) {
        if (cancelled != null) {
            return MeetingsQueries.Status.CANCELLED;
        }
        if (report != null) {
            return MeetingsQueries.Status.REPORT_ADOPTED;
        }
        if (today.isAfter(end)) {
            return MeetingsQueries.Status.CONCLUDED;
        }
        if (!sessions.isEmpty() || !today.isBefore(start)) {
            return MeetingsQueries.Status.IN_SESSION;
        }
        return provisional != null ? MeetingsQueries.Status.AGENDA_ISSUED : MeetingsQueries.Status.CONVENED;
    }
}
