package io.digiready.collector.store;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Applies the numbered steps the database has not seen yet, each in its own transaction: SQL
 * scripts under {@code db/}, and Java steps where data must be converted (JSON to binary).
 *
 * <p>A change both engines make is written once, in {@code db/common/}, with the few words they
 * spell differently as placeholders ({@code ${bigint}}, {@code ${real}}, {@code ${identity}},
 * {@code ${withoutRowid}}: {@link Dialect#placeholders}); an engine's own folder holds what only it
 * does. {@code @hours[...]} stands for the 24 hourly columns a day row has: the text in brackets
 * once per hour, {@code {hh}} the hour in two digits and {@code {h}} in one or two, joined by
 * commas.
 */
final class Migrations {
  /** One step: a script name, or a Java conversion with its name. */
  record Step(String name, JavaStep code) {
    static Step sql(String script) {
      return new Step(script, null);
    }
  }

  interface JavaStep {
    void run(Connection c) throws SQLException;
  }

  /** SQLite's steps, from the first release on (upgrades must keep working). */
  static final List<Step> SQLITE =
      List.of(
          Step.sql("V001__init.sql"),
          Step.sql("V002__viewer_tokens.sql"),
          Step.sql("V003__unit_heartbeat_hours.sql"),
          Step.sql("V004__compact_storage.sql"),
          new Step("V005__heartbeats_to_binary", HeartbeatsToBinary::run),
          Step.sql("V006__drop_moved_columns.sql"),
          Step.sql("V010__machine_possible_duplicate.sql"),
          Step.sql("V011__enrollment_token_limits.sql"),
          Step.sql("V020__unit_coverage_days.sql"),
          Step.sql("V030__software.sql"),
          new Step("V031__software_from_inventory", SoftwareFromInventory::run),
          Step.sql("V032__coverage_days_protection.sql"),
          Step.sql("V040__raw_heartbeat_parts.sql"),
          new Step("V050__nfc_names", NfcNames::run),
          Step.sql("V051__required_applications.sql"));

  /**
   * PostgreSQL's steps. Its history starts at the compact schema (there are no older PostgreSQL
   * databases to upgrade), so its V001 is SQLite's V001 to V006 in one script.
   */
  static final List<Step> POSTGRESQL =
      List.of(
          Step.sql("V001__schema.sql"),
          Step.sql("V002__changes.sql"),
          Step.sql("V010__machine_possible_duplicate.sql"),
          Step.sql("V011__enrollment_token_limits.sql"),
          Step.sql("V020__unit_coverage_days.sql"),
          Step.sql("V030__software.sql"),
          new Step("V031__software_from_inventory", SoftwareFromInventory::run),
          Step.sql("V032__coverage_days_protection.sql"),
          Step.sql("V040__raw_heartbeat_parts.sql"),
          new Step("V050__nfc_names", NfcNames::run),
          Step.sql("V051__required_applications.sql"),
          Step.sql("V055__shared_version.sql"),
          Step.sql("V060__heartbeat_updates_hot.sql"));

  static List<Step> steps(Dialect dialect) {
    return dialect == Dialect.SQLITE ? SQLITE : POSTGRESQL;
  }

  private Migrations() {}

  static int apply(Connection c, Dialect dialect) throws SQLException {
    return apply(c, dialect, steps(dialect).size());
  }

  /** Applies the steps up to version {@code upTo} (tests build older databases with it). */
  static int apply(Connection c, Dialect dialect, int upTo) throws SQLException {
    List<Step> steps = steps(dialect);
    try (Statement s = c.createStatement()) {
      s.execute(
          "CREATE TABLE IF NOT EXISTS schema_migrations"
              + " (version INTEGER PRIMARY KEY, script TEXT NOT NULL, applied_at BIGINT NOT NULL)");
    }
    int current = 0;
    try (Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT COALESCE(MAX(version), 0) FROM schema_migrations")) {
      rs.next();
      current = rs.getInt(1);
    }
    int applied = 0;
    for (int i = current; i < upTo; i++) {
      Step step = steps.get(i);
      String script = step.name();
      c.setAutoCommit(false);
      try (Statement s = c.createStatement()) {
        if (step.code() != null) {
          step.code().run(c);
        } else {
          for (String sql : statements(read(dialect, script))) {
            s.execute(sql);
          }
        }
        try (PreparedStatement p =
            c.prepareStatement("INSERT INTO schema_migrations VALUES (?, ?, ?)")) {
          p.setInt(1, i + 1);
          p.setString(2, script);
          p.setLong(3, System.currentTimeMillis());
          p.executeUpdate();
        }
        c.commit();
        applied++;
      } catch (SQLException e) {
        c.rollback();
        throw e;
      } finally {
        c.setAutoCommit(true);
      }
    }
    return applied;
  }

  /** The script for this engine, from its own folder or else the common one, expanded. */
  static String read(Dialect dialect, String script) {
    String text = resource("/db/" + dialect.folder() + "/" + script);
    if (text == null) {
      text = resource("/db/common/" + script);
    }
    if (text == null) {
      throw new IllegalStateException("missing migration script " + script);
    }
    return expand(text, dialect);
  }

  private static String resource(String path) {
    try (InputStream in = Migrations.class.getResourceAsStream(path)) {
      return in == null ? null : new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new IllegalStateException("cannot read migration script " + path, e);
    }
  }

  private static final Pattern HOURS = Pattern.compile("@hours\\[([^\\]]*)]");
  private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{(\\w+)}");

  /** The script with its hourly columns spelled out and its placeholders in the engine's words. */
  static String expand(String text, Dialect dialect) {
    Matcher hours = HOURS.matcher(text);
    StringBuilder out = new StringBuilder();
    while (hours.find()) {
      List<String> each = new ArrayList<>(24);
      for (int h = 0; h < 24; h++) {
        each.add(
            hours
                .group(1)
                .replace("{hh}", String.format(Locale.ROOT, "%02d", h))
                .replace("{h}", String.valueOf(h)));
      }
      hours.appendReplacement(out, Matcher.quoteReplacement(String.join(", ", each)));
    }
    hours.appendTail(out);
    Matcher words = PLACEHOLDER.matcher(out.toString());
    StringBuilder said = new StringBuilder();
    while (words.find()) {
      String word = dialect.placeholders().get(words.group(1));
      if (word == null) {
        throw new IllegalStateException("unknown placeholder " + words.group());
      }
      words.appendReplacement(said, Matcher.quoteReplacement(word));
    }
    words.appendTail(said);
    return said.toString();
  }

  /**
   * The statements of a script: split at semicolons, except inside a {@code $$ ... $$} body (a
   * PostgreSQL function); comment lines dropped.
   */
  static List<String> statements(String text) {
    StringBuilder clean = new StringBuilder();
    for (String line : text.split("\n")) {
      if (!line.strip().startsWith("--")) {
        clean.append(line).append('\n');
      }
    }
    List<String> out = new java.util.ArrayList<>();
    StringBuilder current = new StringBuilder();
    boolean body = false;
    String sql = clean.toString();
    for (int i = 0; i < sql.length(); i++) {
      if (sql.startsWith("$$", i)) {
        body = !body;
        current.append("$$");
        i++;
      } else if (sql.charAt(i) == ';' && !body) {
        out.add(current.toString().strip());
        current.setLength(0);
      } else {
        current.append(sql.charAt(i));
      }
    }
    out.add(current.toString().strip());
    return out.stream().filter(s -> !s.isEmpty()).toList();
  }
}
