package org.uncac.directory.authorities;

import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import org.springframework.http.ResponseEntity;
import org.uncac.directory.authorities.AuthoritiesQueries.AuthorityView;
import org.uncac.platform.web.CsvExport;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** The directory as a spreadsheet: one row per entry in force, with its State's name. */
final class DirectoryCsv {

    private DirectoryCsv() {
    }

    private static final CsvSchema CSV_SCHEMA = CsvSchema.builder()
            .addColumn("stateCode").addColumn("stateName").addColumn("type").addColumn("name")
            .addColumn("postalAddress").addColumn("contacts").addColumn("languages").addColumn("channels")
            .addColumn("requirements").addColumn("checklist").addColumn("inForceSince").addColumn("versionEffective")
            .addColumn("lastRecordedAt").addColumn("id").build();

    /** The entries as a CSV file named {@code fileName}, each with its State's name. */
    static ResponseEntity<String> download(String fileName, List<AuthorityView> rows, Map<String, String> stateNames) {
        List<Map<String, Object>> lines = rows.stream().map(v -> {
            Map<String, Object> line = new LinkedHashMap<>();
            line.put("stateCode", v.stateCode());
            line.put("stateName", stateNames.getOrDefault(v.stateCode(), ""));
            line.put("type", v.type().name());
            line.put("name", v.name());
            line.put("postalAddress", v.postalAddress());
            line.put("contacts", v.contacts().stream().map(c -> String.join(" ", nonNull(c.name(), c.title(),
                    c.email() == null ? null : "<" + c.email() + ">", c.phone()))).collect(Collectors.joining("; ")));
            line.put("languages", String.join(";", v.languages()));
            line.put("channels", String.join(";", v.channels()));
            line.put("requirements", v.requirements());
            line.put("checklist", String.join("; ", v.checklist()));
            line.put("inForceSince", String.valueOf(v.inForceSince()));
            line.put("versionEffective", String.valueOf(v.versionEffective()));
            line.put("lastRecordedAt", String.valueOf(v.lastRecordedAt()));
            line.put("id", v.id());
            return line;
        }).toList();
        return CsvExport.download(fileName, CSV_SCHEMA, lines);
    }

    private static List<String> nonNull(String... parts) {
        return Arrays.stream(parts).filter(p -> p != null && !p.isBlank()).toList();
    }
}
