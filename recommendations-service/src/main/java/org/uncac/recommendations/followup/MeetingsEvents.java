package org.uncac.recommendations.followup;

import org.uncac.platform.eventstore.EventType;

import java.time.LocalDate;
import java.util.List;

/** This service's own copies of the meetings service's events: meetings and the agenda items that take
 * recommendations up. */
public final class MeetingsEvents {

    private MeetingsEvents() {
    }

    @EventType(value = "meetings.MeetingConvened",
            formerly = "org.uncac.meetings.meetings.MeetingMessages$MeetingConvened")
    public record MeetingConvened(String meetingId, String body, int ordinal, String title, String venue,
                                  LocalDate start, LocalDate end) {
    }

    @EventType(value = "meetings.ProvisionalAgendaIssued",
            formerly = "org.uncac.meetings.meetings.MeetingMessages$ProvisionalAgendaIssued")
    public record ProvisionalAgendaIssued(String meetingId, int version, String symbol, List<Item> items) {

        public record Item(String title, List<String> recommendationIds) {
        }
    }
}
