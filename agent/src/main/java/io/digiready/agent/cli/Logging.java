package io.digiready.agent.cli;

/**
 * slf4j-simple set up for one line per event on stderr (stdout is for the JSON of {@code inventory}
 * and {@code probe}). Must run before the first logger is created.
 */
public final class Logging {
  private Logging() {}

  public static void configure(String level) {
    set("org.slf4j.simpleLogger.logFile", "System.err");
    set("org.slf4j.simpleLogger.defaultLogLevel", level);
    set("org.slf4j.simpleLogger.showDateTime", "true");
    set("org.slf4j.simpleLogger.dateTimeFormat", "yyyy-MM-dd'T'HH:mm:ss.SSSXXX");
    set("org.slf4j.simpleLogger.showThreadName", "false");
    set("org.slf4j.simpleLogger.showShortLogName", "true");
    set("org.slf4j.simpleLogger.levelInBrackets", "true");
    // OSHI explains every unreadable root-only file at WARN; the agent reports the outcome once
    set("org.slf4j.simpleLogger.log.oshi", "error");
  }

  private static void set(String key, String value) {
    if (System.getProperty(key) == null) {
      System.setProperty(key, value);
    }
  }
}
