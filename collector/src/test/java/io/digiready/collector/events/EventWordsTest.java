package io.digiready.collector.events;

import static org.assertj.core.api.Assertions.assertThat;

import io.digiready.collector.reports.Language;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

class EventWordsTest {
  static final ZoneId HANOI = ZoneId.of("Asia/Ho_Chi_Minh");
  static final EventWords VI = EventWords.of(Language.VI);
  static final EventWords EN = EventWords.of(Language.EN);

  @Test
  void every_phrase_has_words_in_both_languages() {
    assertThat(EventTemplates.VI.keySet()).isEqualTo(EventTemplates.EN.keySet());
  }

  @Test
  void sizes_counts_and_times_are_written_the_way_each_language_writes_them() {
    Phrase memory =
        Phrase.of(
            "changed",
            "field",
            Phrase.of("field.memory"),
            "before",
            new Phrase.Bytes(8L << 30),
            "after",
            new Phrase.Bytes(3_865_470_566L));
    assertThat(VI.say(memory, HANOI)).isEqualTo("bộ nhớ: 8 GiB → 3,6 GiB");
    assertThat(EN.say(memory, HANOI)).isEqualTo("memory 8 GiB -> 3.6 GiB");

    Phrase received = Phrase.of("softwareReceived", "count", 1234);
    assertThat(VI.say(received, HANOI)).isEqualTo("đã nhận danh sách phần mềm: 1.234 ứng dụng");
    assertThat(EN.say(received, HANOI)).isEqualTo("software list received: 1,234 applications");
    assertThat(EN.say(Phrase.of("softwareReceived", "count", 1), HANOI))
        .isEqualTo("software list received: 1 application");
    assertThat(EN.say(Phrase.of("softwareReceived", "count", 0), HANOI))
        .isEqualTo("software list received: no application");

    // 17:14:27 UTC is 00:14:27 the next day in the office.
    Phrase alive =
        Phrase.of(
            "duplicateNew",
            "machine",
            "m-1",
            "hostname",
            "PC-07",
            "reason",
            Phrase.of("reasonAlive", "at", Instant.parse("2026-12-07T17:14:27.182991433Z")));
    assertThat(VI.say(alive, HANOI))
        .isEqualTo(
            "cùng phần cứng với máy m-1 (PC-07), máy đó đang hoạt động (có tín hiệu lúc"
                + " 08/12/2026 00:14:27 (UTC+07:00))");
    assertThat(EN.say(alive, HANOI))
        .isEqualTo(
            "same hardware as m-1 (PC-07) is alive (a heartbeat at 2026-12-08 00:14:27 (UTC+07:00))");
  }

  @Test
  void a_value_the_machine_did_not_report_is_said_as_unknown() {
    Phrase p =
        Phrase.of("changed", "field", Phrase.of("field.os"), "before", null, "after", "Ubuntu");
    assertThat(VI.say(p, HANOI)).isEqualTo("hệ điều hành: chưa rõ → Ubuntu");
    assertThat(EN.say(p, HANOI)).isEqualTo("os unknown -> Ubuntu");
  }

  @Test
  void a_phrase_survives_the_events_table_and_older_text_is_left_as_it_is() {
    Phrase p =
        Phrase.of(
            "avReported",
            "products",
            Phrase.joined(
                ", ",
                List.of(
                    Phrase.of(
                        "avProduct",
                        "name",
                        "Bkav Pro",
                        "state",
                        Phrase.of(
                            "avState",
                            "enabled",
                            Phrase.of("avEnabled"),
                            "definitions",
                            Phrase.of("avOutdated"))))));
    assertThat(Phrase.fromStored(p.stored())).isEqualTo(p);
    assertThat(VI.say(Phrase.fromStored(p.stored()), HANOI))
        .isEqualTo(
            "đã nhận tình trạng phòng chống mã độc: Bkav Pro (đang bật, chưa cập nhật mẫu nhận"
                + " diện)");
    assertThat(Phrase.fromStored("enrolled as PC-1")).isNull();
    assertThat(Phrase.fromStored("{\"k\": not json")).isNull();
  }
}
