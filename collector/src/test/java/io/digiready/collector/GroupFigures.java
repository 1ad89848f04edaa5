package io.digiready.collector;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.digiready.collector.store.RawHeartbeatCodec;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a writer group stored, read back the way an administrator reads it (unit and machine history
 * through the API) and, for the raw records, from the database: the figures the group tests compare
 * with what they sent.
 */
final class GroupFigures {
  private GroupFigures() {}

  /**
   * A unit's hours through the API: "machines/heartbeats/internet" by hour, empty hours left out.
   */
  static Map<Instant, String> unitHours(TestCollector c, String unit) {
    Http.Answer a = c.admin("GET", "/api/v1/units/" + unit + "/history?days=7", null);
    assertThat(a.status()).as(a.body()).isEqualTo(200);
    Map<Instant, String> out = new TreeMap<>();
    for (JsonNode b : a.json().get("buckets")) {
      long machines = b.get("machines").asLong();
      long heartbeats = b.get("heartbeats").asLong();
      if (machines != 0 || heartbeats != 0) {
        out.put(
            Instant.parse(b.get("hour").asText()),
            machines + "/" + heartbeats + "/" + b.get("internetUp").asLong());
      }
    }
    return out;
  }

  /** A machine's hours through the API: "heartbeats/internet/probe successes/probe failures". */
  static Map<Instant, String> machineHours(TestCollector c, String machineId) {
    Instant to = c.clock.instant().plusSeconds(3600);
    Http.Answer a =
        c.admin(
            "GET",
            "/api/v1/machines/"
                + machineId
                + "/history?from="
                + to.minusSeconds(3 * 86_400)
                + "&to="
                + to,
            null);
    assertThat(a.status()).as(a.body()).isEqualTo(200);
    Map<Instant, String> out = new TreeMap<>();
    for (JsonNode b : a.json().get("buckets")) {
      long successes = 0;
      long failures = 0;
      for (JsonNode p : b.get("probes")) {
        successes += p.get("successes").asLong();
        failures += p.get("failures").asLong();
      }
      if (b.get("heartbeats").asLong() != 0 || successes + failures != 0) {
        out.put(
            Instant.parse(b.get("hour").asText()),
            b.get("heartbeats").asLong()
                + "/"
                + b.get("internetUp").asLong()
                + "/"
                + successes
                + "/"
                + failures);
      }
    }
    return out;
  }

  /**
   * The machine's raw records as stored, row by row in (hour, part) order: the seqs each row's body
   * decodes to, in the order they were appended. Also checks each row's count against its body.
   */
  static List<Long> rawSeqs(TestCollector c, String machineId) throws SQLException {
    List<Long> seqs = new ArrayList<>();
    try (Connection db = c.database();
        PreparedStatement p =
            db.prepareStatement(
                "SELECT r.hour, r.part, r.heartbeats, r.body FROM raw_heartbeat_hours r"
                    + " JOIN machine_state s ON s.mid = r.mid WHERE s.machine_id = ?"
                    + " ORDER BY r.hour, r.part")) {
      p.setString(1, machineId);
      try (ResultSet rs = p.executeQuery()) {
        while (rs.next()) {
          long hour = rs.getLong(1);
          var records =
              RawHeartbeatCodec.decode(rs.getBytes(4), hour * 3600, machineId, id -> null);
          assertThat(records)
              .as("row of hour %d part %d", hour, rs.getLong(2))
              .hasSize(rs.getInt(3));
          for (var r : records) {
            assertThat(r.at().getEpochSecond() / 3600).isEqualTo(hour);
            seqs.add(r.heartbeat().seq());
          }
        }
      }
    }
    return seqs;
  }

  /** One query's rows as text, for "nothing changed" comparisons. */
  static List<String> rows(TestCollector c, String sql) throws SQLException {
    List<String> out = new ArrayList<>();
    try (Connection db = c.database();
        ResultSet rs = db.createStatement().executeQuery(sql)) {
      int columns = rs.getMetaData().getColumnCount();
      while (rs.next()) {
        StringBuilder row = new StringBuilder();
        for (int i = 1; i <= columns; i++) {
          row.append(i == 1 ? "" : "|").append(rs.getString(i));
        }
        out.add(row.toString());
      }
    }
    return out;
  }

  /** A machine's stored last-seen time (machine_state.last_seen_at, epoch milliseconds). */
  static long storedLastSeenMillis(TestCollector c, String machineId) throws SQLException {
    try (Connection db = c.database();
        PreparedStatement p =
            db.prepareStatement("SELECT last_seen_at FROM machine_state WHERE machine_id = ?")) {
      p.setString(1, machineId);
      try (ResultSet rs = p.executeQuery()) {
        assertThat(rs.next()).isTrue();
        return rs.getLong(1);
      }
    }
  }
}
