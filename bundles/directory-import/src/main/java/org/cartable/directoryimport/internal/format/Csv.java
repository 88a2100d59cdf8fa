package org.cartable.directoryimport.internal.format;

import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.cartable.api.CartableException;

/**
 * Streaming CSV as schools' software exports it: UTF-8 with or without BOM, or Windows-1252 (Excel and the registry's
 * extracts); ';', ',' or tab separated (guessed from the header line); headers compared without accents, case or
 * punctuation.
 */
public final class Csv implements AutoCloseable, Iterable<Csv.Row> {

    static final Charset WINDOWS_1252 = Charset.forName("windows-1252");
    private static final int SNIFF_BYTES = 64 * 1024;

    private final String file;
    private final CSVParser parser;
    private final Map<String, Integer> columns = new HashMap<>();
    private final List<String> headers;

    private Csv(String file, Reader reader, char delimiter) throws IOException {
        this.file = file;
        this.parser = CSVFormat.Builder.create(CSVFormat.DEFAULT).setDelimiter(delimiter).setIgnoreEmptyLines(true)
                .setTrim(true).build().parse(reader);
        Iterator<CSVRecord> records = parser.iterator();
        if (!records.hasNext()) {
            throw CartableException.badRequest("The file '" + file + "' is empty.");
        }
        List<String> names = new ArrayList<>();
        for (String header : records.next()) {
            names.add(header);
            columns.putIfAbsent(key(header), names.size() - 1);
        }
        this.headers = List.copyOf(names);
    }

    /** Opens a CSV stream; the encoding and separator are guessed from its first bytes. */
    public static Csv open(String file, InputStream in) throws IOException {
        BufferedInputStream buffered = new BufferedInputStream(in, SNIFF_BYTES);
        Charset charset = charset(buffered);
        BufferedReader reader = new BufferedReader(new InputStreamReader(buffered, charset));
        reader.mark(SNIFF_BYTES);
        String firstLine = reader.readLine();
        reader.reset();
        return new Csv(file, reader, delimiter(firstLine == null ? "" : firstLine));
    }

    /** UTF-8 (a BOM is skipped) when the start of the file decodes as UTF-8, Windows-1252 otherwise. */
    static Charset charset(BufferedInputStream in) throws IOException {
        in.mark(SNIFF_BYTES);
        byte[] head = in.readNBytes(SNIFF_BYTES);
        in.reset();
        if (head.length >= 3 && (head[0] & 0xFF) == 0xEF && (head[1] & 0xFF) == 0xBB && (head[2] & 0xFF) == 0xBF) {
            in.skip(3);
            return StandardCharsets.UTF_8;
        }
        int length = head.length;
        // The sniffed block may end inside a multi-byte character: ignore an incomplete tail.
        int tail = 0;
        while (tail < 3 && length - tail - 1 >= 0 && (head[length - tail - 1] & 0xC0) == 0x80) {
            tail++;
        }
        if (length - tail - 1 >= 0 && (head[length - tail - 1] & 0xC0) == 0xC0) {
            length = length - tail - 1;
        }
        try {
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(head, 0, length));
            return StandardCharsets.UTF_8;
        } catch (CharacterCodingException notUtf8) {
            return WINDOWS_1252;
        }
    }

    static char delimiter(String headerLine) {
        long semicolons = headerLine.chars().filter(c -> c == ';').count();
        long commas = headerLine.chars().filter(c -> c == ',').count();
        long tabs = headerLine.chars().filter(c -> c == '\t').count();
        if (tabs > semicolons && tabs > commas) {
            return '\t';
        }
        return semicolons >= commas && semicolons > 0 ? ';' : ',';
    }

    /** @return the header without accents, case or punctuation: "Prénom élève" → "prenom eleve" */
    public static String key(String header) {
        // Called several times per line (names, yes/no cells): the patterns are compiled once.
        String ascii = MARKS.matcher(Normalizer.normalize(header == null ? "" : header, Normalizer.Form.NFD))
                .replaceAll("");
        return NOT_ALNUM.matcher(ascii.toLowerCase(Locale.ROOT)).replaceAll(" ").trim();
    }

    private static final java.util.regex.Pattern MARKS = java.util.regex.Pattern.compile("\\p{M}+");
    private static final java.util.regex.Pattern NOT_ALNUM = java.util.regex.Pattern.compile("[^a-z0-9]+");

    /** @return the index of the first column whose header matches one of the names, or -1 */
    public int column(String... names) {
        for (String name : names) {
            Integer index = columns.get(key(name));
            if (index != null) {
                return index;
            }
        }
        return -1;
    }

    /**
     * @return the column's index
     * @throws CartableException BAD_REQUEST naming the expected header when it is missing
     */
    public int required(String... names) {
        int index = column(names);
        if (index < 0) {
            throw CartableException.badRequest("The file '" + file + "' has no column '" + names[0]
                    + "' (columns found: " + String.join(", ", headers) + ").");
        }
        return index;
    }

    public String file() {
        return file;
    }

    @Override
    public Iterator<Row> iterator() {
        Iterator<CSVRecord> records = parser.iterator();
        return new Iterator<>() {
            @Override
            public boolean hasNext() {
                return records.hasNext();
            }

            @Override
            public Row next() {
                CSVRecord record = records.next();
                return new Row(new LineRef(file, record.getRecordNumber()), record.values());
            }
        };
    }

    @Override
    public void close() throws IOException {
        parser.close();
    }

    /** One line's values. */
    public record Row(LineRef line, String[] values) {

        /** @return the trimmed value, or null when the column is absent or the cell empty */
        public String get(int column) {
            if (column < 0 || column >= values.length) {
                return null;
            }
            String value = values[column];
            return value == null || value.isBlank() ? null : value.trim();
        }

        @Override
        public String toString() {
            return line + " " + Arrays.toString(values);
        }
    }
}
