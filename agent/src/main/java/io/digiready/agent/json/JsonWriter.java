package io.digiready.agent.json;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

/**
 * Compact JSON exactly as the wire format's Jackson mapper writes it (same escapes, numbers, times
 * and nulls), for the few small objects the running agent writes every second: loading Jackson's
 * databind for them would keep some 700 classes resident in every office PC's agent. Tests compare
 * its output with Jackson's for the same objects.
 */
public final class JsonWriter {
  private static final char[] HEX = "0123456789ABCDEF".toCharArray();
  private final StringBuilder out = new StringBuilder(256);
  private boolean first = true;

  public JsonWriter beginObject() {
    separate();
    out.append('{');
    first = true;
    return this;
  }

  public JsonWriter endObject() {
    out.append('}');
    first = false;
    return this;
  }

  public JsonWriter beginArray() {
    separate();
    out.append('[');
    first = true;
    return this;
  }

  public JsonWriter endArray() {
    out.append(']');
    first = false;
    return this;
  }

  /** A field name; the value written next belongs to it. */
  public JsonWriter name(String name) {
    separate();
    quote(out, name);
    out.append(':');
    first = true;
    return this;
  }

  public JsonWriter value(String s) {
    separate();
    if (s == null) {
      out.append("null");
    } else {
      quote(out, s);
    }
    first = false;
    return this;
  }

  public JsonWriter value(Long n) {
    return raw(n == null ? "null" : n.toString());
  }

  public JsonWriter value(Integer n) {
    return raw(n == null ? "null" : n.toString());
  }

  public JsonWriter value(Boolean b) {
    return raw(b == null ? "null" : b.toString());
  }

  /** Jackson writes NaN and the infinities as strings ("NaN"), every other double as Java does. */
  public JsonWriter value(Double d) {
    if (d != null && (d.isNaN() || d.isInfinite())) {
      return value(d.toString());
    }
    return raw(d == null ? "null" : d.toString());
  }

  /** ISO-8601 in UTC ({@code 2026-11-27T08:00:00.123Z}), as JavaTimeModule writes an Instant. */
  public JsonWriter value(Instant t) {
    return t == null ? raw("null") : value(t.toString());
  }

  private JsonWriter raw(String text) {
    separate();
    out.append(text);
    first = false;
    return this;
  }

  private void separate() {
    if (!first) {
      out.append(',');
    }
  }

  public byte[] toBytes() {
    return out.toString().getBytes(StandardCharsets.UTF_8);
  }

  @Override
  public String toString() {
    return out.toString();
  }

  /** The string as a JSON literal, with Jackson's escapes (short ones, else a 4-digit hex one). */
  public static String quote(String s) {
    StringBuilder b = new StringBuilder(s.length() + 2);
    quote(b, s);
    return b.toString();
  }

  private static void quote(StringBuilder b, String s) {
    b.append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> b.append("\\\"");
        case '\\' -> b.append("\\\\");
        case '\b' -> b.append("\\b");
        case '\f' -> b.append("\\f");
        case '\n' -> b.append("\\n");
        case '\r' -> b.append("\\r");
        case '\t' -> b.append("\\t");
        default -> {
          if (c < 0x20) {
            b.append("\\u00").append(HEX[c >> 4]).append(HEX[c & 0xF]);
          } else {
            b.append(c);
          }
        }
      }
    }
    b.append('"');
  }
}
