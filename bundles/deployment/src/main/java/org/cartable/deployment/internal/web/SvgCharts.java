package org.cartable.deployment.internal.web;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/**
 * Small server-rendered SVG charts: no script (the shell's CSP allows none inline), readable on a phone (they scale
 * with the viewBox), with a text alternative for screen readers. Every text from data is XML-escaped here.
 */
public final class SvgCharts {

    private static final int WIDTH = 640;
    private static final int ROW = 28;
    private static final int LABEL = 220;

    private SvgCharts() {
    }

    /** One bar: a label and a value (a percentage or a count). */
    public record Bar(String label, double value, String valueText) {
    }

    /** One point of a series over time. */
    public record Point(LocalDate day, double value) {
    }

    /** Horizontal bars scaled to {@code max} (e.g. 100 for percentages). */
    public static String bars(String title, List<Bar> bars, double max) {
        int height = Math.max(ROW, bars.size() * ROW) + 8;
        StringBuilder svg = open(title, height);
        double scale = max <= 0 ? 0 : (WIDTH - LABEL - 70) / max;
        int y = 4;
        for (Bar bar : bars) {
            double width = Math.max(0, Math.min(bar.value(), max)) * scale;
            svg.append("<text class=\"chart-label\" font-size=\"14\" x=\"0\" y=\"").append(y + 18).append("\">")
                    .append(escape(shorten(bar.label()))).append("</text>");
            svg.append("<rect class=\"chart-bar\" fill=\"#2f6fb0\" x=\"").append(LABEL).append("\" y=\"").append(y + 4)
                    .append("\" width=\"").append(format(width)).append("\" height=\"").append(ROW - 10)
                    .append("\" rx=\"3\"/>");
            svg.append("<text class=\"chart-value\" font-size=\"13\" fill=\"#444\" x=\"").append(format(LABEL + width + 6)).append("\" y=\"")
                    .append(y + 18).append("\">").append(escape(bar.valueText())).append("</text>");
            y += ROW;
        }
        return svg.append("</svg>").toString();
    }

    /** A line over time, the y axis from 0 to {@code max}. */
    public static String line(String title, List<Point> points, double max) {
        int height = 220;
        int left = 40;
        int bottom = height - 24;
        StringBuilder svg = open(title, height);
        svg.append("<line class=\"chart-axis\" stroke=\"#888\" x1=\"").append(left).append("\" y1=\"").append(bottom)
                .append("\" x2=\"").append(WIDTH).append("\" y2=\"").append(bottom).append("\"/>");
        svg.append("<text class=\"chart-value\" font-size=\"13\" fill=\"#444\" x=\"0\" y=\"14\">").append(escape(format(max))).append("</text>");
        svg.append("<text class=\"chart-value\" font-size=\"13\" fill=\"#444\" x=\"0\" y=\"").append(bottom).append("\">0</text>");
        if (!points.isEmpty()) {
            LocalDate first = points.get(0).day();
            long days = Math.max(1, points.get(points.size() - 1).day().toEpochDay() - first.toEpochDay());
            double xScale = (WIDTH - left - 10) / (double) days;
            double yScale = max <= 0 ? 0 : (bottom - 10) / max;
            StringBuilder path = new StringBuilder();
            for (Point point : points) {
                double x = left + (point.day().toEpochDay() - first.toEpochDay()) * xScale;
                double y = bottom - Math.min(point.value(), max) * yScale;
                path.append(path.length() == 0 ? "" : " ").append(format(x)).append(',').append(format(y));
            }
            svg.append("<polyline class=\"chart-line\" fill=\"none\" stroke=\"#2f6fb0\" stroke-width=\"3\" points=\"").append(path).append("\"/>");
            DateTimeFormatter dates = DateTimeFormatter.ofPattern("dd/MM/yyyy", Locale.ROOT);
            svg.append("<text class=\"chart-value\" font-size=\"13\" fill=\"#444\" x=\"").append(left).append("\" y=\"").append(height - 4)
                    .append("\">").append(first.format(dates)).append("</text>");
            svg.append("<text class=\"chart-value\" font-size=\"13\" fill=\"#444\" text-anchor=\"end\" x=\"").append(WIDTH).append("\" y=\"")
                    .append(height - 4).append("\">").append(points.get(points.size() - 1).day().format(dates))
                    .append("</text>");
        }
        return svg.append("</svg>").toString();
    }

    private static StringBuilder open(String title, int height) {
        return new StringBuilder("<svg class=\"chart\" role=\"img\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 ")
                .append(WIDTH).append(' ').append(height).append("\" aria-label=\"").append(escape(title))
                .append("\"><title>").append(escape(title)).append("</title>");
    }

    private static String shorten(String label) {
        return label.length() <= 30 ? label : label.substring(0, 29) + "…";
    }

    private static String format(double value) {
        return value == Math.rint(value) ? Long.toString((long) value) : String.format(Locale.ROOT, "%.1f", value);
    }

    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
