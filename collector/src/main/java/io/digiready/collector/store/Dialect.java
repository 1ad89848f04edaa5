package io.digiready.collector.store;

/**
 * The few places where SQLite and PostgreSQL spell the same statement differently; everything else
 * the stores share is written once in the SQL both understand.
 */
enum Dialect {
  SQLITE("sqlite"),
  POSTGRESQL("postgresql");

  private final String folder;

  Dialect(String folder) {
    this.folder = folder;
  }

  /** Where this engine's migration scripts live, under {@code db/}. */
  String folder() {
    return folder;
  }

  /** The larger of two values (NULLs already replaced by the caller). */
  String greatest(String a, String b) {
    return this == SQLITE ? "MAX(" + a + ", " + b + ")" : "GREATEST(" + a + ", " + b + ")";
  }

  /** Binary {@code a} followed by binary {@code b}. */
  String concatBytes(String a, String b) {
    // SQLite's || works on text; the cast keeps the bytes a blob (embedded NULs included).
    return this == SQLITE ? "CAST(" + a + " || " + b + " AS BLOB)" : a + " || " + b;
  }
}
