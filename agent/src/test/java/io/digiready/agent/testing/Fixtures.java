package io.digiready.agent.testing;

import com.fasterxml.jackson.core.type.TypeReference;
import io.digiready.protocol.Json;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/** Reads the recorded answers under {@code src/test/resources/fixtures}. */
public final class Fixtures {
  private Fixtures() {}

  public static String text(String name) {
    try (InputStream in = Fixtures.class.getResourceAsStream("/fixtures/" + name)) {
      if (in == null) {
        throw new IllegalArgumentException("no fixture " + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static List<String> lines(String name) {
    return text(name).lines().toList();
  }

  public static <T> T json(String name, TypeReference<T> type) {
    try {
      return Json.mapper().readValue(text(name), type);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static List<Map<String, Object>> rows(String name) {
    return json(name, new TypeReference<>() {});
  }

  public static Map<String, Object> row(String name) {
    return json(name, new TypeReference<>() {});
  }
}
