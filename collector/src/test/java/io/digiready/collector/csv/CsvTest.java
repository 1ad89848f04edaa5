package io.digiready.collector.csv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class CsvTest {

  @Test
  void every_export_starts_with_a_bom_ends_lines_with_crlf_and_quotes_as_rfc_4180() {
    String out =
        new String(
            new CsvWriter().row(List.of("a", "Xã \"Phú\", Lộc")).row(List.of("two\nlines")).bytes(),
            StandardCharsets.UTF_8);
    assertThat(out).isEqualTo("\uFEFFa,\"Xã \"\"Phú\"\", Lộc\"\r\n\"two\nlines\"\r\n");
  }

  @Test
  void cells_that_a_spreadsheet_would_run_as_a_formula_stay_text() {
    for (String formula :
        List.of("=1+1", "+1+1", "-1+1", "@SUM(A1)", "\t=1+1", "\r=1+1", "=HYPERLINK(\"x\")")) {
      assertThat(CsvWriter.field(formula)).as(formula).matches("(?s)\"?'.*");
    }
    // Text that only Java's number parser reads as a number is guarded too.
    for (String almost : List.of("\t-3", "-1d", "-0x1p3", "-Infinity", "+NaN", "-3 ")) {
      assertThat(CsvWriter.field(almost)).as(almost).matches("(?s)\"?'.*");
    }
    assertThat(CsvWriter.field("-3")).isEqualTo("-3");
    assertThat(CsvWriter.field("-0.9800")).isEqualTo("-0.9800");
    assertThat(CsvWriter.field("+1e-5")).isEqualTo("+1e-5");
    assertThat(CsvWriter.field("0.98")).isEqualTo("0.98");
    assertThat(CsvWriter.field("Xã Phú Lộc")).isEqualTo("Xã Phú Lộc");
  }

  @Test
  void a_file_not_in_utf_8_is_refused_with_the_line_of_its_first_bad_byte() {
    byte[] cp1252 =
        "code,name,parent,kind,staff\na,Xã Phú,,commune,3\n"
            .getBytes(Charset.forName("windows-1252"));
    assertThatThrownBy(() -> CsvReader.read(cp1252)).hasMessageStartingWith("line 2: not UTF-8");
  }

  @Test
  void a_surrogate_encoded_as_utf_8_bytes_is_not_utf_8() {
    byte[] bytes = {'a', '\n', 'b', (byte) 0xED, (byte) 0xA0, (byte) 0x80, '\n'};
    assertThatThrownBy(() -> CsvReader.read(bytes)).hasMessageStartingWith("line 2: not UTF-8");
  }

  @Test
  void a_bom_is_accepted_and_dropped() {
    var records = CsvReader.read("\uFEFFcode,name\r\n".getBytes(StandardCharsets.UTF_8));
    assertThat(records.get(0).fields()).containsExactly("code", "name");
  }

  @Test
  void a_stray_quote_inside_an_unquoted_field_is_refused() {
    assertThatThrownBy(
            () -> CsvReader.read("code,name\na,Văn \"Một cửa\"\n".getBytes(StandardCharsets.UTF_8)))
        .hasMessageStartingWith("line 2: a quote inside a field must be doubled");
    assertThatThrownBy(
            () -> CsvReader.read("code,name\na,\"Văn\"phòng\n".getBytes(StandardCharsets.UTF_8)))
        .hasMessageStartingWith("line 2: a quote inside a field");
  }
}
