package org.uncac.console;

import org.junit.jupiter.api.Test;

import java.time.ZoneId;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

class FormatsTest {

    private static final ZoneId VIENNA = ZoneId.of("Europe/Vienna");

    @Test
    void englishIsWrittenAsTheUnitedNationsWriteIt() {
        Formats english = new Formats(Locale.ENGLISH, VIENNA);
        assertThat(english.date("2017-08-21")).isEqualTo("21 August 2017");
        assertThat(english.number(12345)).isEqualTo("12,345");
        assertThat(english.dateKnownTo("2017-08-01", "2017-08")).isEqualTo("August 2017");
        assertThat(english.dateKnownTo("2015-01-01", "2015")).isEqualTo("2015");
    }

    @Test
    void arabicKeepsTheDigitsZeroToNineAsTheArabicVersionsOfUnDocumentsDo() {
        Formats arabic = new Formats(Locale.forLanguageTag("ar"), VIENNA);
        assertThat(arabic.number(37)).isEqualTo("37");
        assertThat(arabic.date("2017-08-21")).contains("2017").contains("21");
    }

    @Test
    void chineseWritesAMonthAsItsYearAndMonth() {
        assertThat(new Formats(Locale.CHINESE, VIENNA).dateKnownTo("2017-08-01", "2017-08")).isEqualTo("2017年8月");
    }

    @Test
    void aListIsJoinedAndAnythingElseShownAsItIs() {
        Formats formats = new Formats(Locale.FRENCH, VIENNA);
        assertThat(formats.joined(java.util.List.of("AUT", "DEU"), ", ")).isEqualTo("AUT, DEU");
        assertThat(formats.joined("ALL_STATES_PARTIES", ", ")).isEqualTo("ALL_STATES_PARTIES");
        assertThat(formats.count(java.util.List.of("AUT"))).isEqualTo(1);
        assertThat(formats.isList("AUT")).isFalse();
        assertThat(formats.date(null)).isEmpty();
    }

    @Test
    void aFieldTheApiNamesIsReadAsAPersonCountsItems() {
        Formats formats = new Formats(Locale.ENGLISH, VIENNA);
        assertThat(formats.fieldName("items[2].title")).isEqualTo("items 3, title");
        assertThat(formats.fieldName("items[0].documents[1].symbol")).isEqualTo("items 1, documents 2, symbol");
        assertThat(formats.fieldName("date")).isEqualTo("date");
    }

    @Test
    void aCalendarMonthIsNamedInThePagesLanguage() {
        assertThat(new Formats(Locale.ENGLISH, VIENNA).month(java.time.YearMonth.of(2020, 11))).isEqualTo("November");
        assertThat(new Formats(Locale.FRENCH, VIENNA).month(java.time.YearMonth.of(2020, 11))).isEqualTo("novembre");
    }

    @Test
    void panellistsAndARecommendationReadAsOneLine() {
        Formats formats = new Formats(Locale.ENGLISH, VIENNA);
        assertThat(formats.panellists(java.util.List.of(java.util.Map.of("name", "Expert from Canada", "affiliation", "CAN"),
                java.util.Map.of("name", "Expert from Europol")))).isEqualTo("Expert from Canada (CAN); Expert from Europol");
        assertThat(formats.recommendationLabel(java.util.Map.of("paragraph", "47 (a)", "text", "Designate central authorities.")))
                .isEqualTo("para. 47 (a) — Designate central authorities.");
        assertThat(formats.recommendationLabel(java.util.Map.of("resolution", "8/2", "paragraph", "9", "text", "x".repeat(120))))
                .startsWith("8/2, 9 — ").endsWith("…").hasSize(9 + 90);
    }
}
