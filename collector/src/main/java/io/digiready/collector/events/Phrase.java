package io.digiready.collector.events;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What an event says, as a phrase of {@link EventWords} and its values with their types, so that
 * each reader gets it in their own language with their own number and time format. A value is one
 * of: text given by a machine or a person (a hostname, an application, a product: shown as given),
 * a count ({@code Long}), {@link Bytes}, an {@link Instant}, another phrase, or {@link Joined}
 * values. Stored as JSON in the event's detail column; rows written before hold plain English text,
 * which {@link #fromStored} leaves to the caller.
 */
public record Phrase(String key, Map<String, Object> values) {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final String STORED_PREFIX = "{\"k\":";

  /** A size in bytes, said in GiB with one decimal. */
  public record Bytes(long value) {}

  /** Values said one after the other with a separator ({@code ", "}, {@code "; "}). */
  public record Joined(String separator, List<Object> items) {}

  public Phrase {
    // Not Map.copyOf: a value the machine did not report is null, said as "unknown".
    values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
  }

  /** {@code of("moved", "from", a, "to", b)}: names and values in turn. */
  public static Phrase of(String key, Object... namesAndValues) {
    if (namesAndValues.length % 2 != 0) {
      throw new IllegalArgumentException(key + ": a value without a name");
    }
    Map<String, Object> values = new LinkedHashMap<>();
    for (int i = 0; i < namesAndValues.length; i += 2) {
      Object v = namesAndValues[i + 1];
      values.put((String) namesAndValues[i], v instanceof Integer n ? Long.valueOf(n) : v);
    }
    return new Phrase(key, values);
  }

  public static Joined joined(String separator, List<?> items) {
    return new Joined(separator, List.copyOf(items));
  }

  /** The form the events table keeps. */
  public String stored() {
    return encode(this).toString();
  }

  /** The phrase of a stored detail, or null for a detail written as text by an older version. */
  public static Phrase fromStored(String detail) {
    if (detail == null || !detail.startsWith(STORED_PREFIX)) {
      return null;
    }
    try {
      return (Phrase) decode(JSON.readTree(detail));
    } catch (Exception e) {
      // Not one of ours after all (a text that happens to start like JSON): shown as text.
      return null;
    }
  }

  private static JsonNode encode(Object v) {
    if (v == null) {
      return NODES.nullNode();
    }
    if (v instanceof String s) {
      return NODES.textNode(s);
    }
    if (v instanceof Long n) {
      return NODES.numberNode(n);
    }
    if (v instanceof Bytes b) {
      return NODES.objectNode().put("bytes", b.value());
    }
    if (v instanceof Instant t) {
      return NODES.objectNode().put("time", t.toString());
    }
    if (v instanceof Joined j) {
      ArrayNode items = NODES.arrayNode();
      j.items().forEach(i -> items.add(encode(i)));
      ObjectNode o = NODES.objectNode().put("join", j.separator());
      o.set("items", items);
      return o;
    }
    if (v instanceof Phrase p) {
      ObjectNode values = NODES.objectNode();
      p.values().forEach((name, value) -> values.set(name, encode(value)));
      ObjectNode o = NODES.objectNode().put("k", p.key());
      o.set("v", values);
      return o;
    }
    throw new IllegalArgumentException("a phrase holds no " + v.getClass().getSimpleName());
  }

  private static Object decode(JsonNode n) {
    if (n.isNull()) {
      return null;
    }
    if (n.isTextual()) {
      return n.asText();
    }
    if (n.isIntegralNumber()) {
      return n.asLong();
    }
    if (n.has("k")) {
      Map<String, Object> values = new LinkedHashMap<>();
      Iterator<Map.Entry<String, JsonNode>> fields = n.get("v").fields();
      while (fields.hasNext()) {
        Map.Entry<String, JsonNode> f = fields.next();
        values.put(f.getKey(), decode(f.getValue()));
      }
      return new Phrase(n.get("k").asText(), values);
    }
    if (n.has("bytes")) {
      return new Bytes(n.get("bytes").asLong());
    }
    if (n.has("time")) {
      return Instant.parse(n.get("time").asText());
    }
    if (n.has("join")) {
      List<Object> items = new ArrayList<>();
      n.get("items").forEach(i -> items.add(decode(i)));
      return new Joined(n.get("join").asText(), items);
    }
    throw new IllegalArgumentException("not a phrase value: " + n);
  }
}
