package dev.kreis.platform.bulk;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * Writes an export as CSV, row by row, to a stream. German ({@code de}) means headers in German, {@code ;}
 * between fields, decimal comma and a byte-order mark, as Excel expects in a German locale; English means
 * {@code ,} and a decimal point. Text cells starting with {@code = + - @}, a tab or a carriage return are
 * prefixed with a single quote (OWASP's advice against spreadsheet formula injection); numbers written
 * here are the platform's own and go out as they are.
 */
public final class CsvExport implements AutoCloseable {
    private final CSVPrinter printer;
    private final ExportLanguage language;
    private final DecimalFormat decimal;
    private final List<Object> row = new ArrayList<>();

    /** The language of an export's headers and numbers. */
    public enum ExportLanguage {
        EN, DE;

        public static ExportLanguage of(String value) {
            return value != null && value.trim().toLowerCase(Locale.ROOT).startsWith("de") ? DE : EN;
        }
    }

    public CsvExport(OutputStream out, ExportLanguage language) {
        this.language = language;
        try {
            if (language == ExportLanguage.DE) {
                out.write(new byte[] { (byte) 0xEF, (byte) 0xBB, (byte) 0xBF });
            }
            Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
            CSVFormat format = CSVFormat.RFC4180.builder().setDelimiter(language == ExportLanguage.DE ? ';' : ',').get();
            this.printer = new CSVPrinter(writer, format);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        DecimalFormatSymbols symbols = DecimalFormatSymbols.getInstance(language == ExportLanguage.DE ? Locale.GERMANY : Locale.ROOT);
        this.decimal = new DecimalFormat("0.##########", symbols);
        this.decimal.setGroupingUsed(false);
    }

    public ExportLanguage language() {
        return language;
    }

    /** Writes the header row: English name, German name, one pair per column. */
    public void header(String... englishThenGerman) {
        for (int i = 0; i < englishThenGerman.length; i += 2) {
            row.add(language == ExportLanguage.DE ? englishThenGerman[i + 1] : englishThenGerman[i]);
        }
        end();
    }

    public CsvExport text(String value) {
        row.add(value == null ? "" : neutralise(value));
        return this;
    }

    public CsvExport number(BigDecimal value) {
        row.add(value == null ? "" : decimal.format(value));
        return this;
    }

    public CsvExport number(Double value) {
        return number(value == null || value.isNaN() ? null : BigDecimal.valueOf(value));
    }

    public CsvExport number(long value) {
        return number(BigDecimal.valueOf(value));
    }

    /** Ends the row. */
    public void end() {
        try {
            printer.printRecord(row);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        row.clear();
    }

    /** The text as a spreadsheet shows it, never as a formula. */
    public static String neutralise(String value) {
        if (value.isEmpty()) {
            return value;
        }
        char first = value.charAt(0);
        return first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r' ? "'" + value : value;
    }

    @Override
    public void close() {
        try {
            printer.close(true);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
