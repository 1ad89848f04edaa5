package io.digiready.agent.json;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.digiready.protocol.Json;
import java.io.IOException;
import java.util.Map;
import java.util.function.Function;

/**
 * The wire format's Jackson mapper, made on first use: the running agent reads its small answers
 * with {@link JsonReader} and comes here only for what that leaves to Jackson (a malformed or
 * unusual document), so that the error, or the value, is exactly Jackson's.
 */
public final class Jackson {
  private Jackson() {}

  private static final class Holder {
    static final ObjectMapper MAPPER = Json.mapper();
  }

  public static ObjectMapper mapper() {
    return Holder.MAPPER;
  }

  /** A document Jackson refused; the message is {@link Json#describe}'s (field and expectation). */
  public static final class BadJson extends IOException {
    private static final long serialVersionUID = 1L;

    BadJson(String describe, Throwable cause) {
      super(describe, cause);
    }
  }

  /**
   * Reads a JSON object into {@code type}: by {@code hand} from {@link JsonReader}'s map when it
   * takes it, else by Jackson.
   */
  public static <T> T read(byte[] json, Class<T> type, Function<Map<String, Object>, T> hand)
      throws BadJson {
    try {
      return hand.apply(JsonReader.object(json));
    } catch (JsonReader.Unsupported e) {
      return Fallback.read(json, type);
    }
  }

  /** Kept apart so that Jackson's classes are loaded only when it really runs. */
  private static final class Fallback {
    static <T> T read(byte[] json, Class<T> type) throws BadJson {
      try {
        return mapper().readValue(json, type);
      } catch (JsonProcessingException e) {
        throw new BadJson(Json.describe(e), e);
      } catch (IOException e) {
        throw new BadJson("body: " + e.getMessage(), e);
      }
    }
  }
}
