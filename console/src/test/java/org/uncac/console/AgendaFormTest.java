package org.uncac.console;

import org.junit.jupiter.api.Test;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class AgendaFormTest {

    private static MultiValueMap<String, String> form(Map<String, Object> row) {
        MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
        row.forEach((field, value) -> {
            if (value instanceof List<?> values) {
                values.forEach(v -> form.add("i0." + field, String.valueOf(v)));
            } else {
                form.add("i0." + field, String.valueOf(value));
            }
        });
        form.add("i1.title", "  ");   // a spare row left blank
        return form;
    }

    @Test
    void anItemReadsBackFromTheLinesAChairTypes() {
        Map<String, Object> item = Map.of("title", "Implementation of chapter IV.", "annotation", "null",
                "jointlyWith", List.of("Implementation Review Group", "Working Group on Asset Recovery"),
                "documents", List.of(Map.of("symbol", "CAC/COSP/EG.1/2020/2", "kind", "Note by the Secretariat")),
                "panels", List.of(Map.of("topic", "measures to promote cooperation", "panellists",
                        List.of(Map.of("name", "Expert from Canada", "affiliation", "CAN"), Map.of("name", "Expert from Europol")))),
                "recommendationIds", List.of("r1"));
        Map<String, Object> row = AgendaForm.rows(List.of(item)).get(0);
        assertThat(row.get("jointlyWith")).isEqualTo("Implementation Review Group; Working Group on Asset Recovery");
        assertThat(row.get("documents")).isEqualTo("CAC/COSP/EG.1/2020/2 | Note by the Secretariat");
        assertThat(row.get("panels")).isEqualTo("measures to promote cooperation | Expert from Canada (CAN); Expert from Europol");

        List<Map<String, Object>> items = AgendaForm.items(form(row));
        assertThat(items).singleElement().satisfies(back -> {
            assertThat(back.get("title")).isEqualTo("Implementation of chapter IV.");
            assertThat(back.get("annotation")).isNull();
            assertThat(back.get("jointlyWith")).isEqualTo(item.get("jointlyWith"));
            @SuppressWarnings("unchecked")
            Map<String, Object> document = ((List<Map<String, Object>>) back.get("documents")).get(0);
            assertThat(document).containsEntry("symbol", "CAC/COSP/EG.1/2020/2").containsEntry("kind", "Note by the Secretariat")
                    .containsEntry("title", null).containsEntry("issuedOn", null);
            assertThat(back.get("recommendationIds")).isEqualTo(List.of("r1"));
        });
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> panellists = (List<Map<String, Object>>) ((List<Map<String, Object>>) items.get(0).get("panels")).get(0).get("panellists");
        assertThat(panellists).extracting(p -> p.get("name")).containsExactly("Expert from Canada", "Expert from Europol");
        assertThat(panellists).extracting(p -> p.get("affiliation")).containsExactly("CAN", null);
    }

    @Test
    void rowsWithoutATitleAreLeftOutAndTheEditorOffersSpareRows() {
        assertThat(AgendaForm.rows(List.of())).hasSize(AgendaForm.SPARE_ITEMS);
        MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
        form.add("i0.title", "");
        form.add("i1.title", "Opening of the meeting.");
        assertThat(AgendaForm.items(form)).extracting(i -> i.get("title")).containsExactly("Opening of the meeting.");
    }

    @Test
    void anAgendaAdoptedAsTheEditorShowedItIsNotAmendedButAChangedTitleIs() {
        List<Map<String, Object>> provisional = List.of(Map.of("number", 1, "title", "Opening of the meeting.", "documents", List.of(),
                "panels", List.of(), "jointlyWith", List.of()));
        MultiValueMap<String, String> asShown = AgendaForm.form(AgendaForm.rows(provisional));
        assertThat(AgendaForm.unchanged(asShown, provisional)).isTrue();
        asShown.set("i0.title", "Opening of the twelfth meeting.");
        assertThat(AgendaForm.unchanged(asShown, provisional)).isFalse();
    }
}
