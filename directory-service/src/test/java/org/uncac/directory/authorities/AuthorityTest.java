package org.uncac.directory.authorities;

import org.uncac.platform.domain.Refusal;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.uncac.directory.authorities.AuthorityCommands.DesignateAuthority;
import org.uncac.directory.authorities.AuthorityCommands.UpdateAuthority;
import org.uncac.directory.authorities.AuthorityCommands.WithdrawAuthority;
import org.uncac.directory.authorities.AuthorityEvents.AuthorityDesignated;
import org.uncac.directory.authorities.AuthorityEvents.AuthorityUpdated;
import org.uncac.directory.authorities.AuthorityEvents.AuthorityWithdrawn;
import org.uncac.directory.authorities.AuthorityEvents.Source;

import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class AuthorityTest {

    private static final LocalDate JUNE_2017 = LocalDate.of(2017, 6, 20);
    private final AuthorityDetails details = new AuthorityDetails("Federal Ministry of Justice", "Museumstrasse 7",
            List.of(new AuthorityDetails.Contact("Jane Doe", "Head", "+43", "jane@example.org")), List.of("en", "de"),
            List.of("direct transmission"), "In writing", List.of("Summary of facts"));
    private final AuthorityDesignated designated = new AuthorityDesignated("a1", "AUT",
            AuthorityType.MUTUAL_LEGAL_ASSISTANCE, details, JUNE_2017, "secretariat", Source.SECRETARIAT);
    private AggregateTestFixture<Authority> fixture;

    @BeforeEach
    void fixture() {
        fixture = new AggregateTestFixture<>(Authority.class);
    }

    @Test
    void theSecretariatDesignatesForAnyState() {
        fixture.givenNoPriorActivity()
                .when(new DesignateAuthority("a1", "AUT", AuthorityType.MUTUAL_LEGAL_ASSISTANCE, details, JUNE_2017, "secretariat", null))
                .expectEvents(designated);
    }

    @Test
    void aStateDesignatesForItselfOnlyAndTheEntryShowsTheSource() {
        fixture.givenNoPriorActivity()
                .when(new DesignateAuthority("a1", "AUT", AuthorityType.MUTUAL_LEGAL_ASSISTANCE, details, JUNE_2017, "AUT:c", "AUT"))
                .expectEvents(new AuthorityDesignated("a1", "AUT", AuthorityType.MUTUAL_LEGAL_ASSISTANCE, details,
                        JUNE_2017, "AUT:c", Source.STATE));
        fixture.givenNoPriorActivity()
                .when(new DesignateAuthority("a1", "BEL", AuthorityType.MUTUAL_LEGAL_ASSISTANCE, details, JUNE_2017, "AUT:c", "AUT"))
                .expectNoEvents()
                .expectExceptionMessage(org.hamcrest.Matchers.containsString("may not designate for BEL"));
    }

    @Test
    void anotherStateMayNotChangeTheEntry() {
        fixture.given(designated)
                .when(new UpdateAuthority("a1", details, LocalDate.of(2018, 1, 1), "BEL:c", "BEL"))
                .expectNoEvents()
                .expectException(Refusal.Forbidden.class);
        fixture.given(designated)
                .when(new WithdrawAuthority("a1", LocalDate.of(2018, 1, 1), null, "BEL:c", "BEL"))
                .expectNoEvents()
                .expectException(Refusal.Forbidden.class);
    }

    @Test
    void updatingAndWithdrawing() {
        fixture.given(designated)
                .when(new UpdateAuthority("a1", details, LocalDate.of(2018, 1, 1), "AUT:c", "AUT"))
                .expectEvents(new AuthorityUpdated("a1", "AUT", AuthorityType.MUTUAL_LEGAL_ASSISTANCE, details,
                        LocalDate.of(2018, 1, 1), "AUT:c", Source.STATE));
        fixture.given(designated)
                .when(new WithdrawAuthority("a1", LocalDate.of(2021, 1, 1), "replaced", "secretariat", null))
                .expectEvents(new AuthorityWithdrawn("a1", "AUT", AuthorityType.MUTUAL_LEGAL_ASSISTANCE,
                        LocalDate.of(2021, 1, 1), "replaced", "secretariat", Source.SECRETARIAT));
    }

    @Test
    void aWithdrawnEntryIsNotWithdrawnOrUpdatedAgain() {
        AuthorityWithdrawn withdrawn = new AuthorityWithdrawn("a1", "AUT", AuthorityType.MUTUAL_LEGAL_ASSISTANCE,
                LocalDate.of(2021, 1, 1), null, "secretariat", Source.SECRETARIAT);
        fixture.given(designated, withdrawn)
                .when(new WithdrawAuthority("a1", LocalDate.of(2022, 1, 1), null, "secretariat", null))
                .expectNoEvents()
                .expectException(Refusal.Conflict.class);
        fixture.given(designated, withdrawn)
                .when(new UpdateAuthority("a1", details, LocalDate.of(2022, 1, 1), "secretariat", null))
                .expectNoEvents()
                .expectException(Refusal.Conflict.class);
    }

    @Test
    void nothingTakesEffectBeforeTheDesignation() {
        fixture.given(designated)
                .when(new WithdrawAuthority("a1", LocalDate.of(2017, 1, 1), null, "secretariat", null))
                .expectNoEvents()
                .expectException(Refusal.BrokenRule.class);
    }

    @Test
    void theTimelineAnswersAsAtAndAsRecordedBy() {
        java.time.Instant t0 = java.time.Instant.parse("2020-01-01T00:00:00Z");
        AuthorityTimeline timeline = new AuthorityTimeline("a1", "AUT", AuthorityType.MUTUAL_LEGAL_ASSISTANCE, List.of(
                new AuthorityTimeline.Change("e3", AuthorityTimeline.Kind.WITHDRAWN, LocalDate.of(2019, 1, 1), t0.plusSeconds(20), "s", "SECRETARIAT", null, null),
                new AuthorityTimeline.Change("e1", AuthorityTimeline.Kind.DESIGNATED, JUNE_2017, t0, "s", "SECRETARIAT", details, null),
                new AuthorityTimeline.Change("e2", AuthorityTimeline.Kind.UPDATED, LocalDate.of(2018, 1, 1), t0.plusSeconds(10), "s", "SECRETARIAT",
                        new AuthorityDetails("Renamed", null, null, null, null, null, null), null)));
        assertThat(timeline.inForceOn(LocalDate.of(2017, 6, 19), null)).isNull();
        assertThat(timeline.inForceOn(JUNE_2017, null).details().name()).isEqualTo("Federal Ministry of Justice");
        assertThat(timeline.inForceOn(LocalDate.of(2018, 6, 1), null).details().name()).isEqualTo("Renamed");
        assertThat(timeline.inForceOn(LocalDate.of(2018, 6, 1), null).inForceSince()).isEqualTo(JUNE_2017);
        assertThat(timeline.inForceOn(LocalDate.of(2019, 6, 1), null)).isNull();
        // as recorded before the withdrawal and the update were
        assertThat(timeline.inForceOn(LocalDate.of(2019, 6, 1), t0.plusSeconds(5)).details().name()).isEqualTo("Federal Ministry of Justice");
        assertThat(timeline.knownBy(t0.minusSeconds(1))).isFalse();
    }
}
