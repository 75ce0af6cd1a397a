package dev.kreis.platform.bulk;

import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.Closeable;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * An import file opened for reading, streamed record by record: the encoding comes from the byte-order
 * mark, the plan, or a look at the first 64 KB (UTF-8 unless that is not valid UTF-8, then windows-1252);
 * the delimiter from the plan or the header line (the most frequent of , ; and tab outside quotes).
 * Data rows are numbered from 1 (the header is row 0); each knows the line it starts on.
 */
final class CsvFile implements Closeable {
    private static final int SNIFF = 64 * 1024;
    private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

    private final CSVParser parser;
    private final CountingStream counted;
    private final Iterator<CSVRecord> records;
    private final List<String> header;
    private final char delimiter;
    private long row;

    /** One data row, or where and why the file could not be read any further. */
    record Row(long number, long line, CSVRecord record, String unreadable) {
    }

    private CsvFile(CSVParser parser, CountingStream counted, char delimiter) {
        this.parser = parser;
        this.counted = counted;
        this.records = parser.iterator();
        this.delimiter = delimiter;
        if (!records.hasNext()) {
            throw new UnreadableFileException("the file is empty: it needs a header row");
        }
        List<String> names = new ArrayList<>();
        records.next().forEach(name -> names.add(name.trim()));
        this.header = List.copyOf(names);
    }

    static CsvFile open(Path file, ImportPlan plan) throws IOException {
        CountingStream counted = new CountingStream(Files.newInputStream(file));
        InputStream in = new BufferedInputStream(counted, SNIFF);
        try {
            in.mark(SNIFF);
            byte[] head = in.readNBytes(SNIFF);
            in.reset();
            int bom = head.length >= 3 && (head[0] & 0xFF) == 0xEF && (head[1] & 0xFF) == 0xBB && (head[2] & 0xFF) == 0xBF ? 3 : 0;
            in.skipNBytes(bom);
            Charset encoding = bom > 0 ? StandardCharsets.UTF_8 : plan.encoding() != null ? plan.encoding() : sniff(head);
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, encoding), 1 << 16);
            char delimiter = plan.delimiter() != null ? plan.delimiter() : delimiter(new String(head, bom, head.length - bom, encoding));
            CSVFormat format = CSVFormat.RFC4180.builder().setDelimiter(delimiter).setIgnoreEmptyLines(true).setTrim(false).get();
            return new CsvFile(CSVParser.builder().setReader(reader).setFormat(format).get(), counted, delimiter);
        } catch (IOException | RuntimeException e) {
            in.close();
            throw e;
        }
    }

    List<String> header() {
        return header;
    }

    char delimiter() {
        return delimiter;
    }

    /** Bytes read from the file so far (up to two buffers ahead of the rows handed out), for progress. */
    long position() {
        return counted.count;
    }

    /** The next data row, or null at the end; after an unreadable row there is none. */
    Row next() {
        long line = parser.getCurrentLineNumber() + 1;
        try {
            if (!records.hasNext()) {
                return null;
            }
            CSVRecord record = records.next();
            return new Row(++row, line, record, null);
        } catch (UncheckedIOException | IllegalStateException e) {
            String reason = e.getMessage() != null && e.getMessage().contains("EOF reached before encapsulated token finished")
                    ? "a quoted field starting in this row (line " + line + ") is never closed, so no row from here on could be read"
                    : "the file cannot be read from here on: " + e.getMessage();
            return new Row(++row, line, null, reason);
        }
    }

    /** Skips rows already done (a resumed import); answers how many it skipped. */
    long skip(long rows) {
        long skipped = 0;
        while (skipped < rows && records.hasNext()) {
            records.next();
            row++;
            skipped++;
        }
        return skipped;
    }

    @Override
    public void close() throws IOException {
        parser.close();
    }

    private static Charset sniff(byte[] head) {
        int end = head.length;
        while (end > 0 && end > head.length - 4 && (head[end - 1] & 0xC0) == 0x80) {
            end--;
        }
        if (end > 0 && end < head.length && (head[end - 1] & 0x80) != 0) {
            end--;
        }
        try {
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(head, 0, end));
            return StandardCharsets.UTF_8;
        } catch (CharacterCodingException e) {
            return WINDOWS_1252;
        }
    }

    private static char delimiter(String head) {
        int comma = 0;
        int semicolon = 0;
        int tab = 0;
        boolean quoted = false;
        for (int i = 0; i < head.length(); i++) {
            char c = head.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            } else if (!quoted && (c == '\n' || c == '\r')) {
                break;
            } else if (!quoted) {
                comma += c == ',' ? 1 : 0;
                semicolon += c == ';' ? 1 : 0;
                tab += c == '\t' ? 1 : 0;
            }
        }
        return tab > comma && tab > semicolon ? '\t' : semicolon > comma ? ';' : ',';
    }

    /** Counts the bytes read through it. */
    private static final class CountingStream extends FilterInputStream {
        private long count;

        CountingStream(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            count += b < 0 ? 0 : 1;
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            count += Math.max(0, n);
            return n;
        }
    }
}
