package org.uncac.directory.referencedata;

import org.junit.jupiter.api.Test;
import org.uncac.directory.parties.PartyKind;
import org.uncac.directory.parties.RegionalGroup;
import org.uncac.directory.parties.StatePartyCommands.ImportStateParty;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

class StatesPartiesReferenceDataTest {

    private final Map<String, ImportStateParty> parties = StatesPartiesReferenceData.load().stream()
            .collect(Collectors.toMap(ImportStateParty::code, Function.identity()));

    @Test
    void all192PartiesWithTheirKindsAndGroups() {
        assertThat(parties).hasSize(192);
        assertThat(parties.get("EUU").registration().kind()).isEqualTo(PartyKind.REGIONAL_ECONOMIC_INTEGRATION_ORGANIZATION);
        assertThat(parties.get("EUU").registration().regionalGroup()).isNull();
        assertThat(parties.get("AUT").registration().regionalGroup()).isEqualTo(RegionalGroup.WESTERN_EUROPEAN_AND_OTHERS);
        assertThat(parties.get("AUT").registration().partySince()).isEqualTo(LocalDate.of(2006, 1, 11));
        assertThat(parties.values().stream().map(p -> p.registration().regionalGroup()).filter(g -> g == RegionalGroup.AFRICAN)).hasSize(53);
    }

    @Test
    void datesKnownOnlyToTheYearOrMonthCountFromTheEndOfThatPeriod() {
        assertThat(parties.get("SSD").registration().partySince()).isEqualTo(LocalDate.of(2015, 12, 31));
        assertThat(parties.get("SSD").registration().partySinceKnownTo()).isEqualTo("2015");
        assertThat(parties.get("WSM").registration().partySince()).isEqualTo(LocalDate.of(2018, 4, 30));
        assertThat(parties.get("TON").registration().partySince()).isEqualTo(LocalDate.of(2020, 2, 29));
        assertThat(parties.values().stream().filter(p -> p.registration().partySinceKnownTo() != null)).hasSize(7);
    }

    @Test
    void formerNamesBecomeRenamings() {
        ImportStateParty turkey = parties.get("TUR");
        assertThat(turkey.registration().name()).isEqualTo("Turkey");
        assertThat(turkey.renamings()).singleElement().satisfies(r -> {
            assertThat(r.name()).isEqualTo("Türkiye");
            assertThat(r.effective()).isEqualTo(LocalDate.of(2022, 6, 1));
            assertThat(r.effectiveKnownTo()).isNull();
        });
        ImportStateParty czechia = parties.get("CZE");
        assertThat(czechia.registration().name()).isEqualTo("Czech Republic");
        assertThat(czechia.renamings()).extracting(r -> r.effective()).containsExactly(LocalDate.of(2016, 1, 1));
        assertThat(parties.get("NLD").renamings()).extracting(r -> r.effectiveKnownTo()).containsExactly("2023");
        assertThat(parties.get("VEN").renamings()).isEmpty();
        assertThat(parties.values().stream().mapToInt(p -> p.renamings().size()).sum()).isEqualTo(11);
        assertThat(List.of("BOL", "CPV", "SWZ", "EUU", "LBY", "MKD", "SRB", "PSE")).allSatisfy(code ->
                assertThat(parties.get(code).renamings()).hasSize(1));
    }
}
