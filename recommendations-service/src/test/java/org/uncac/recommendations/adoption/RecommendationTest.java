package org.uncac.recommendations.adoption;

import org.uncac.platform.domain.Refusal;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.uncac.recommendations.adoption.RecommendationModel.*;
import org.uncac.recommendations.adoption.RecommendationCommands.*;
import org.uncac.recommendations.adoption.RecommendationEvents.*;

import java.time.LocalDate;
import java.util.List;

class RecommendationTest {

    private static final LocalDate MAY_31 = LocalDate.of(2019, 5, 31);
    private final RecommendationAdopted adopted = new RecommendationAdopted("r1", "m8", null, "47 (a)", "text",
            Addressee.STATES_PARTIES, List.of(Theme.CONFIDENCE_AND_TRUST), List.of("46"), MAY_31, "secretariat", false);
    private AggregateTestFixture<Recommendation> fixture;

    @BeforeEach
    void fixture() {
        fixture = new AggregateTestFixture<>(Recommendation.class);
    }


    @Test
    void adoptedByAMeetingOrByTheConferenceButNotBoth() {
        fixture.givenNoPriorActivity().when(new AdoptRecommendation("r1", "m8", null, "47 (a)", "text",
                Addressee.STATES_PARTIES, List.of(Theme.CONFIDENCE_AND_TRUST), List.of("46"), MAY_31, "secretariat", false))
                .expectEvents(adopted);
        fixture.givenNoPriorActivity().when(new AdoptRecommendation("r1", "m8", "Conference resolution 6/4", "1", "t",
                Addressee.SECRETARIAT, null, null, MAY_31, "secretariat", false))
                .expectNoEvents().expectException(Refusal.InvalidField.class);
    }

    @Test
    void followUpAfterAdoptionWithAFollowUpStatus() {
        fixture.given(adopted).when(new RecordFollowUp("r1", LocalDate.of(2019, 9, 1), "Workshop held", Status.IN_PROGRESS, "secretariat"))
                .expectEvents(new FollowUpRecorded("r1", LocalDate.of(2019, 9, 1), "Workshop held", Status.IN_PROGRESS, "secretariat"));
        fixture.given(adopted).when(new RecordFollowUp("r1", LocalDate.of(2019, 1, 1), "x", Status.IN_PROGRESS, "secretariat"))
                .expectNoEvents().expectException(Refusal.BrokenRule.class);
        fixture.given(adopted).when(new RecordFollowUp("r1", LocalDate.of(2019, 9, 1), "x", Status.SUPERSEDED, "secretariat"))
                .expectNoEvents().expectException(Refusal.InvalidField.class);
    }

    @Test
    void aSupersededRecommendationTakesNoMoreFollowUp() {
        RecommendationSuperseded superseded = new RecommendationSuperseded("r1", "r2", LocalDate.of(2021, 9, 10), "secretariat");
        fixture.given(adopted).when(new SupersedeRecommendation("r1", "r2", LocalDate.of(2021, 9, 10), "secretariat"))
                .expectEvents(superseded);
        fixture.given(adopted, superseded).when(new RecordFollowUp("r1", LocalDate.of(2022, 1, 1), "x", Status.ONGOING, "secretariat"))
                .expectNoEvents().expectException(Refusal.Conflict.class);
        fixture.given(adopted).when(new SupersedeRecommendation("r1", "r1", LocalDate.of(2021, 9, 10), "secretariat"))
                .expectNoEvents().expectException(Refusal.BrokenRule.class);
        fixture.given(adopted).when(new ReaffirmRecommendation("r1", "m10", "46", LocalDate.of(2021, 9, 10), "secretariat"))
                .expectEvents(new RecommendationReaffirmed("r1", "m10", "46", LocalDate.of(2021, 9, 10), "secretariat"));
    }
}
