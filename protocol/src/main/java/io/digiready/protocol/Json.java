package io.digiready.protocol;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.type.LogicalType;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/** The JSON settings of the wire format, shared by agent and collector. */
public final class Json {

  private Json() {}

  /**
   * A mapper for the wire format: ISO-8601 times, text in NFC ({@link Text#nfc}), unknown fields
   * ignored (a newer agent's extra field must not turn its readings into errors), and no silent
   * type coercion ({@code "42"} is not a number, {@code 4.5} is not an integer).
   */
  public static ObjectMapper mapper() {
    JsonMapper mapper =
        JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .addModule(
                new com.fasterxml.jackson.databind.module.SimpleModule("digiready-instant")
                    .addDeserializer(java.time.Instant.class, new FastInstantDeserializer())
                    .addDeserializer(String.class, new NfcStringDeserializer()))
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
            .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
            .build();
    // Jackson turns 7 or true into the string "7" or "true" even without scalar coercion; a text
    // field given a number is a client mistake, and saying so names the field.
    mapper
        .coercionConfigFor(LogicalType.Textual)
        .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
        .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
        .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
    return mapper;
  }

  /**
   * Turns a parse failure into the field path it happened at ({@code heartbeats[2].seq}), or {@code
   * body} when the JSON itself is malformed.
   */
  public static String fieldOf(JsonProcessingException e) {
    if (malformed(e) == null
        && e instanceof JsonMappingException mapping
        && !mapping.getPath().isEmpty()) {
      StringBuilder path = new StringBuilder();
      for (JsonMappingException.Reference ref : mapping.getPath()) {
        if (ref.getFieldName() != null) {
          if (path.length() > 0) {
            path.append('.');
          }
          path.append(ref.getFieldName());
        } else if (ref.getIndex() >= 0) {
          path.append('[').append(ref.getIndex()).append(']');
        }
      }
      return path.toString();
    }
    return "body";
  }

  /**
   * A one-line explanation of a parse failure that names the field and never echoes more than a
   * short piece of the input, e.g. {@code heartbeats[0].seq: expected a whole number. Found:
   * "abc"}.
   */
  public static String describe(JsonProcessingException e) {
    String field = fieldOf(e);
    JsonParseException malformed = malformed(e);
    if (malformed != null) {
      var loc = malformed.getLocation();
      String where =
          loc == null ? "" : " at line " + loc.getLineNr() + ", column " + loc.getColumnNr();
      return "body: malformed JSON" + where;
    }
    if (e instanceof InvalidFormatException invalid) {
      return field
          + ": expected "
          + typeName(invalid.getTargetType())
          + ". Found: "
          + shorten(String.valueOf(invalid.getValue()));
    }
    if (e instanceof MismatchedInputException mismatch && mismatch.getTargetType() != null) {
      return field + ": expected " + typeName(mismatch.getTargetType());
    }
    return field + ": malformed value";
  }

  /** Syntax errors arrive bare or wrapped in a mapping exception (then with a misleading path). */
  private static JsonParseException malformed(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof JsonParseException parse) {
        return parse;
      }
    }
    return null;
  }

  private static String typeName(Class<?> type) {
    if (type == null) {
      return "another value";
    }
    if (type == Long.class || type == Integer.class || type == long.class || type == int.class) {
      return "a whole number";
    }
    if (type == Double.class || type == double.class) {
      return "a number";
    }
    if (type == Boolean.class || type == boolean.class) {
      return "true or false";
    }
    if (type == String.class) {
      return "a string";
    }
    if (type == java.time.Instant.class) {
      return "an ISO-8601 time such as 2026-11-27T08:00:00Z";
    }
    if (type == java.time.LocalDate.class) {
      return "an ISO-8601 date such as 2026-11-27";
    }
    if (type.isEnum()) {
      return "one of " + enumValues(type);
    }
    if (java.util.Collection.class.isAssignableFrom(type)) {
      return "an array";
    }
    return "an object";
  }

  private static String enumValues(Class<?> type) {
    StringBuilder values = new StringBuilder();
    for (Object constant : type.getEnumConstants()) {
      if (values.length() > 0) {
        values.append(", ");
      }
      values.append(constant.toString().toLowerCase(java.util.Locale.ROOT));
    }
    return values.toString();
  }

  private static String shorten(String value) {
    return value.length() <= 40 ? value : value.substring(0, 40) + "...";
  }
}
