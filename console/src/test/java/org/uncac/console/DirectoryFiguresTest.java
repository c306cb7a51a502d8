package org.uncac.console;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class DirectoryFiguresTest {

    @Test
    void aStateCountsOnceForATypeInItsRegionalGroupWhateverItsNumberOfEntries() {
        List<Map<String, Object>> parties = List.of(
                Json.of(Map.of("code", "AUT", "regionalGroup", "WESTERN_EUROPEAN_AND_OTHERS")),
                Json.of(Map.of("code", "DEU", "regionalGroup", "WESTERN_EUROPEAN_AND_OTHERS")),
                Json.of(Map.of("code", "KEN", "regionalGroup", "AFRICAN")),
                Json.of(Map.of("code", "EUR")));
        List<Map<String, Object>> entries = List.of(
                Map.of("stateCode", "AUT", "type", "MUTUAL_LEGAL_ASSISTANCE"),
                Map.of("stateCode", "AUT", "type", "MUTUAL_LEGAL_ASSISTANCE"),
                Map.of("stateCode", "KEN", "type", "EXTRADITION"));
        Map<String, Map<String, Object>> groups = DirectoryPages.byRegionalGroup(entries, parties);
        assertThat(groups.keySet()).containsExactly("AFRICAN", "WESTERN_EUROPEAN_AND_OTHERS", "NONE");
        assertThat(groups.get("WESTERN_EUROPEAN_AND_OTHERS")).containsEntry("parties", 2).containsEntry("MUTUAL_LEGAL_ASSISTANCE", 1)
                .containsEntry("EXTRADITION", 0);
        assertThat(groups.get("AFRICAN")).containsEntry("parties", 1).containsEntry("EXTRADITION", 1);
        assertThat(groups.get("NONE")).containsEntry("parties", 1);
    }

    @Test
    void theCoverageChartHasOneLinePerTypeAndTheTableTheApisFigures() {
        List<Map<String, Object>> series = List.of(
                Map.of("asAt", "2019-01-01", "statesParties", 186, "byType", Map.of("PREVENTION", 100)),
                Map.of("asAt", "2019-02-01", "statesParties", 186, "byType", Map.of("PREVENTION", 93, "EXTRADITION", 24)));
        CoverageChart chart = CoverageChart.of(series, DirectoryPages.TYPES);
        assertThat(chart.lines()).hasSize(5);
        assertThat(chart.rows()).extracting(CoverageChart.Row::date).containsExactly("2019-01-01", "2019-02-01");
        assertThat(chart.rows().get(1).counts()).containsExactly(93, 0, 24, 0, 0);
        assertThat(chart.lines().get(0).points()).startsWith("0.0,").contains("640.0,");
        assertThat(chart.top()).isEqualTo(186);
    }
}
