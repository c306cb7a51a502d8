package org.uncac.console;

import java.text.NumberFormat;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Collection;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

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
                        .format(YearMonth.parse(period));
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
        return value instanceof Collection<?> items
                ? String.join(separator, items.stream().map(String::valueOf).toList()) : value.toString();
    }

    /** How many items a list holds; 0 for anything else. */
    public int count(Object value) {
        return value instanceof Collection<?> items ? items.size() : 0;
    }

    public boolean isList(Object value) {
        return value instanceof Collection<?>;
    }

    public String percent(Object value) {
        if (value == null || value.toString().equals("null")) {
            return "";
        }
        NumberFormat percent = NumberFormat.getPercentInstance(locale);
        percent.setMaximumFractionDigits(1);
        return percent.format(Double.parseDouble(value.toString()));
    }

    /** A month's name standing alone, as a calendar heads it: "November", "novembre". */
    public String month(YearMonth month) {
        return DateTimeFormatter.ofPattern("LLLL", locale).format(month);
    }

    /** Panellists as one line: "Expert from Canada (CAN); Expert from Europol (Europol)". */
    public String panellists(Object value) {
        if (!(value instanceof Collection<?> panellists)) {
            return "";
        }
        return String.join("; ", panellists.stream().map(p -> {
            Map<?, ?> panellist = (Map<?, ?>) p;
            Object affiliation = panellist.get("affiliation");
            return panellist.get("name") + (affiliation == null ? "" : " (" + affiliation + ")");
        }).toList());
    }

    /** A field the API names ("items[2].title") as a person reads it: "items 3, title". */
    public String fieldName(String field) {
        Matcher index = Pattern.compile("\\[(\\d+)]").matcher(field);
        StringBuilder readable = new StringBuilder();
        while (index.find()) {
            index.appendReplacement(readable, " " + (Integer.parseInt(index.group(1)) + 1) + ",");
        }
        index.appendTail(readable);
        return readable.toString().replace(",.", ", ");
    }

    /** A recommendation in one line: its paragraph and the start of its text. */
    public String recommendationLabel(Map<?, ?> recommendation) {
        Object paragraph = recommendation.get("paragraph");
        Object resolution = recommendation.get("resolution");
        String text = String.valueOf(recommendation.get("text"));
        String where = resolution != null ? resolution + (paragraph != null ? ", " + paragraph : "")
                : paragraph != null ? "para. " + paragraph : "";
        return (where.isEmpty() ? "" : where + " — ") + (text.length() > 90 ? text.substring(0, 89) + "…" : text);
    }
}
