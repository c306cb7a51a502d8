package org.uncac.meetings.calendar;

import org.uncac.meetings.proceedings.MeetingRecord;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

class CalendarControllerTest {

    @Test
    void aBareCarriageReturnOrControlCharacterInATitleCannotBreakTheFeedsLines() {
        MeetingRecord meeting = new MeetingRecord("m1", "EXPERT_MEETING", 11, "Expert meeting\rSUMMARY:Injected\u0000",
                "Vienna,\r\nVIC", LocalDate.of(2022, 6, 13), LocalDate.of(2022, 6, 15), "HYBRID", null, null, null, null,
                null, null, null, null, null, null, null, null);
        String event = CalendarController.event(meeting).toString();
        assertThat(event.split("\r\n")).noneMatch(line -> line.startsWith("SUMMARY:Injected"));
        assertThat(event.replace("\r\n", "")).doesNotContain("\r").doesNotContain("\u0000");
        assertThat(event).contains("SUMMARY:Expert meeting SUMMARY:Injected ").contains("LOCATION:Vienna\\,\\nVIC (HYBRID)");
    }
}
