package org.cartable.fleet.internal;

import java.util.ArrayList;
import java.util.List;

/**
 * Just enough CSV (RFC 4180 quoting) for delivery imports and GLPI exports: spreadsheets in France write ';', others
 * ','; the header line decides. A UTF-8 byte order mark is ignored.
 */
public final class Csv {

    private Csv() {
    }

    /** A parsed line and its number in the text (1 = first line). */
    public record Row(int line, List<String> cells) {
    }

    /** @return the non-blank rows, the header first */
    public static List<Row> parse(String text) {
        String body = text.startsWith("\uFEFF") ? text.substring(1) : text;
        int firstEnd = body.indexOf('\n');
        String header = firstEnd < 0 ? body : body.substring(0, firstEnd);
        char separator = count(header, ';') >= count(header, ',') && count(header, ';') > 0 ? ';' : ',';
        List<Row> rows = new ArrayList<>();
        List<String> cells = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        int line = 1;
        int rowLine = 1;
        for (int i = 0; i < body.length(); i++) {
            char c = body.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < body.length() && body.charAt(i + 1) == '"') {
                    cell.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    if (c == '\n') {
                        line++;
                    }
                    cell.append(c);
                }
            } else if (c == '"' && cell.isEmpty()) {
                quoted = true;
            } else if (c == separator) {
                cells.add(cell.toString());
                cell.setLength(0);
            } else if (c == '\n' || c == '\r') {
                if (c == '\r' && i + 1 < body.length() && body.charAt(i + 1) == '\n') {
                    i++;
                }
                cells.add(cell.toString());
                cell.setLength(0);
                addRow(rows, rowLine, cells);
                cells = new ArrayList<>();
                line++;
                rowLine = line;
            } else {
                cell.append(c);
            }
        }
        cells.add(cell.toString());
        addRow(rows, rowLine, cells);
        return rows;
    }

    private static void addRow(List<Row> rows, int line, List<String> cells) {
        if (cells.stream().anyMatch(c -> !c.isBlank())) {
            rows.add(new Row(line, cells.stream().map(String::strip).toList()));
        }
    }

    private static int count(String text, char c) {
        return (int) text.chars().filter(x -> x == c).count();
    }

    /** @return the cells as one line, quoted where needed, ending with CRLF */
    public static String line(char separator, List<String> cells) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                out.append(separator);
            }
            String cell = cells.get(i) == null ? "" : cells.get(i);
            // A cell starting with = + - @ would run as a formula in a spreadsheet: neutralise it.
            if (!cell.isEmpty() && "=+-@".indexOf(cell.charAt(0)) >= 0 && !cell.matches("-?\\d+(\\.\\d+)?")) {
                cell = "'" + cell;
            }
            if (cell.indexOf(separator) >= 0 || cell.indexOf('"') >= 0 || cell.indexOf('\n') >= 0
                    || cell.indexOf('\r') >= 0) {
                cell = '"' + cell.replace("\"", "\"\"") + '"';
            }
            out.append(cell);
        }
        return out.append("\r\n").toString();
    }
}
