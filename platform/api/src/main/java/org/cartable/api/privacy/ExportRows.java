package org.cartable.api.privacy;

import java.io.IOException;
import java.sql.Clob;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns the rows of a native query into what {@link PersonalDataSink#json} writes well: one map per row with named
 * columns, CLOBs as text and timestamps as instants. Call it inside the query's transaction (a CLOB is only readable
 * there).
 */
public final class ExportRows {

    private ExportRows() {
    }

    /**
     * @param resultList what {@code Query.getResultList()} answered: arrays of column values, or single values when
     *                   one column was selected
     * @param names      the name of each selected column, in order
     */
    public static List<Map<String, Object>> named(List<?> resultList, String... names) {
        List<Map<String, Object>> rows = new ArrayList<>(resultList.size());
        for (Object row : resultList) {
            Object[] values = row instanceof Object[] array ? array : new Object[] {row};
            Map<String, Object> map = new LinkedHashMap<>();
            for (int i = 0; i < names.length; i++) {
                map.put(names[i], plain(values[i]));
            }
            rows.add(map);
        }
        return rows;
    }

    /** Writes {@code <name>.json} only when there is something to say: an empty file would be noise in the ZIP. */
    public static void writeUnlessEmpty(PersonalDataSink sink, String name, List<?> rows) throws IOException {
        if (!rows.isEmpty()) {
            sink.json(name, rows);
        }
    }

    private static Object plain(Object value) {
        try {
            if (value instanceof Clob clob) {
                return clob.getSubString(1, (int) clob.length());
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read a text column", e);
        }
        return value instanceof Timestamp timestamp ? timestamp.toInstant() : value;
    }
}
