package org.uncac.meetings.calendar;

import org.bson.Document;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CalendarControllerTest {

    @Test
    void aBareCarriageReturnOrControlCharacterInATitleCannotBreakTheFeedsLines() {
        Document meeting = new Document("_id", "m1").append("title", "Expert meeting\rSUMMARY:Injected\u0000")
                .append("venue", "Vienna,\r\nVIC").append("format", "HYBRID").append("body", "EXPERT_MEETING")
                .append("ordinal", 11).append("start", "2022-06-13").append("end", "2022-06-15");
        String event = CalendarController.event(meeting).toString();
        assertThat(event.split("\r\n")).noneMatch(line -> line.startsWith("SUMMARY:Injected"));
        assertThat(event.replace("\r\n", "")).doesNotContain("\r").doesNotContain("\u0000");
        assertThat(event).contains("SUMMARY:Expert meeting SUMMARY:Injected ").contains("LOCATION:Vienna\\,\\nVIC (HYBRID)");
    }
}
