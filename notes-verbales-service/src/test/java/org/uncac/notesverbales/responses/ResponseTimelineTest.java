package org.uncac.notesverbales.responses;

import org.bson.Document;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** What a rate as at a date, as recorded by an instant, sees of a note's responses. */
class ResponseTimelineTest {

    /** A response as the read model holds it, read back as the timeline reads it. */
    private static Response response(String state, String received, String recorded, boolean substantive, Document answers) {
        List<Document> pairs = answers == null ? null : answers.entrySet().stream()
                .map(a -> new Document("question", a.getKey()).append("answer", a.getValue())).toList();
        return Response.of(new Document("stateCode", state).append("receivedOn", received).append("recordedAt", recorded)
                .append("substantive", substantive).append("answers", pairs));
    }

    // stored out of order, as documents come back from the read model
    private final ResponseTimeline timeline = ResponseTimeline.of(List.of(
            response("AUT", "2017-03-01", "2017-03-02T09:00:00Z", true, new Document("q1", "yes").append("q2", " ")),
            response("AUT", "2017-02-10", "2017-02-11T09:00:00Z", false, new Document("q1", "")),
            response("FRA", "2017-02-20", "2017-09-01T09:00:00Z", true, null),                       // recorded late
            response("BEL", "2017-04-02", "2017-04-03T09:00:00Z", true, new Document("q1", "no")),
            response("BEL", "2017-04-02", "2017-04-05T09:00:00Z", false, new Document("q2", "later"))));   // same day, recorded later

    @Test
    void aStatesLatestResponseReceivedByTheDateCounts() {
        assertThat(timeline.latestByState(LocalDate.parse("2017-02-15"), null)).containsOnlyKeys("AUT")
                .extractingByKey("AUT").satisfies(r -> assertThat(r.substantive()).isFalse());
        assertThat(timeline.latestByState(LocalDate.parse("2017-03-01"), null).get("AUT").substantive()).isTrue();
        assertThat(timeline.latestByState(LocalDate.parse("2017-01-31"), null)).isEmpty();
    }

    @Test
    void onTheSameReceivedDateTheLaterRecordingWins() {
        ResponseTimeline.Entry bel = timeline.latestByState(LocalDate.parse("2017-08-21"), null).get("BEL");
        assertThat(bel.substantive()).isFalse();
        assertThat(bel.answered()).containsExactly("q2");
    }

    @Test
    void recordedByLeavesOutWhatWasRecordedLater() {
        Instant published = Instant.parse("2017-08-21T00:00:00Z");
        assertThat(timeline.latestByState(LocalDate.parse("2017-08-21"), published)).containsOnlyKeys("AUT", "BEL");
        assertThat(timeline.latestByState(LocalDate.parse("2017-08-21"), null)).containsOnlyKeys("AUT", "BEL", "FRA");
        assertThat(timeline.latestByState(LocalDate.parse("2017-04-02"), Instant.parse("2017-04-04T00:00:00Z")).get("BEL")
                .substantive()).isTrue();
    }

    @Test
    void blankAnswersAnswerNothing() {
        assertThat(timeline.latestByState(LocalDate.parse("2017-03-01"), null).get("AUT").answered()).containsExactly("q1");
        assertThat(timeline.latestByState(LocalDate.parse("2017-02-10"), null).get("AUT").answered()).isEmpty();
        assertThat(timeline.latestByState(LocalDate.parse("2017-02-20"), null).get("FRA").answered()).isEmpty();
    }

    @Test
    void theDailyFiguresAreEachDaysFoldOfTheTimelineForTheAddressees() {
        List<String> addressees = List.of("AUT", "FRA");   // BEL answered but is not addressed
        for (Instant recordedBy : new Instant[] {null, Instant.parse("2017-08-01T00:00:00Z")}) {
            List<ResponseTimeline.Day> days = timeline.daily(LocalDate.parse("2017-01-17"), LocalDate.parse("2017-05-31"),
                    recordedBy, addressees);
            assertThat(days).hasSize(135);
            for (ResponseTimeline.Day day : days) {
                var latest = timeline.latestByState(day.date(), recordedBy);
                latest.keySet().retainAll(addressees);
                assertThat(day.responded()).as(day.date() + " as recorded by " + recordedBy).isEqualTo(latest.size());
                assertThat(day.substantive()).as(day.date() + " as recorded by " + recordedBy)
                        .isEqualTo(latest.values().stream().filter(ResponseTimeline.Entry::substantive).count());
            }
        }
        assertThat(timeline.daily(LocalDate.parse("2017-03-01"), LocalDate.parse("2017-03-01"), null, addressees))
                .containsExactly(new ResponseTimeline.Day(LocalDate.parse("2017-03-01"), 2, 2));
    }
}
