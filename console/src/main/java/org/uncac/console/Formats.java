package org.uncac.console;

import java.text.NumberFormat;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;

/**
 * Dates and numbers as the page's language writes them; content entered by people is never translated. English is
 * written as the United Nations write it ("21 August 2017", British usage), and Arabic with the digits 0 to 9, as
 * in the Arabic versions of UN documents.
 */
public record Formats(Locale locale, ZoneId zone) {

    public Formats {
        locale = switch (locale.getLanguage()) {
            case "en" -> Locale.UK;
            case "ar" -> Locale.forLanguageTag("ar-u-nu-latn");
            default -> locale;
        };
    }

    public String date(Object value) {
        if (value == null || value.toString().isBlank() || value.toString().equals("null")) {
            return "";
        }
        LocalDate date = value instanceof LocalDate d ? d : LocalDate.parse(value.toString().substring(0, 10));
        return DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(locale).format(date);
    }

    /** A date the record knows only to its month or year: "August 2017", "2015". */
    public String dateKnownTo(Object value, Object knownTo) {
        if (knownTo == null || knownTo.toString().isBlank() || knownTo.toString().equals("null")) {
            return date(value);
        }
        String period = knownTo.toString();
        return period.length() == 4 ? period
                : DateTimeFormatter.ofPattern(locale.getLanguage().equals("zh") ? "yyyy年M月" : "LLLL yyyy", locale)
                        .format(java.time.YearMonth.parse(period));
    }

    public String instant(Object value) {
        if (value == null || value.toString().isBlank() || value.toString().equals("null")) {
            return "";
        }
        return DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM).withLocale(locale).withZone(zone)
                .format(Instant.parse(value.toString()));
    }

    public String number(Object value) {
        if (value == null || value.toString().equals("null")) {
            return "";
        }
        return NumberFormat.getIntegerInstance(locale).format(Double.parseDouble(value.toString()));
    }

    /** A list as one line of text ("AUT, DEU"), or a text as it is. */
    public String joined(Object value, String separator) {
        if (value == null) {
            return "";
        }
        return value instanceof java.util.Collection<?> items
                ? String.join(separator, items.stream().map(String::valueOf).toList()) : value.toString();
    }

    /** How many items a list holds; 0 for anything else. */
    public int count(Object value) {
        return value instanceof java.util.Collection<?> items ? items.size() : 0;
    }

    public boolean isList(Object value) {
        return value instanceof java.util.Collection<?>;
    }

    public String percent(Object value) {
        if (value == null || value.toString().equals("null")) {
            return "";
        }
        NumberFormat percent = NumberFormat.getPercentInstance(locale);
        percent.setMaximumFractionDigits(1);
        return percent.format(Double.parseDouble(value.toString()));
    }
}
