package dev.kreis.platform.bulk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsvFileTest {

    @TempDir
    Path dir;

    private static ImportPlan plan(Map<String, Object> options) {
        return ImportPlan.of(new ImportSpec("profiles", "test", false,
                new ImportOptions((String) options.get("delimiter"), (String) options.get("encoding"),
                        (String) options.get("decimalSeparator"), (String) options.get("dateFormat")),
                Map.of("Nr", new ColumnMapping("externalId", null, null, null)), null, false));
    }

    private Path file(byte[] bytes) throws IOException {
        Path file = dir.resolve("f.csv");
        Files.write(file, bytes);
        return file;
    }

    @Test
    void aBomAndSemicolonsAreDetectedAndUmlautsReadAsUtf8() throws IOException {
        byte[] text = "\uFEFFNr;Name\nK-1;Müller\n".getBytes(StandardCharsets.UTF_8);
        try (CsvFile csv = CsvFile.open(file(text), plan(Map.of()))) {
            assertEquals(List.of("Nr", "Name"), csv.header());
            assertEquals(';', csv.delimiter());
            assertEquals("Müller", csv.next().record().get(1));
        }
    }

    @Test
    void aFileThatIsNotUtf8IsReadAsWindows1252AndTabsAreDetected() throws IOException {
        byte[] text = "Nr\tName\tOrt\nK-1\tJürgen\tKöln\n".getBytes(Charset.forName("windows-1252"));
        try (CsvFile csv = CsvFile.open(file(text), plan(Map.of()))) {
            assertEquals('\t', csv.delimiter());
            assertEquals("Köln", csv.next().record().get(2));
        }
    }

    @Test
    void quotedLineBreaksStayInTheirFieldAndRowsKnowTheLineTheyStartOn() throws IOException {
        byte[] text = "Nr,Note\nK-1,\"two\nlines\"\nK-2,\"a, b\"\n".getBytes(StandardCharsets.UTF_8);
        try (CsvFile csv = CsvFile.open(file(text), plan(Map.of()))) {
            CsvFile.Row first = csv.next();
            CsvFile.Row second = csv.next();
            assertEquals("two\nlines", first.record().get(1));
            assertEquals(List.of(1L, 2L), List.of(first.number(), first.line()));
            assertEquals(List.of(2L, 4L), List.of(second.number(), second.line()));
            assertEquals("a, b", second.record().get(1));
            assertNull(csv.next());
        }
    }

    @Test
    void anUnclosedQuoteIsReportedAtTheRowAndLineWhereItStarts() throws IOException {
        byte[] text = "Nr,Note\nK-1,fine\nK-2,\"never closed\nK-3,x\n".getBytes(StandardCharsets.UTF_8);
        try (CsvFile csv = CsvFile.open(file(text), plan(Map.of()))) {
            csv.next();
            CsvFile.Row broken = csv.next();
            assertEquals(2, broken.number());
            assertTrue(broken.unreadable().contains("line 3"), broken.unreadable());
        }
    }

    @Test
    void germanNumbersAndDatesAreReadWithTheirOptions() {
        CellValues values = new CellValues(plan(Map.of("decimalSeparator", ",", "dateFormat", "dd.MM.yyyy")));
        assertEquals(new BigDecimal("1234.56"), values.number("1.234,56").orElseThrow());
        assertEquals("2026-12-31T00:00Z", values.time("31.12.2026").orElseThrow());
        assertTrue(values.number("12,3,4x").isEmpty());
        assertTrue(values.time("2026-12-31").isEmpty());
    }

    @Test
    void cellsASpreadsheetWouldRunAsFormulasAreEscaped() {
        for (String formula : List.of("=1+2", "+1", "-1", "@SUM(A1)", "\tx", "\rx")) {
            assertEquals("'" + formula, CsvExport.neutralise(formula));
        }
        assertEquals("Anna", CsvExport.neutralise("Anna"));
        assertEquals("", CsvExport.neutralise(""));
    }
}
