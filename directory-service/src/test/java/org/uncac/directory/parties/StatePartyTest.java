package org.uncac.directory.parties;

import org.uncac.platform.domain.Refusal;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.uncac.directory.parties.StatePartyCommands.RegisterStateParty;
import org.uncac.directory.parties.StatePartyCommands.RenameStateParty;
import org.uncac.directory.parties.StatePartyEvents.StatePartyRegistered;
import org.uncac.directory.parties.StatePartyEvents.StatePartyRenamed;

import java.time.LocalDate;

class StatePartyTest {

    private AggregateTestFixture<StateParty> fixture;
    private final StatePartyRegistered turkey = new StatePartyRegistered("TUR", "Turkey", PartyKind.STATE,
            LocalDate.of(2006, 11, 9), RegionalGroup.WESTERN_EUROPEAN_AND_OTHERS, "secretariat", null, null, null);

    @BeforeEach
    void fixture() {
        fixture = new AggregateTestFixture<>(StateParty.class);
    }

    @Test
    void registering() {
        fixture.givenNoPriorActivity()
                .when(new RegisterStateParty("TUR", "Turkey", PartyKind.STATE, LocalDate.of(2006, 11, 9),
                        RegionalGroup.WESTERN_EUROPEAN_AND_OTHERS, "secretariat"))
                .expectEvents(turkey);
    }

    @Test
    void renamingWithAnEffectiveDate() {
        fixture.given(turkey)
                .when(new RenameStateParty("TUR", "Türkiye", LocalDate.of(2022, 6, 1), "secretariat", null))
                .expectEvents(new StatePartyRenamed("TUR", "Türkiye", LocalDate.of(2022, 6, 1), "secretariat", null));
    }

    @Test
    void renamingToTheNameAlreadyBorneThatDayIsAConflict() {
        fixture.given(turkey, new StatePartyRenamed("TUR", "Türkiye", LocalDate.of(2022, 6, 1), "secretariat", null))
                .when(new RenameStateParty("TUR", "Türkiye", LocalDate.of(2023, 1, 1), "secretariat"))
                .expectException(Refusal.class)
                .expectNoEvents();
        fixture.given(turkey)
                .when(new RenameStateParty("TUR", "Turkey", LocalDate.of(2010, 1, 1), "secretariat"))
                .expectException(Refusal.class);
    }

    @Test
    void importingRegistersWithTheFirstNameAndRecordsLaterNamesOnce() {
        RegisterStateParty registration = new RegisterStateParty("TUR", "Turkey", PartyKind.STATE,
                LocalDate.of(2006, 11, 9), RegionalGroup.WESTERN_EUROPEAN_AND_OTHERS, "secretariat");
        StatePartyCommands.ImportStateParty importing = new StatePartyCommands.ImportStateParty("TUR", registration,
                java.util.List.of(new RenameStateParty("TUR", "Türkiye", LocalDate.of(2022, 6, 1), "secretariat")));
        fixture.givenNoPriorActivity()
                .when(importing)
                .expectEvents(turkey, new StatePartyRenamed("TUR", "Türkiye", LocalDate.of(2022, 6, 1), "secretariat", null));
        fixture.given(turkey)
                .when(importing)
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void aLateCorrectionBeforeTheRenamingIsAllowed() {
        fixture.given(turkey, new StatePartyRenamed("TUR", "Türkiye", LocalDate.of(2022, 6, 1), "secretariat", null))
                .when(new RenameStateParty("TUR", "Republic of Türkiye", LocalDate.of(2023, 1, 1), "secretariat"))
                .expectSuccessfulHandlerExecution();
    }
}
