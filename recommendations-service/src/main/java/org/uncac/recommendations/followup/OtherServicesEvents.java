package org.uncac.recommendations.followup;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.uncac.platform.eventstore.ConsumedEvents;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * This service's own copies of the other services' events it follows recommendations with, naming only the
 * fields it reads, and the stored type names they are read from.
 */
@Configuration
public class OtherServicesEvents {

    public record NoteVerbaleIssued(String noteId, String reference, String subject, LocalDate date,
                                    List<String> addressees, List<String> mandates, List<String> recommendationIds,
                                    String dateKnownTo) {
    }

    /** Where a published figure is printed. */
    public record Source(String document, String paragraph) {
        public String cite() {
            return paragraph == null || paragraph.isBlank() ? document : document + ", " + paragraph;
        }
    }

    public record ResponseFigurePublished(String noteId, LocalDate asAt, String asAtKnownTo, int value, Source source,
                                          String text) {
    }

    public record CoveragePublished(String figureId, LocalDate asAt, String asAtKnownTo, Map<String, Integer> byType,
                                    Source source, String text) {
    }

    public record ResponseReceived(String responseId, String noteId, String stateCode, LocalDate receivedOn,
                                   boolean substantive) {
    }

    public record MeetingConvened(String meetingId, String body, int ordinal, String title, String venue,
                                  LocalDate start, LocalDate end) {
    }

    public record StatePartyRegistered(String code, LocalDate partySince) {
    }

    public record AgendaItem(String title, List<String> recommendationIds) {
    }

    public record ProvisionalAgendaIssued(String meetingId, int version, String symbol, List<AgendaItem> items) {
    }

    public record AuthorityDesignated(String authorityId, String stateCode, String type, LocalDate effective) {
    }

    public record AuthorityWithdrawn(String authorityId, String stateCode, String type, LocalDate effective) {
    }

    @Bean
    static ConsumedEvents consumedFromOtherServices() {
        return ConsumedEvents.of(Map.of(
                "org.uncac.notesverbales.notes.NoteEvents$NoteVerbaleIssued", NoteVerbaleIssued.class,
                "org.uncac.notesverbales.responses.ResponseMessages$ResponseReceived", ResponseReceived.class,
                "org.uncac.meetings.meetings.MeetingMessages$MeetingConvened", MeetingConvened.class,
                "org.uncac.meetings.meetings.MeetingMessages$ProvisionalAgendaIssued", ProvisionalAgendaIssued.class,
                "org.uncac.directory.parties.StatePartyEvents$StatePartyRegistered", StatePartyRegistered.class,
                "org.uncac.directory.authorities.AuthorityEvents$AuthorityDesignated", AuthorityDesignated.class,
                "org.uncac.directory.authorities.AuthorityEvents$AuthorityWithdrawn", AuthorityWithdrawn.class,
                "org.uncac.notesverbales.notes.NoteEvents$ResponseFigurePublished", ResponseFigurePublished.class,
                "org.uncac.directory.published.PublishedCoverageMessages$CoveragePublished", CoveragePublished.class));
    }
}
