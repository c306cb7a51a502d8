package org.uncac.console;

import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.uncac.console.FormValues.part;
import static org.uncac.console.FormValues.split;
import static org.uncac.console.FormValues.text;

/**
 * The agenda editor's form and the API's agenda items, both ways. An item is a row of fields; its documents and
 * panels are lines a chair can type and read:
 * <ul>
 *   <li>a document: {@code symbol | kind | title | issued on}, e.g. {@code CAC/COSP/EG.1/2020/2 | Note by the
 *   Secretariat | | 2020-09-01} (only the symbol is needed);</li>
 *   <li>a panel: {@code topic | panellist (affiliation); panellist (affiliation)}.</li>
 * </ul>
 */
final class AgendaForm {

    /** Empty rows the editor offers beyond the agenda's items. */
    static final int SPARE_ITEMS = 2;

    private AgendaForm() {
    }

    /** The editor's rows for the API's items, with spare rows after them. */
    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> rows(List<Map<String, Object>> items) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (Map<String, Object> item : items) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("title", text(item.get("title")));
            row.put("annotation", text(item.get("annotation")));
            row.put("jointlyWith", String.join("; ", strings(item.get("jointlyWith"))));
            List<String> documents = new ArrayList<>();
            for (Object d : list(item.get("documents"))) {
                Map<String, Object> document = (Map<String, Object>) d;
                documents.add(trimmedLine(text(document.get("symbol")), text(document.get("kind")), text(document.get("title")),
                        text(document.get("issuedOn"))));
            }
            row.put("documents", String.join("\n", documents));
            List<String> panels = new ArrayList<>();
            for (Object p : list(item.get("panels"))) {
                Map<String, Object> panel = (Map<String, Object>) p;
                List<String> panellists = new ArrayList<>();
                for (Object x : list(panel.get("panellists"))) {
                    Map<String, Object> panellist = (Map<String, Object>) x;
                    String affiliation = text(panellist.get("affiliation"));
                    panellists.add(text(panellist.get("name")) + (affiliation.isEmpty() ? "" : " (" + affiliation + ")"));
                }
                panels.add(text(panel.get("topic")) + (panellists.isEmpty() ? "" : " | " + String.join("; ", panellists)));
            }
            row.put("panels", String.join("\n", panels));
            row.put("recommendationIds", strings(item.get("recommendationIds")));
            rows.add(row);
        }
        for (int i = 0; i < SPARE_ITEMS; i++) {
            rows.add(blankRow());
        }
        return rows;
    }

    /** The rows as the form sent them, blank ones kept, to show the editor again. */
    static List<Map<String, Object>> rowsOf(MultiValueMap<String, String> form) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (int i = 0; form.containsKey("i" + i + ".title"); i++) {
            Map<String, Object> row = new LinkedHashMap<>();
            for (String field : List.of("title", "annotation", "jointlyWith", "documents", "panels")) {
                row.put(field, text(form.getFirst("i" + i + "." + field)));
            }
            row.put("recommendationIds", form.getOrDefault("i" + i + ".recommendationIds", List.of()));
            rows.add(row);
        }
        return rows;
    }

    /** The API's items for the form's rows: rows without a title are left out, the others numbered in order. */
    static List<Map<String, Object>> items(MultiValueMap<String, String> form) {
        List<Map<String, Object>> items = new ArrayList<>();
        for (Map<String, Object> row : rowsOf(form)) {
            String title = text(row.get("title")).strip();
            if (title.isEmpty()) {
                continue;
            }
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("title", title);
            String annotation = text(row.get("annotation")).strip();
            item.put("annotation", annotation.isEmpty() ? null : annotation);
            item.put("jointlyWith", split(text(row.get("jointlyWith")), ";"));
            List<Map<String, Object>> documents = new ArrayList<>();
            for (String line : lines(text(row.get("documents")))) {
                String[] parts = line.split("\\|", -1);
                Map<String, Object> document = new LinkedHashMap<>();
                document.put("symbol", part(parts, 0));
                document.put("kind", part(parts, 1));
                document.put("title", part(parts, 2));
                document.put("issuedOn", part(parts, 3));
                documents.add(document);
            }
            item.put("documents", documents);
            List<Map<String, Object>> panels = new ArrayList<>();
            for (String line : lines(text(row.get("panels")))) {
                String[] parts = line.split("\\|", 2);
                List<Map<String, Object>> panellists = new ArrayList<>();
                for (String who : split(parts.length > 1 ? parts[1] : "", ";")) {
                    int open = who.lastIndexOf('(');
                    Map<String, Object> panellist = new LinkedHashMap<>();
                    if (open > 0 && who.endsWith(")")) {
                        panellist.put("name", who.substring(0, open).strip());
                        panellist.put("affiliation", who.substring(open + 1, who.length() - 1).strip());
                    } else {
                        panellist.put("name", who);
                        panellist.put("affiliation", null);
                    }
                    panellists.add(panellist);
                }
                Map<String, Object> panel = new LinkedHashMap<>();
                panel.put("topic", parts[0].strip());
                panel.put("panellists", panellists);
                panels.add(panel);
            }
            item.put("panels", panels);
            @SuppressWarnings("unchecked")
            List<String> recommendations = (List<String>) row.get("recommendationIds");
            item.put("recommendationIds", recommendations.stream().filter(id -> !id.isBlank()).toList());
            items.add(item);
        }
        return items;
    }

    /** The rows as the form would send them. */
    @SuppressWarnings("unchecked")
    static MultiValueMap<String, String> form(List<Map<String, Object>> rows) {
        MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
        for (int i = 0; i < rows.size(); i++) {
            for (Map.Entry<String, Object> field : rows.get(i).entrySet()) {
                if (field.getValue() instanceof List<?> values) {
                    form.put("i" + i + "." + field.getKey(), new ArrayList<>((List<String>) values));
                } else {
                    form.add("i" + i + "." + field.getKey(), text(field.getValue()));
                }
            }
        }
        return form;
    }

    /** Whether the form's agenda is the provisional version's: adopting it then adopts it as it is, not amended. */
    static boolean unchanged(MultiValueMap<String, String> form, List<Map<String, Object>> provisionalItems) {
        return items(form).equals(items(form(rows(provisionalItems))));
    }

    static Map<String, Object> blankRow() {
        Map<String, Object> row = new LinkedHashMap<>();
        for (String field : List.of("title", "annotation", "jointlyWith", "documents", "panels")) {
            row.put(field, "");
        }
        row.put("recommendationIds", List.of());
        return row;
    }

    private static String trimmedLine(String... parts) {
        int last = parts.length;
        while (last > 1 && parts[last - 1].isEmpty()) {
            last--;
        }
        return String.join(" | ", Arrays.copyOf(parts, last));
    }

    private static List<String> lines(String text) {
        return text.lines().map(String::strip).filter(line -> !line.isEmpty()).toList();
    }

    private static List<?> list(Object value) {
        return value instanceof List<?> list ? list : List.of();
    }

    private static List<String> strings(Object value) {
        return list(value).stream().map(String::valueOf).toList();
    }

}
