package io.digiready.agent.centralconfig;

import io.digiready.agent.json.Jackson;
import io.digiready.agent.json.JsonReader;
import io.digiready.agent.json.JsonWriter;
import io.digiready.agent.json.WireNames;
import io.digiready.protocol.AgentConfig;
import io.digiready.protocol.ProbeKind;
import io.digiready.protocol.ProbeTarget;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** {@link AgentConfig} in the wire format, without Jackson's databind in the running agent. */
public final class AgentConfigJson {
  private AgentConfigJson() {}

  /** As Jackson reads it; a document it refuses throws with Jackson's description. */
  public static AgentConfig read(byte[] json) throws Jackson.BadJson {
    return Jackson.read(json, AgentConfig.class, AgentConfigJson::fromMap);
  }

  static AgentConfig fromMap(Map<String, Object> o) {
    List<Object> probes = JsonReader.array(o, "probes");
    List<ProbeTarget> targets = null;
    if (probes != null) {
      targets = new ArrayList<>(probes.size());
      for (Object p : probes) {
        Map<String, Object> t = JsonReader.asObject(p);
        targets.add(
            new ProbeTarget(
                kind(JsonReader.string(t, "kind")),
                JsonReader.string(t, "target"),
                JsonReader.bool(t, "internet")));
      }
    }
    return new AgentConfig(
        JsonReader.integer(o, "heartbeatIntervalSeconds"),
        JsonReader.integer(o, "inventoryCheckIntervalSeconds"),
        targets);
  }

  /** The kind by its wire name ({@code dns}); any other text is left to Jackson. */
  static ProbeKind kind(String name) {
    if (name == null) {
      return null;
    }
    for (ProbeKind k : ProbeKind.values()) {
      if (WireNames.of(k).equals(name)) {
        return k;
      }
    }
    throw new JsonReader.Unsupported("kind: " + name);
  }

  public static byte[] write(AgentConfig c) {
    JsonWriter w = new JsonWriter().beginObject();
    w.name("heartbeatIntervalSeconds").value(c.heartbeatIntervalSeconds());
    w.name("inventoryCheckIntervalSeconds").value(c.inventoryCheckIntervalSeconds());
    w.name("probes");
    if (c.probes() == null) {
      w.value((String) null);
    } else {
      w.beginArray();
      for (ProbeTarget t : c.probes()) {
        if (t == null) {
          w.value((String) null);
          continue;
        }
        w.beginObject()
            .name("kind")
            .value(t.kind() == null ? null : WireNames.of(t.kind()))
            .name("target")
            .value(t.target())
            .name("internet")
            .value(t.internet())
            .endObject();
      }
      w.endArray();
    }
    return w.endObject().toBytes();
  }
}
