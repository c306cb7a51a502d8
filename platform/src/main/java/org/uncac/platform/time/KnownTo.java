package org.uncac.platform.time;

import org.uncac.platform.web.Problems;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.regex.Pattern;

/**
 * A date the record knows only to its year ("2015") or month ("2018-04"). Such a date is stored as the last day
 * of that period, so that no figure as at a date claims it earlier than it surely was, with {@code …KnownTo}
 * saying how much of it is known. The directory counts parties known only to a year this way.
 */
public final class KnownTo {

    private static final Pattern PERIOD = Pattern.compile("\\d{4}(-(0[1-9]|1[0-2]))?");

    private KnownTo() {
    }

    /** The last day of {@code period} ("2015": 31 December 2015; "2018-04": 30 April 2018). */
    public static LocalDate lastDayOf(String period) {
        return period.length() == 4 ? LocalDate.of(Integer.parseInt(period), 12, 31) : YearMonth.parse(period).atEndOfMonth();
    }

    /**
     * Checks a date given with how much of it is known: {@code knownTo} null (the day is known), or a year or
     * month whose last day is {@code date}. 400 naming {@code field + "KnownTo"} otherwise.
     */
    public static String check(String field, LocalDate date, String knownTo) {
        if (knownTo == null || knownTo.isBlank()) {
            return null;
        }
        if (!PERIOD.matcher(knownTo).matches()) {
            throw Problems.invalid(field + "KnownTo", "must be a year (2015) or a month (2018-04)");
        }
        if (!lastDayOf(knownTo).equals(date)) {
            throw Problems.invalid(field, "must be the last day of " + knownTo + " (" + lastDayOf(knownTo) + ") when only "
                    + knownTo + " is known");
        }
        return knownTo;
    }
}
