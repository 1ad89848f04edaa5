package io.digiready.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PlaceholdersTest {

  @ParameterizedTest(name = "\"{0}\" is unknown")
  @ValueSource(
      strings = {
        "Default string",
        "To be filled by O.E.M.",
        "TO BE FILLED BY O.E.M.",
        "System Serial Number",
        "System Product Name",
        "Base Board Serial Number",
        "Not Specified",
        "unknown",
        "  ",
        "0",
        "00000000",
        "00000000-0000-0000-0000-000000000000",
        "FFFFFFFF-FFFF-FFFF-FFFF-FFFFFFFFFFFF",
        "03000200-0400-0500-0006-000700080009",
        "00:00:00:00:00:00",
        "123456789",
        "........",
        "xxxxxxxx"
      })
  void known_placeholders_become_null(String value) {
    assertThat(Placeholders.clean(value)).isNull();
    assertThat(Placeholders.isPlaceholder(value)).isTrue();
  }

  @ParameterizedTest(name = "\"{0}\" is kept")
  @ValueSource(
      strings = {
        "7XK2M33",
        "4c4c4544-0058-4b10-8032-b7c04f4d3333",
        "/7XK2M33/CNFCW0011200XY/",
        "Dell Inc.",
        "a4:bb:6d:12:34:56",
        "0J37VM",
        "1"
      })
  void real_values_are_kept(String value) {
    assertThat(Placeholders.clean(value)).isEqualTo(value);
  }

  @Test
  void surrounding_white_space_is_trimmed_and_null_stays_null() {
    assertThat(Placeholders.clean("  7XK2M33 \n")).isEqualTo("7XK2M33");
    assertThat(Placeholders.clean(null)).isNull();
  }
}
