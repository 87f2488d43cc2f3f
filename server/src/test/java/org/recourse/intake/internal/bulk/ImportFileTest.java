package org.recourse.intake.internal.bulk;

import org.recourse.platform.CsvCells;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

class ImportFileTest {

    private static List<ImportFile.Line> lines(String content) throws Exception {
        List<ImportFile.Line> lines = new ArrayList<>();
        ImportFile.of(content).forEachLine(lines::add);
        return lines;
    }

    @Test
    void readsTheHotlineFormatWithHeader() throws Exception {
        var lines = lines("URL;REFERER;WORKUSER-EMAIL;REFERENCE;SOURCE;TYPE\r\n"
                + "https://a.example/1;https://ref.example/;analyst@hotline.example;REF-1;INHOPE;deepfake\r\n"
                + "https://a.example/2\r\n\r\n");
        assertThat(lines).hasSize(2);
        var first = lines.getFirst();
        assertThat(first.number()).isEqualTo(2);
        assertThat(first.report().items().getFirst().url()).isEqualTo("https://a.example/1");
        assertThat(first.report().items().getFirst().referer()).isEqualTo("https://ref.example/");
        assertThat(first.report().forms()).containsExactly("deepfake");
        assertThat(first.report().origin().externalReference()).isEqualTo("REF-1");
        assertThat(first.report().origin().source()).isEqualTo("INHOPE");
        assertThat(lines.get(1).report().items().getFirst().url()).isEqualTo("https://a.example/2");
    }

    @Test
    void readsTheHotlineFormatWithoutHeader() throws Exception {
        var lines = lines("https://a.example/1;;;R1\nhttps://a.example/2");
        assertThat(lines).extracting(ImportFile.Line::number).containsExactly(1, 2);
        assertThat(lines.get(0).report().origin().externalReference()).isEqualTo("R1");
    }

    @Test
    void readsOurOwnFormatInAnyColumnOrder() throws Exception {
        var file = ImportFile.of("reference,url,forms,platform\nX1,\"https://a.example/?a=1,2\",deepfake|doxing,Telegram\n");
        assertThat(file.format()).isEqualTo(ImportFile.Format.OWN);
        List<ImportFile.Line> lines = new ArrayList<>();
        file.forEachLine(lines::add);
        var report = lines.getFirst().report();
        assertThat(report.items().getFirst().url()).isEqualTo("https://a.example/?a=1,2");
        assertThat(report.items().getFirst().platform()).isEqualTo("Telegram");
        assertThat(report.forms()).containsExactly("deepfake", "doxing");
        assertThat(file.column("items[0].url")).isEqualTo("url");
    }

    @Test
    void quotedFieldsMaySpanLinesAndLineNumbersFollowTheFile() throws Exception {
        var lines = lines("url;description\n\"https://a.example/1\";\"two\nlines \"\"quoted\"\"\"\nhttps://a.example/2;x\n");
        assertThat(lines).extracting(ImportFile.Line::number).containsExactly(2, 4);
        assertThat(lines.getFirst().report().items().getFirst().description()).isEqualTo("two\nlines \"quoted\"");
    }

    @Test
    void aLineWithTooManyColumnsIsAnError() throws Exception {
        var lines = lines("URL;REFERER;WORKUSER-EMAIL;REFERENCE;SOURCE;TYPE\na;b;c;d;e;f;g\n");
        assertThat(lines.getFirst().errors()).extracting(e -> e.messageKey()).containsExactly("intake.import.error.columns");
    }

    @Test
    void anUnknownColumnMakesTheFileUnreadable() {
        assertThatThrownBy(() -> ImportFile.of("url,colour\nhttps://a.example/,red"))
                .isInstanceOfSatisfying(ImportFile.Unreadable.class, e -> assertThat(e.detail()).isEqualTo("colour"));
        assertThatThrownBy(() -> ImportFile.of("\n")).isInstanceOf(ImportFile.Unreadable.class);
    }

    @Test
    void errorReportCellsCannotRunAsFormulas() {
        assertThat(CsvCells.neutralise("=HYPERLINK(\"x\")")).isEqualTo("'=HYPERLINK(\"x\")");
        assertThat(CsvCells.neutralise("+31 6")).isEqualTo("'+31 6");
        assertThat(CsvCells.neutralise("-1")).isEqualTo("'-1");
        assertThat(CsvCells.neutralise("@SUM(A1)")).isEqualTo("'@SUM(A1)");
        assertThat(CsvCells.neutralise("\t=1")).isEqualTo("'\t=1");
        assertThat(CsvCells.neutralise("https://a.example/")).isEqualTo("https://a.example/");
        assertThat(CsvCells.row(List.of("3", "=cmd|' /C calc'!A0", "say \"hi\"")))
                .isEqualTo("\"3\";\"'=cmd|' /C calc'!A0\";\"say \"\"hi\"\"\"\r\n");
    }
}
