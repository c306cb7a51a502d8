package org.uncac.console;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The response curve drawn as inline SVG on the server (cumulative responded and substantive per day, reminder
 * days and the deadline marked), and the same figures as a table: every day on which a figure moved or a reminder
 * went out, and the last day.
 *
 * @param responded   the SVG points of the responded line
 * @param substantive the SVG points of the substantive line
 * @param reminders   x positions of the reminder days
 * @param deadlineX   x position of the deadline, or -1 when it falls outside the curve
 * @param rows        the table: date, responded, substantive, whether a reminder went out that day
 */
public record ResponseCurve(String responded, String substantive, List<Double> reminders, double deadlineX,
                            List<Row> rows, int addressees, String from, String to) {

    public static final int WIDTH = 640;
    public static final int HEIGHT = 220;

    private static void point(StringBuilder line, double x, int count, int top) {
        line.append(String.format(Locale.ROOT, "%.1f,%.1f ", x, HEIGHT - (double) count * HEIGHT / top));
    }

    public int width() {
        return WIDTH;
    }

    public int height() {
        return HEIGHT;
    }

    public record Row(String date, int responded, int substantive, boolean reminder) {
    }

    static ResponseCurve of(List<Map<String, Object>> points, int addressees, String deadline) {
        if (points.isEmpty()) {
            return new ResponseCurve("", "", List.of(), -1, List.of(), addressees, null, null);
        }
        int top = Math.max(1, addressees);
        double step = points.size() == 1 ? 0 : (double) WIDTH / (points.size() - 1);
        // drawn as steps through the days on which a figure moved: the same line as one point per day, far smaller
        StringBuilder responded = new StringBuilder();
        StringBuilder substantive = new StringBuilder();
        List<Double> reminders = new ArrayList<>();
        List<Row> rows = new ArrayList<>();
        double deadlineX = -1;
        int previousResponded = -1;
        int previousSubstantive = -1;
        for (int i = 0; i < points.size(); i++) {
            Map<String, Object> point = points.get(i);
            int r = ((Number) point.get("responded")).intValue();
            int s = ((Number) point.get("substantive")).intValue();
            boolean reminder = Boolean.TRUE.equals(point.get("reminder"));
            double x = i * step;
            if (reminder) {
                reminders.add(x);
            }
            String date = String.valueOf(point.get("date"));
            if (date.equals(deadline)) {
                deadlineX = x;
            }
            boolean last = i == points.size() - 1;
            if (r != previousResponded || s != previousSubstantive || reminder || i == 0 || last) {
                rows.add(new Row(date, r, s, reminder));
                if (i > 0) {
                    point(responded, x, previousResponded, top);
                    point(substantive, x, previousSubstantive, top);
                }
                point(responded, x, r, top);
                point(substantive, x, s, top);
            }
            previousResponded = r;
            previousSubstantive = s;
        }
        return new ResponseCurve(responded.toString().strip(), substantive.toString().strip(), reminders, deadlineX, rows,
                addressees, String.valueOf(points.get(0).get("date")), String.valueOf(points.get(points.size() - 1).get("date")));
    }
}
