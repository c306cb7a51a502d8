package org.uncac.platform.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * CSV for spreadsheets, with a header row. Cells come from States and other callers, and a spreadsheet takes a
 * cell starting with {@code = + - @}, a tab or a carriage return for a formula: such a cell is written with a
 * leading apostrophe, which spreadsheets show as text (OWASP, "CSV injection").
 */
public final class CsvExport {

    private static final CsvMapper CSV = new CsvMapper();

    private CsvExport() {
    }

    /** The rows as a CSV file to save, named {@code fileName} (letters, digits, dots and hyphens). */
    public static ResponseEntity<String> download(String fileName, CsvSchema schema, List<Map<String, Object>> rows) {
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + fileName + "\"")
                .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .body(write(schema, rows));
    }

    public static String write(CsvSchema schema, List<Map<String, Object>> rows) {
        List<Map<String, Object>> safe = rows.stream().map(row -> {
            Map<String, Object> cells = new LinkedHashMap<>();
            row.forEach((column, value) -> cells.put(column, value instanceof String text ? inert(text) : value));
            return cells;
        }).toList();
        try {
            return CSV.writer(schema.withHeader()).writeValueAsString(safe);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("rows that do not fit their CSV schema", e);
        }
    }

    /** The text as a spreadsheet shows it, never as a formula. */
    static String inert(String text) {
        return !text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0 ? "'" + text : text;
    }
}
