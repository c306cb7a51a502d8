package org.uncac.console;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Directory coverage over time as inline SVG: for each authority type, the number of States parties with at least
 * one entry in force, on each date of the API's series, against the number of parties on that date. The page shows
 * the same figures as a table; the lines differ in dash as well as colour.
 *
 * @param lines one line per type, in the order given
 * @param rows  the table: the date, the parties, and each type's count
 * @param top   the scale's top: the most parties on any date
 */
public record CoverageChart(List<Line> lines, List<Row> rows, int top, String from, String to) {

    public static final int WIDTH = 640;
    public static final int HEIGHT = 220;

    private static final List<String> COLOURS = List.of("#006ba6", "#1a1a1a", "#8a4b00", "#5a2d82", "#2e6b30");
    private static final List<String> DASHES = List.of("", "6 3", "2 3", "10 3 2 3", "1 1");

    public record Line(String type, String points, String colour, String dash) {
    }

    public record Row(String date, int parties, List<Integer> counts) {
    }

    public int width() {
        return WIDTH;
    }

    public int height() {
        return HEIGHT;
    }

    @SuppressWarnings("unchecked")
    static CoverageChart of(List<Map<String, Object>> series, List<String> types) {
        if (series.isEmpty()) {
            return new CoverageChart(List.of(), List.of(), 0, null, null);
        }
        int top = 1;
        List<Row> rows = new ArrayList<>();
        for (Map<String, Object> point : series) {
            int parties = ((Number) point.getOrDefault("statesParties", 0)).intValue();
            top = Math.max(top, parties);
            Map<String, Object> byType = (Map<String, Object>) point.getOrDefault("byType", Map.of());
            rows.add(new Row(String.valueOf(point.get("asAt")), parties,
                    types.stream().map(type -> byType.get(type) instanceof Number n ? n.intValue() : 0).toList()));
        }
        double step = rows.size() == 1 ? 0 : (double) WIDTH / (rows.size() - 1);
        List<Line> lines = new ArrayList<>();
        for (int t = 0; t < types.size(); t++) {
            StringBuilder points = new StringBuilder();
            for (int i = 0; i < rows.size(); i++) {
                points.append(String.format(Locale.ROOT, "%.1f,%.1f ", i * step,
                        HEIGHT - (double) rows.get(i).counts().get(t) * HEIGHT / top));
            }
            lines.add(new Line(types.get(t), points.toString().strip(), COLOURS.get(t % COLOURS.size()), DASHES.get(t % DASHES.size())));
        }
        return new CoverageChart(lines, rows, top, rows.get(0).date(), rows.get(rows.size() - 1).date());
    }
}
