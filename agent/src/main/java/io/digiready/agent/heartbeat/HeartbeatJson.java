package io.digiready.agent.heartbeat;

import io.digiready.agent.json.Jackson;
import io.digiready.agent.json.JsonReader;
import io.digiready.agent.json.JsonWriter;
import io.digiready.agent.json.WireNames;
import io.digiready.protocol.Heartbeat;
import io.digiready.protocol.ProbeResult;
import java.io.IOException;

/**
 * A {@link Heartbeat} as the spool keeps it and the collector reads it, written without Jackson's
 * databind: byte for byte what the wire format's mapper writes (a test compares both).
 */
final class HeartbeatJson {
  private HeartbeatJson() {}

  static byte[] write(Heartbeat hb) {
    JsonWriter w = new JsonWriter().beginObject();
    w.name("machineId").value(hb.machineId());
    w.name("seq").value(hb.seq());
    w.name("agentTime").value(hb.agentTime());
    w.name("uptimeSeconds").value(hb.uptimeSeconds());
    w.name("probes");
    if (hb.probes() == null) {
      w.value((String) null);
    } else {
      w.beginArray();
      for (ProbeResult p : hb.probes()) {
        probe(w, p);
      }
      w.endArray();
    }
    w.name("internetUp").value(hb.internetUp());
    w.name("memoryUsedBytes").value(hb.memoryUsedBytes());
    w.name("systemDiskFreeBytes").value(hb.systemDiskFreeBytes());
    w.name("systemDiskTotalBytes").value(hb.systemDiskTotalBytes());
    w.name("agentResidentBytes").value(hb.agentResidentBytes());
    w.name("agentCpuSeconds").value(hb.agentCpuSeconds());
    w.name("spoolDroppedEntries").value(hb.spoolDroppedEntries());
    return w.endObject().toBytes();
  }

  private static void probe(JsonWriter w, ProbeResult p) {
    if (p == null) {
      w.value((String) null);
      return;
    }
    w.beginObject()
        .name("target")
        .value(p.target())
        .name("kind")
        .value(p.kind() == null ? null : WireNames.of(p.kind()))
        .name("internet")
        .value(p.internet())
        .name("ok")
        .value(p.ok())
        .name("latencyMillis")
        .value(p.latencyMillis())
        .name("error")
        .value(p.error())
        .name("detail")
        .value(p.detail())
        .endObject();
  }

  /** The {@code seq} of a spooled heartbeat, 0 when it has none (as Jackson's tree said). */
  static long seq(byte[] payload) throws IOException {
    try {
      Object seq = JsonReader.object(payload).get("seq");
      if (seq == null || seq instanceof Long) {
        return seq == null ? 0 : (Long) seq;
      }
    } catch (JsonReader.Unsupported e) {
      // below
    }
    return Jackson.mapper().readTree(payload).path("seq").asLong();
  }
}
