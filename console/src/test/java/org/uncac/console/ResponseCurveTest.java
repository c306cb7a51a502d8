package org.uncac.console;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ResponseCurveTest {

    private static Map<String, Object> day(String date, int responded, int substantive, boolean reminder) {
        return Map.of("date", date, "responded", responded, "substantive", substantive, "reminder", reminder);
    }

    @Test
    void theTableHasTheDaysOnWhichAFigureMovedOrARemindersWentOutAndTheFirstAndLastDay() {
        ResponseCurve curve = ResponseCurve.of(List.of(day("2017-01-17", 0, 0, false), day("2017-01-18", 0, 0, false),
                day("2017-01-19", 1, 0, false), day("2017-01-20", 1, 0, true), day("2017-01-21", 1, 0, false),
                day("2017-01-22", 1, 0, false)), 2, "2017-01-21");
        assertThat(curve.rows()).extracting(ResponseCurve.Row::date)
                .containsExactly("2017-01-17", "2017-01-19", "2017-01-20", "2017-01-22");
        assertThat(curve.reminders()).containsExactly(384.0);
        assertThat(curve.deadlineX()).isEqualTo(512.0);
        assertThat(curve.from()).isEqualTo("2017-01-17");
        assertThat(curve.to()).isEqualTo("2017-01-22");
    }

    @Test
    void theLineStepsUpOnTheDayAFigureMoved() {
        ResponseCurve curve = ResponseCurve.of(List.of(day("2017-01-17", 0, 0, false), day("2017-01-18", 0, 0, false),
                day("2017-01-19", 2, 1, false)), 2, null);
        assertThat(curve.responded()).isEqualTo("0.0,220.0 640.0,220.0 640.0,0.0");
        assertThat(curve.substantive()).isEqualTo("0.0,220.0 640.0,220.0 640.0,110.0");
        assertThat(curve.deadlineX()).isEqualTo(-1);
    }

    @Test
    void tenYearsOfDaysDrawAsManyPointsAsTheFiguresMoved() {
        List<Map<String, Object>> days = new java.util.ArrayList<>();
        java.time.LocalDate first = java.time.LocalDate.of(2016, 1, 4);
        for (int i = 0; i < 3650; i++) {
            days.add(day(first.plusDays(i).toString(), Math.min(i / 10, 190), 0, false));
        }
        ResponseCurve curve = ResponseCurve.of(days, 190, null);
        assertThat(curve.rows()).hasSize(192);   // the first day, 190 steps, the last day
        assertThat(curve.responded().split(" ")).hasSizeLessThan(2 * 192);
    }

    @Test
    void noDaysNoCurve() {
        assertThat(ResponseCurve.of(List.of(), 181, "2017-03-31").rows()).isEmpty();
    }

    @Test
    void theCurveEndsAtTheAsAtDateTheClosureOrTenYearsAfterTheIssueWhicheverComesFirst() {
        Map<String, Object> open = new java.util.HashMap<>(Map.of("issuedOn", "2016-01-04"));
        open.put("closedOn", null);
        assertThat(NotesPages.curveEnd(open, "2017-08-21")).isEqualTo("2017-08-21");
        assertThat(NotesPages.curveEnd(open, "2026-12-02")).isEqualTo("2026-01-01");
        Map<String, Object> closed = Map.of("issuedOn", "2017-01-17", "closedOn", "2017-09-30");
        assertThat(NotesPages.curveEnd(closed, "2026-12-02")).isEqualTo("2017-09-30");
        assertThat(NotesPages.curveEnd(closed, "not a date")).as("left for the API to refuse").isEqualTo("not a date");
    }
}
