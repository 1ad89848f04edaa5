package io.digiready.config;

import java.io.IOException;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Collectors;

/**
 * Every key one program understands, and how its values are gathered: a properties file (UTF-8, a
 * leading byte-order mark skipped), then {@code DIGIREADY_*} environment variables, then flags,
 * each overriding the one before. A key the table does not have, in the file or the flags, stops
 * start-up naming it: it is most likely a typo. Environment variables that are not keys are
 * ignored: the launcher's own and another program's on the same host share the prefix.
 */
public final class KeyTable {
  private final List<ConfigKey> all;
  private final Map<String, ConfigKey> byName = new LinkedHashMap<>();

  public KeyTable(List<ConfigKey> keys) {
    this.all = List.copyOf(keys);
    for (ConfigKey k : all) {
      if (byName.put(k.name(), k) != null) {
        throw new IllegalArgumentException("key declared twice: " + k.name());
      }
    }
  }

  public List<ConfigKey> all() {
    return all;
  }

  public ConfigKey get(String name) {
    return byName.get(name);
  }

  /** The key names, comma-separated, for "expected one of" messages. */
  public String names() {
    return all.stream().map(ConfigKey::name).collect(Collectors.joining(", "));
  }

  public void requireKnown(String name) {
    if (!byName.containsKey(name)) {
      throw new ConfigException(name, "unknown key, expected one of " + names(), name);
    }
  }

  /** The values set explicitly, file < environment < flags, by key name (defaults not included). */
  public Map<String, String> gather(Path file, Map<String, String> env, Map<String, String> flags) {
    Map<String, String> explicit = new HashMap<>();
    if (file != null) {
      explicit.putAll(readFile(file));
    }
    for (ConfigKey key : all) {
      String value = env.get(key.envVar());
      if (value != null) {
        explicit.put(key.name(), value);
      }
    }
    for (Map.Entry<String, String> flag : flags.entrySet()) {
      requireKnown(flag.getKey());
      explicit.put(flag.getKey(), flag.getValue());
    }
    return explicit;
  }

  /**
   * Reads the file as UTF-8; a leading byte-order mark (Notepad writes one) is skipped. A file that
   * is not UTF-8 is refused rather than read with replaced characters.
   */
  public Map<String, String> readFile(Path file) {
    String text;
    try {
      byte[] bytes = Files.readAllBytes(file);
      text =
          StandardCharsets.UTF_8
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT)
              .decode(ByteBuffer.wrap(bytes))
              .toString();
    } catch (CharacterCodingException e) {
      throw new ConfigException(
          "config", "expected a UTF-8 properties file (saved as ANSI?)", file.toString());
    } catch (IOException e) {
      throw new ConfigException("config", "expected a readable properties file", file.toString());
    }
    if (text.startsWith("\uFEFF")) {
      text = text.substring(1);
    }
    Properties props = new Properties();
    try {
      props.load(new StringReader(text));
    } catch (IOException | IllegalArgumentException e) {
      throw new ConfigException("config", "expected a properties file", file.toString());
    }
    Map<String, String> values = new HashMap<>();
    for (String name : props.stringPropertyNames()) {
      requireKnown(name);
      values.put(name, props.getProperty(name));
    }
    return values;
  }

  /** A key's value: the explicit one, else its default; surrounding white space removed. */
  public static String value(Map<String, String> explicit, ConfigKey key) {
    return explicit.getOrDefault(key.name(), key.defaultValue()).strip();
  }
}
