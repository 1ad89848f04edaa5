package io.digiready.collector.units;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class UnitCsvTest {
  @Test
  void quoted_names_with_commas_quotes_and_line_breaks_are_read_whole() {
    var rows =
        UnitCsv.parse(
            utf8(
                "\uFEFFcode,name,parent,kind,staff\r\n"
                    + "a,\"Xã \"\"Phú\"\", Lộc\",,commune,3\r\n"
                    + "b,\"two\nlines\",a,commune,4\r\n"));
    assertThat(rows).hasSize(2);
    assertThat(rows.get(0).body().name()).isEqualTo("Xã \"Phú\", Lộc");
    assertThat(rows.get(0).body().parent()).isEmpty();
    assertThat(rows.get(1).body().name()).isEqualTo("two\nlines");
    assertThat(rows.get(1).line()).isEqualTo(3);
  }

  @Test
  void a_line_after_a_multi_line_field_is_numbered_as_in_an_editor() {
    assertThatThrownBy(
            () ->
                UnitCsv.parse(
                    utf8("code,name,parent,kind,staff\n" + "a,\"x\ny\",,c,1\n" + "b,B,,c,lots\n")))
        .hasMessage("line 4: staff: must be a whole number. Found: lots");
  }

  @Test
  void blank_lines_are_skipped_and_the_last_line_needs_no_newline() {
    var rows = UnitCsv.parse(utf8("code,name,parent,kind,staff\n\na,A,,c,1"));
    assertThat(rows).singleElement().satisfies(r -> assertThat(r.line()).isEqualTo(3));
  }

  private static byte[] utf8(String s) {
    return s.getBytes(java.nio.charset.StandardCharsets.UTF_8);
  }
}
