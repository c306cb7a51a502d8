package org.uncac.console;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

/**
 * What a form or a query gave, as the API is to be asked: blank is absent, lines and lists are split, and a page's
 * date is today in Vienna unless it names one.
 */
final class FormValues {

    private FormValues() {
    }

    static boolean present(String value) {
        return value != null && !value.isBlank();
    }

    static String blankToNull(String value) {
        return present(value) ? value.strip() : null;
    }

    /** The page's as-at date: the one given, else today in Vienna. */
    static String date(String asAt) {
        return present(asAt) ? asAt.strip() : LocalDate.now(Pages.VIENNA).toString();
    }

    /** The non-blank parts of a text, stripped; the separator is a regular expression. */
    static List<String> split(String text, String separator) {
        return text == null ? List.of() : Arrays.stream(text.strip().split(separator)).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    /** The part of a line split at "|" at an index, or null when blank or missing. */
    static String part(String[] parts, int index) {
        return index < parts.length && !parts[index].isBlank() ? parts[index].strip() : null;
    }

    /** A value as text: "" for null (or the API's "null"). */
    static String text(Object value) {
        return value == null || "null".equals(String.valueOf(value)) ? "" : String.valueOf(value);
    }
}
