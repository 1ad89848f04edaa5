package io.digiready.agent.json;

import io.digiready.protocol.Text;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A strict reader for the small JSON answers the running agent reads (agent-config, error bodies,
 * its own state files), so that the long-running loop does not load Jackson's databind.
 *
 * <p>It only accepts what the wire format's Jackson mapper reads to the same value: anything else
 * (malformed JSON, a number where text is expected, a whole number out of range...) throws {@link
 * Unsupported}, and the caller hands the same bytes to Jackson, which either reads them or fails
 * with its usual message. So what is accepted, and every error message, stay Jackson's.
 */
public final class JsonReader {
  private final String text;
  private int pos;

  /** Not read here: the caller asks Jackson. */
  public static final class Unsupported extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public Unsupported(String why) {
      super(why, null, false, false);
    }
  }

  private JsonReader(String text) {
    this.text = text;
  }

  /**
   * The document as maps (in order), lists, strings, {@code Long} (or {@code BigInteger}) for whole
   * numbers, {@code Double} for the others, {@code Boolean} and null.
   */
  public static Object parse(byte[] json) {
    String text;
    try {
      // strict: Jackson refuses malformed UTF-8 rather than replacing it
      text = StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(json)).toString();
    } catch (CharacterCodingException e) {
      throw new Unsupported("not UTF-8");
    }
    JsonReader r = new JsonReader(text);
    Object value = r.value();
    r.space();
    if (r.pos != r.text.length()) {
      throw new Unsupported("trailing content");
    }
    return value;
  }

  /** The document, which must be an object. */
  public static Map<String, Object> object(byte[] json) {
    return asObject(parse(json));
  }

  @SuppressWarnings("unchecked")
  public static Map<String, Object> asObject(Object value) {
    if (value instanceof Map<?, ?> m) {
      return (Map<String, Object>) m;
    }
    throw new Unsupported("not an object");
  }

  /** Text in NFC, as the wire format's String reader gives it; null when absent or null. */
  public static String string(Map<String, Object> o, String key) {
    Object v = o.get(key);
    if (v == null) {
      return null;
    }
    if (v instanceof String s) {
      return Text.nfc(s);
    }
    throw new Unsupported(key + ": not a string");
  }

  public static Long longValue(Map<String, Object> o, String key) {
    Object v = o.get(key);
    if (v == null || v instanceof Long) {
      return (Long) v;
    }
    throw new Unsupported(key + ": not a whole number in range");
  }

  public static Integer integer(Map<String, Object> o, String key) {
    Long v = longValue(o, key);
    if (v == null) {
      return null;
    }
    if (v < Integer.MIN_VALUE || v > Integer.MAX_VALUE) {
      throw new Unsupported(key + ": out of range");
    }
    return v.intValue();
  }

  public static Boolean bool(Map<String, Object> o, String key) {
    Object v = o.get(key);
    if (v == null || v instanceof Boolean) {
      return (Boolean) v;
    }
    throw new Unsupported(key + ": not true or false");
  }

  /** Only the ISO-8601 instants {@link Instant#parse} reads (Jackson reads those the same). */
  public static Instant instant(Map<String, Object> o, String key) {
    Object v = o.get(key);
    if (v == null) {
      return null;
    }
    if (v instanceof String s) {
      try {
        return Instant.parse(s);
      } catch (DateTimeParseException e) {
        throw new Unsupported(key + ": not an ISO instant");
      }
    }
    throw new Unsupported(key + ": not a time");
  }

  @SuppressWarnings("unchecked")
  public static List<Object> array(Map<String, Object> o, String key) {
    Object v = o.get(key);
    if (v == null || v instanceof List<?>) {
      return (List<Object>) v;
    }
    throw new Unsupported(key + ": not an array");
  }

  private Object value() {
    space();
    if (pos >= text.length()) {
      throw new Unsupported("end of input");
    }
    char c = text.charAt(pos);
    return switch (c) {
      case '{' -> objectValue();
      case '[' -> arrayValue();
      case '"' -> stringValue();
      case 't' -> literal("true", Boolean.TRUE);
      case 'f' -> literal("false", Boolean.FALSE);
      case 'n' -> literal("null", null);
      default -> number();
    };
  }

  private Map<String, Object> objectValue() {
    Map<String, Object> o = new LinkedHashMap<>();
    pos++;
    space();
    if (peek() == '}') {
      pos++;
      return o;
    }
    while (true) {
      space();
      if (peek() != '"') {
        throw new Unsupported("field name expected");
      }
      String name = stringValue();
      space();
      expect(':');
      // which of two values Jackson keeps depends on the type: let it decide
      if (o.containsKey(name)) {
        throw new Unsupported("duplicate field " + name);
      }
      o.put(name, value());
      space();
      char c = next();
      if (c == '}') {
        return o;
      }
      if (c != ',') {
        throw new Unsupported("',' or '}' expected");
      }
    }
  }

  private List<Object> arrayValue() {
    List<Object> a = new ArrayList<>();
    pos++;
    space();
    if (peek() == ']') {
      pos++;
      return a;
    }
    while (true) {
      a.add(value());
      space();
      char c = next();
      if (c == ']') {
        return a;
      }
      if (c != ',') {
        throw new Unsupported("',' or ']' expected");
      }
    }
  }

  private String stringValue() {
    pos++;
    StringBuilder b = new StringBuilder();
    while (true) {
      char c = next();
      if (c == '"') {
        return b.toString();
      }
      if (c < 0x20) {
        throw new Unsupported("control character in a string");
      }
      if (c != '\\') {
        b.append(c);
        continue;
      }
      char e = next();
      switch (e) {
        case '"', '\\', '/' -> b.append(e);
        case 'b' -> b.append('\b');
        case 'f' -> b.append('\f');
        case 'n' -> b.append('\n');
        case 'r' -> b.append('\r');
        case 't' -> b.append('\t');
        case 'u' -> {
          if (pos + 4 > text.length()) {
            throw new Unsupported("short \\u escape");
          }
          int code = 0;
          for (int i = 0; i < 4; i++) {
            int d = Character.digit(text.charAt(pos++), 16);
            if (d < 0) {
              throw new Unsupported("bad \\u escape");
            }
            code = code * 16 + d;
          }
          b.append((char) code);
        }
        default -> throw new Unsupported("bad escape");
      }
    }
  }

  /** JSON's number grammar (no leading zeros, no '+', no bare '.'), as Jackson's default. */
  private Object number() {
    int start = pos;
    if (peek() == '-') {
      pos++;
    }
    int intStart = pos;
    digits();
    int intLength = pos - intStart;
    if (intLength == 0 || (intLength > 1 && text.charAt(intStart) == '0')) {
      throw new Unsupported("bad number");
    }
    boolean whole = true;
    if (peek() == '.') {
      pos++;
      whole = false;
      if (digits() == 0) {
        throw new Unsupported("bad fraction");
      }
    }
    if (peek() == 'e' || peek() == 'E') {
      pos++;
      whole = false;
      if (peek() == '+' || peek() == '-') {
        pos++;
      }
      if (digits() == 0) {
        throw new Unsupported("bad exponent");
      }
    }
    String n = text.substring(start, pos);
    if (!whole) {
      return Double.valueOf(n);
    }
    return intLength <= 18 ? (Object) Long.valueOf(n) : fitLong(new BigInteger(n));
  }

  private static Object fitLong(BigInteger n) {
    return n.bitLength() < 64 ? (Object) n.longValue() : n;
  }

  private int digits() {
    int from = pos;
    while (pos < text.length() && text.charAt(pos) >= '0' && text.charAt(pos) <= '9') {
      pos++;
    }
    return pos - from;
  }

  private Object literal(String word, Object value) {
    if (!text.startsWith(word, pos)) {
      throw new Unsupported("bad literal");
    }
    pos += word.length();
    return value;
  }

  private void space() {
    while (pos < text.length()) {
      char c = text.charAt(pos);
      if (c != ' ' && c != '\t' && c != '\n' && c != '\r') {
        return;
      }
      pos++;
    }
  }

  private char peek() {
    return pos < text.length() ? text.charAt(pos) : '\0';
  }

  private char next() {
    if (pos >= text.length()) {
      throw new Unsupported("end of input");
    }
    return text.charAt(pos++);
  }

  private void expect(char c) {
    if (next() != c) {
      throw new Unsupported("'" + c + "' expected");
    }
  }
}
