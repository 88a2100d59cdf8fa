package org.cartable.fleet.internal;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Server-rendered SVG bar charts: no script (the shell's Content Security Policy forbids inline ones) and no style
 * attribute (presentation attributes only), readable by screen readers through {@code <title>} and the data tables
 * the pages show next to them.
 */
public final class Svg {

    /** Colour-blind-safe palette (Okabe–Ito), cycled over series. */
    private static final String[] PALETTE = {"#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00",
            "#F0E442", "#999999"};
    private static final int ROW = 28;
    private static final int LABEL = 220;
    private static final int BAR = 420;

    private Svg() {
    }

    /** A row of a stacked bar chart: its label and one value per series, in the series' order. */
    public record Row(String label, List<Integer> values) {
    }

    /** @return a horizontal stacked bar chart, one row per category, a legend below */
    public static String stacked(String title, List<String> series, List<Row> rows) {
        int max = Math.max(1, rows.stream().mapToInt(r -> r.values().stream().mapToInt(Integer::intValue).sum())
                .max().orElse(1));
        int legendRows = (series.size() + 2) / 3;
        int height = rows.size() * ROW + 16 + legendRows * 20 + 10;
        int width = LABEL + BAR + 60;
        StringBuilder svg = open(title, width, height);
        int y = 8;
        for (Row row : rows) {
            svg.append(text(LABEL - 8, y + 17, "end", row.label()));
            double x = LABEL;
            int total = 0;
            for (int i = 0; i < row.values().size(); i++) {
                int value = row.values().get(i);
                if (value > 0) {
                    double w = (double) value * BAR / max;
                    svg.append(String.format(Locale.ROOT, "<rect x=\"%.1f\" y=\"%d\" width=\"%.1f\" height=\"%d\""
                            + " fill=\"%s\"><title>%s — %s: %d</title></rect>", x, y + 3, w, ROW - 8,
                            PALETTE[i % PALETTE.length], escape(row.label()), escape(series.get(i)), value));
                    x += w;
                    total += value;
                }
            }
            svg.append(text((int) x + 6, y + 17, "start", Integer.toString(total)));
            y += ROW;
        }
        y += 8;
        for (int i = 0; i < series.size(); i++) {
            int lx = 10 + (i % 3) * 230;
            int ly = y + (i / 3) * 20;
            svg.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"12\" height=\"12\" fill=\"%s\"/>",
                    lx, ly, PALETTE[i % PALETTE.length]));
            svg.append(text(lx + 18, ly + 11, "start", series.get(i)));
        }
        return svg.append("</svg>").toString();
    }

    /** @return a vertical bar chart of one value per label (null values leave a gap) */
    public static String columns(String title, List<String> labels, List<? extends Number> values, String unit) {
        double max = Math.max(1, values.stream().filter(v -> v != null).mapToDouble(Number::doubleValue).max()
                .orElse(1));
        int plot = 160;
        int step = 44;
        int width = 40 + labels.size() * step;
        int height = plot + 60;
        StringBuilder svg = open(title, width, height);
        svg.append(String.format(Locale.ROOT, "<line x1=\"30\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#666\"/>",
                plot + 10, width - 4, plot + 10));
        for (int i = 0; i < labels.size(); i++) {
            int x = 36 + i * step;
            Number value = values.get(i);
            if (value != null) {
                double h = value.doubleValue() * plot / max;
                String shown = value.doubleValue() == Math.rint(value.doubleValue())
                        ? Long.toString(Math.round(value.doubleValue()))
                        : String.format(Locale.ROOT, "%.1f", value.doubleValue());
                svg.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%.1f\" width=\"30\" height=\"%.1f\""
                        + " fill=\"%s\"><title>%s: %s %s</title></rect>", x, plot + 10 - h, h, PALETTE[0],
                        escape(labels.get(i)), shown, escape(unit)));
                svg.append(text(x + 15, (int) (plot + 6 - h), "middle", shown));
            }
            svg.append(text(x + 15, plot + 28, "middle", labels.get(i)));
        }
        return svg.append("</svg>").toString();
    }

    /** @return the map's values in the order of the keys, 0 for missing ones */
    public static <K> List<Integer> valuesOf(Map<K, Integer> counts, List<K> keys) {
        return keys.stream().map(k -> counts.getOrDefault(k, 0)).toList();
    }

    private static StringBuilder open(String title, int width, int height) {
        return new StringBuilder(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\""
                + " role=\"img\" width=\"%d\" height=\"%d\" viewBox=\"0 0 %d %d\" font-family=\"sans-serif\""
                + " font-size=\"12\"><title>%s</title>", width, height, width, height, escape(title)));
    }

    private static String text(int x, int y, String anchor, String content) {
        return String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" text-anchor=\"%s\" fill=\"#222\">%s</text>", x, y,
                anchor, escape(content));
    }

    /** @return the text safe inside SVG/XML content and attribute values */
    public static String escape(String text) {
        if (text == null) {
            return "";
        }
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;")
                .replace("'", "&#39;");
    }
}
