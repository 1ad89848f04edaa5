package io.digiready.agent.send;

import static org.assertj.core.api.Assertions.assertThat;

import io.digiready.protocol.Json;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The status file is written and read without Jackson, with Jackson's bytes and values. */
class SenderStateJsonTest {
  @TempDir Path dir;

  @Test
  void snapshots_are_written_and_read_back_as_jackson_does() throws Exception {
    Instant t = Instant.parse("2026-11-27T08:00:00.5Z");
    for (SenderState.Snapshot s :
        List.of(
            new SenderState.Snapshot(null, null, null, null, 0L, 0L, null, null),
            new SenderState.Snapshot(
                t, t.plusSeconds(1), 503, "HTTP 503 \"busy\"\nPhần", 12L, 3L, 99L, t),
            new SenderState.Snapshot(
                null, t, null, "refused: Connection refused", 1L, 0L, 1L, t))) {
      byte[] ours = SenderState.toJson(s);
      assertThat(new String(ours, StandardCharsets.UTF_8))
          .isEqualTo(Json.mapper().writeValueAsString(s));
      Path file = dir.resolve("state.json");
      Files.write(file, ours);
      assertThat(SenderState.readFast(file)).isEqualTo(s).isEqualTo(SenderState.read(file));
    }
  }

  @Test
  void a_file_in_another_form_is_read_by_jackson() throws Exception {
    Path file = dir.resolve("state.json");
    Files.writeString(file, "{\"lastSuccess\":\"2026-11-27T08:00:00+07:00\",\"spoolDepth\":2}");
    assertThat(SenderState.readFast(file)).isEqualTo(SenderState.read(file));
    assertThat(SenderState.readFast(dir.resolve("none.json"))).isNull();
  }
}
