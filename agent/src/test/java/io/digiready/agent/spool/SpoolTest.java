package io.digiready.agent.spool;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SpoolTest {
  @TempDir Path dir;

  private static final Duration MONTH = Duration.ofDays(30);

  private Spool open(long maxBytes) throws Exception {
    return Spool.open(dir, maxBytes, MONTH, Clock.systemUTC());
  }

  private static byte[] payload(long n) {
    return ("{\"seq\":" + n + ",\"pad\":\"" + "x".repeat(100) + "\"}")
        .getBytes(StandardCharsets.UTF_8);
  }

  private static List<String> texts(List<Entry> entries) {
    return entries.stream().map(e -> new String(e.payload(), StandardCharsets.UTF_8)).toList();
  }

  @Test
  void appended_entries_come_back_oldest_first_and_leave_only_when_acked() throws Exception {
    try (Spool spool = open(1 << 20)) {
      for (int i = 1; i <= 5; i++) {
        assertThat(spool.appendHeartbeat(payload(i))).isEqualTo(i);
      }
      List<Entry> first = spool.peekHeartbeats(3);
      assertThat(first).extracting(Entry::id).containsExactly(1L, 2L, 3L);
      assertThat(texts(first).get(0)).isEqualTo(new String(payload(1), StandardCharsets.UTF_8));
      assertThat(spool.peekHeartbeats(3)).extracting(Entry::id).containsExactly(1L, 2L, 3L);
      spool.ackHeartbeats(3);
      assertThat(spool.peekHeartbeats(10)).extracting(Entry::id).containsExactly(4L, 5L);
      assertThat(spool.depth()).isEqualTo(2);
    }
  }

  @Test
  void unacknowledged_entries_and_ids_survive_a_restart() throws Exception {
    try (Spool spool = open(1 << 20)) {
      for (int i = 1; i <= 4; i++) {
        spool.appendHeartbeat(payload(i));
      }
      spool.ackHeartbeats(2);
      spool.appendInventory("{\"hostname\":\"pc\"}".getBytes(StandardCharsets.UTF_8));
    }
    try (Spool spool = open(1 << 20)) {
      assertThat(spool.peekHeartbeats(10)).extracting(Entry::id).containsExactly(3L, 4L);
      assertThat(spool.appendHeartbeat(payload(5))).isEqualTo(5);
      Entry inv = spool.peekInventory();
      assertThat(new String(inv.payload(), StandardCharsets.UTF_8)).contains("pc");
      spool.ackInventory(inv);
      assertThat(spool.peekInventory()).isNull();
      assertThat(spool.depth()).isEqualTo(3);
    }
    try (Spool spool = open(1 << 20)) {
      assertThat(spool.peekInventory()).isNull();
      assertThat(spool.peekHeartbeats(10)).extracting(Entry::id).containsExactly(3L, 4L, 5L);
    }
  }

  @Test
  void a_torn_last_record_is_cut_off_and_the_spool_goes_on() throws Exception {
    try (Spool spool = open(1 << 20)) {
      for (int i = 1; i <= 3; i++) {
        spool.appendHeartbeat(payload(i));
      }
    }
    Path segment = onlySegment();
    long size = Files.size(segment);
    try (FileChannel ch = FileChannel.open(segment, StandardOpenOption.WRITE)) {
      ch.truncate(size - 7); // power went out in the middle of record 3
    }
    try (Spool spool = open(1 << 20)) {
      assertThat(spool.peekHeartbeats(10)).extracting(Entry::id).containsExactly(1L, 2L);
      assertThat(spool.appendHeartbeat(payload(4))).isEqualTo(3);
      assertThat(texts(spool.peekHeartbeats(10)).get(2)).contains("\"seq\":4");
    }
    try (Spool spool = open(1 << 20)) {
      assertThat(spool.peekHeartbeats(10)).hasSize(3);
    }
  }

  @Test
  void a_record_with_garbage_at_the_end_is_skipped_not_fatal() throws Exception {
    try (Spool spool = open(1 << 20)) {
      spool.appendHeartbeat(payload(1));
    }
    Files.write(onlySegment(), new byte[] {0, 0, 0, 9, 1, 2, 3}, StandardOpenOption.APPEND);
    try (Spool spool = open(1 << 20)) {
      assertThat(spool.peekHeartbeats(10)).extracting(Entry::id).containsExactly(1L);
    }
  }

  @Test
  void when_full_the_oldest_heartbeats_are_dropped_and_counted() throws Exception {
    long max = 16 * 1024;
    int appended = 600;
    try (Spool spool = open(max)) {
      for (int i = 1; i <= appended; i++) {
        spool.appendHeartbeat(payload(i));
        assertThat(spool.sizeBytes()).isLessThanOrEqualTo(max);
      }
      assertThat(spool.droppedTotal()).isPositive();
      assertThat(spool.depth() + spool.droppedTotal()).isEqualTo(appended);
      List<Entry> left = spool.peekHeartbeats(appended);
      assertThat(left).hasSize((int) spool.depth());
      assertThat(left.get(left.size() - 1).id()).isEqualTo(appended);
      assertThat(left.get(0).id()).isEqualTo(spool.droppedTotal() + 1);
    }
    try (Spool spool = open(max)) {
      assertThat(spool.droppedTotal()).isPositive();
      assertThat(spool.depth() + spool.droppedTotal()).isEqualTo(appended);
    }
  }

  @Test
  void entries_older_than_the_age_bound_are_dropped() throws Exception {
    MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
    try (Spool spool = Spool.open(dir, 16 * 1024, Duration.ofDays(30), clock)) {
      for (int i = 1; i <= 200; i++) {
        spool.appendHeartbeat(payload(i));
      }
      clock.now = Instant.parse("2026-03-01T00:00:00Z");
      spool.appendHeartbeat(payload(201));
      assertThat(spool.peekHeartbeats(1000)).extracting(Entry::id).containsExactly(201L);
      assertThat(spool.droppedTotal()).isEqualTo(200);
    }
  }

  @Test
  void a_dead_lettered_entry_leaves_the_spool_and_is_kept_in_a_file() throws Exception {
    try (Spool spool = open(1 << 20)) {
      spool.appendHeartbeat(payload(1));
      spool.appendHeartbeat(payload(2));
      spool.deadLetter(spool.peekHeartbeats(1).get(0), "HTTP 400 invalid_request: \"seq\"");
      assertThat(spool.peekHeartbeats(10)).extracting(Entry::id).containsExactly(2L);
    }
    String dead = Files.readString(dir.resolve("dead-letter.jsonl"));
    assertThat(dead)
        .contains("\"kind\":\"heartbeat\"")
        .contains("\"seq\":1")
        .contains("invalid_request");
    assertThat(dead.lines()).hasSize(1);
  }

  private Path onlySegment() throws Exception {
    try (Stream<Path> s = Files.list(dir)) {
      List<Path> segs = s.filter(p -> p.toString().endsWith(".seg")).toList();
      assertThat(segs).hasSize(1);
      return segs.get(0);
    }
  }

  static final class MutableClock extends Clock {
    Instant now;

    MutableClock(Instant now) {
      this.now = now;
    }

    @Override
    public ZoneOffset getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(java.time.ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }
}
