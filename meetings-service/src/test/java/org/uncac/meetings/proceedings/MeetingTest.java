package org.uncac.meetings.proceedings;

import org.uncac.platform.domain.Refusal;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.uncac.meetings.proceedings.MeetingCommands.*;
import org.uncac.meetings.proceedings.MeetingEvents.*;
import org.uncac.meetings.proceedings.MeetingModel.AgendaItem;
import org.uncac.meetings.proceedings.MeetingModel.Format;
import org.uncac.meetings.proceedings.MeetingModel.ReportMethod;

import java.time.LocalDate;
import java.util.List;

class MeetingTest {

    private static final LocalDate NOV_16 = LocalDate.of(2020, 11, 16);
    private static final LocalDate NOV_18 = LocalDate.of(2020, 11, 18);
    private final MeetingConvened ninth = new MeetingConvened("m9", "EXPERT_MEETING_INTERNATIONAL_COOPERATION", 9,
            "Ninth expert meeting", "Vienna", NOV_16, NOV_18, Format.HYBRID, "secretariat", "CAC/COSP/EG.1/2020");
    private final List<AgendaItem> items = List.of(new AgendaItem("Opening of the meeting.", null, null, null, null),
            new AgendaItem("Adoption of the report.", null, null, null, null));
    private final ProvisionalAgendaIssued provisional = new ProvisionalAgendaIssued("m9", 1, "CAC/COSP/EG.1/2020/1", items, "chair");
    private AggregateTestFixture<Meeting> fixture;

    @BeforeEach
    void fixture() {
        fixture = new AggregateTestFixture<>(Meeting.class);
    }


    @Test
    void conveningChecksTheDates() {
        fixture.givenNoPriorActivity()
                .when(new ConveneMeeting("m9", "EXPERT_MEETING_INTERNATIONAL_COOPERATION", 9, "Ninth expert meeting",
                        "Vienna", NOV_16, NOV_18, Format.HYBRID, "CAC/COSP/EG.1/2020", "secretariat"))
                .expectEvents(ninth);
        fixture.givenNoPriorActivity()
                .when(new ConveneMeeting("m9", "B", 9, "t", "Vienna", NOV_18, NOV_16, Format.ONLINE, null, "secretariat"))
                .expectNoEvents().expectException(Refusal.InvalidField.class);
    }

    @Test
    void provisionalAgendasAreVersionedUntilTheAgendaIsAdopted() {
        fixture.given(ninth, provisional)
                .when(new IssueProvisionalAgenda("m9", "CAC/COSP/EG.1/2020/1/Rev.1", items, "chair"))
                .expectEvents(new ProvisionalAgendaIssued("m9", 2, "CAC/COSP/EG.1/2020/1/Rev.1", items, "chair"));
        AgendaAdopted adopted = new AgendaAdopted("m9", NOV_16, false, null, "chair");
        fixture.given(ninth, provisional).when(new AdoptAgenda("m9", NOV_16, null, "chair")).expectEvents(adopted);
        fixture.given(ninth, provisional, adopted)
                .when(new IssueProvisionalAgenda("m9", "x", items, "chair"))
                .expectNoEvents().expectException(Refusal.Conflict.class);
        fixture.given(ninth, provisional, adopted)
                .when(new AdoptAgenda("m9", NOV_16, null, "chair"))
                .expectNoEvents().expectException(Refusal.Conflict.class);
        fixture.given(ninth).when(new AdoptAgenda("m9", NOV_16, null, "chair"))
                .expectNoEvents().expectException(Refusal.BrokenRule.class);
    }

    @Test
    void theReportIsAdoptedOnce() {
        ReportAdopted adopted = new ReportAdopted("m9", NOV_18, ReportMethod.AS_ORALLY_AMENDED, "chair");
        fixture.given(ninth).when(new AdoptReport("m9", NOV_18, ReportMethod.AS_ORALLY_AMENDED, "chair")).expectEvents(adopted);
        fixture.given(ninth, adopted).when(new AdoptReport("m9", NOV_18, ReportMethod.AT_MEETING, "chair"))
                .expectNoEvents().expectException(Refusal.Conflict.class);
    }

    @Test
    void silenceUnbrokenTillTheDeadlineAdoptsTheReportOnTheDeadline() {
        SilenceProcedureOpened opened = new SilenceProcedureOpened("m9", NOV_18, LocalDate.of(2020, 12, 1), "secretariat");
        fixture.given(ninth).when(new OpenSilenceProcedure("m9", NOV_18, LocalDate.of(2020, 12, 1), "secretariat")).expectEvents(opened);
        fixture.given(ninth, opened).when(new ConcludeSilenceProcedure("m9", LocalDate.of(2020, 12, 1))).expectNoEvents();
        fixture.given(ninth, opened).when(new ConcludeSilenceProcedure("m9", LocalDate.of(2020, 12, 2)))
                .expectEvents(new ReportAdopted("m9", LocalDate.of(2020, 12, 1), ReportMethod.SILENCE_PROCEDURE, "silence-procedure"));
    }

    @Test
    void brokenSilenceLeavesTheReportUnadoptedWithTheObjectionRecorded() {
        SilenceProcedureOpened opened = new SilenceProcedureOpened("m9", NOV_18, LocalDate.of(2020, 12, 1), "secretariat");
        SilenceBroken broken = new SilenceBroken("m9", LocalDate.of(2020, 11, 25), "XAA", "paragraph 12", "secretariat");
        fixture.given(ninth, opened).when(new BreakSilence("m9", LocalDate.of(2020, 11, 25), "XAA", "paragraph 12", "secretariat"))
                .expectEvents(broken);
        fixture.given(ninth, opened, broken).when(new ConcludeSilenceProcedure("m9", LocalDate.of(2021, 1, 1))).expectNoEvents();
        fixture.given(ninth, opened).when(new BreakSilence("m9", LocalDate.of(2020, 12, 5), "XAA", "late", "secretariat"))
                .expectNoEvents().expectException(Refusal.BrokenRule.class);
        fixture.given(ninth).when(new BreakSilence("m9", NOV_18, "XAA", "x", "secretariat"))
                .expectNoEvents().expectException(Refusal.Conflict.class);
    }

    @Test
    void aCancelledMeetingTakesNothingMore() {
        MeetingCancelled cancelled = new MeetingCancelled("m9", LocalDate.of(2020, 3, 1), "pandemic", "secretariat");
        fixture.given(ninth, cancelled).when(new HoldSession("m9", NOV_16, null, "chair"))
                .expectNoEvents().expectException(Refusal.Conflict.class);
    }
}
