package org.uncac.meetings.calendar;

import lombok.RequiredArgsConstructor;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Date;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.property.CalScale;
import net.fortuna.ical4j.model.property.Description;
import net.fortuna.ical4j.model.property.Location;
import net.fortuna.ical4j.model.property.ProdId;
import net.fortuna.ical4j.model.property.Status;
import net.fortuna.ical4j.model.property.Uid;
import net.fortuna.ical4j.model.property.Version;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.uncac.meetings.proceedings.MeetingRecord;
import org.uncac.meetings.proceedings.MeetingsQueries;
import reactor.core.publisher.Mono;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.text.ParseException;

/** The meetings as an iCalendar feed (RFC 5545, ical4j): one all-day VEVENT per meeting. */
@RestController
@Tag(name = "Calendar")
@RequestMapping("/api/meetings")
@RequiredArgsConstructor
public class CalendarController {

    private static final DateTimeFormatter ICAL_DATE = DateTimeFormatter.BASIC_ISO_DATE;

    private final MeetingsQueries queries;

    @Operation(summary = "Every meeting as an iCalendar feed")
    @GetMapping(value = "/calendar.ics", produces = "text/calendar")
    public Mono<ResponseEntity<String>> calendar() {
        return queries.all().map(meetings -> {
            Calendar calendar = new Calendar();
            calendar.getProperties().add(new ProdId("-//UNCAC secretariat//Expert meetings on international cooperation//EN"));
            calendar.getProperties().add(Version.VERSION_2_0);
            calendar.getProperties().add(CalScale.GREGORIAN);
            for (MeetingRecord meeting : meetings) {
                calendar.getComponents().add(event(meeting));
            }
            return ResponseEntity.ok()
                    .contentType(new MediaType("text", "calendar", StandardCharsets.UTF_8))
                    .body(calendar.toString());
        });
    }

    /**
     * Text as a calendar property holds it: ical4j escapes commas, semicolons, backslashes and line feeds, but a
     * bare carriage return or another control character would break the feed's lines, so they become spaces.
     */
    static String text(String value) {
        return value.replace("\r\n", "\n").replaceAll("[\\x00-\\x08\\x0B-\\x1F\\x7F]", " ");
    }

    static VEvent event(MeetingRecord meeting) {
        try {
            LocalDate start = meeting.start();
            LocalDate endExclusive = meeting.end().plusDays(1);
            VEvent event = new VEvent(new Date(start.format(ICAL_DATE)), new Date(endExclusive.format(ICAL_DATE)),
                    text(meeting.title()));
            event.getProperties().add(new Uid(meeting.id() + "@uncac-expert-meetings"));
            String format = meeting.format();
            event.getProperties().add(new Location(text(meeting.venue()) + (format == null ? "" : " (" + format + ")")));
            event.getProperties().add(new Description(meeting.body() + " " + meeting.ordinal()));
            event.getProperties().add(meeting.cancelled() != null ? Status.VEVENT_CANCELLED : Status.VEVENT_CONFIRMED);
            return event;
        } catch (ParseException e) {
            throw new IllegalStateException(e);
        }
    }
}
