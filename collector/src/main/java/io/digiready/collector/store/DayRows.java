package io.digiready.collector.store;

/**
 * SQL of the day rows, which hold a day's 24 hourly counters as columns {@code h00..h23}
 * (heartbeats), {@code i00..i23} (heartbeats with internet) and, for units, {@code m00..m23}
 * (machines that beat in that hour). Column names come from this fixed set, never from input.
 */
final class DayRows {
  private static final String[] MACHINE_UPSERT = new String[24];
  private static final String[] UNIT_UPSERT = new String[24];
  static final String HOURS_H;
  static final String HOURS_I;
  static final String HOURS_M;

  static {
    StringBuilder h = new StringBuilder();
    StringBuilder i = new StringBuilder();
    StringBuilder m = new StringBuilder();
    for (int hour = 0; hour < 24; hour++) {
      String hh = column("h", hour);
      String ii = column("i", hour);
      String mm = column("m", hour);
      String sep = hour == 0 ? "" : ", ";
      h.append(sep).append(hh);
      i.append(sep).append(ii);
      m.append(sep).append(mm);
      // Table-qualified on the right: PostgreSQL finds a bare name ambiguous beside EXCLUDED.
      MACHINE_UPSERT[hour] =
          "INSERT INTO machine_days (day, mid, "
              + hh
              + ", "
              + ii
              + ") VALUES (?, ?, ?, ?) ON CONFLICT (day, mid) DO UPDATE SET "
              + hh
              + " = machine_days."
              + hh
              + " + excluded."
              + hh
              + ", "
              + ii
              + " = machine_days."
              + ii
              + " + excluded."
              + ii
              + " RETURNING "
              + hh;
      UNIT_UPSERT[hour] =
          "INSERT INTO unit_days (day, uid, "
              + mm
              + ", "
              + hh
              + ", "
              + ii
              + ") VALUES (?, ?, ?, ?, ?) ON CONFLICT (day, uid) DO UPDATE SET "
              + mm
              + " = unit_days."
              + mm
              + " + excluded."
              + mm
              + ", "
              + hh
              + " = unit_days."
              + hh
              + " + excluded."
              + hh
              + ", "
              + ii
              + " = unit_days."
              + ii
              + " + excluded."
              + ii;
    }
    HOURS_H = h.toString();
    HOURS_I = i.toString();
    HOURS_M = m.toString();
  }

  private DayRows() {}

  static String column(String prefix, int hour) {
    return prefix + (hour < 10 ? "0" : "") + hour;
  }

  /** Adds to one hour of a machine's day row and returns that hour's new heartbeat count. */
  static String machineUpsert(int hourOfDay) {
    return MACHINE_UPSERT[hourOfDay];
  }

  /**
   * PostgreSQL: {@link #machineUpsert} for many machines at once, from four arrays (days, mids,
   * heartbeats, internet-up counts) with no (day, mid) twice; returns day, mid and the new count.
   */
  static String machineUpsertMany(int hourOfDay) {
    String hh = column("h", hourOfDay);
    return MACHINE_UPSERT[hourOfDay]
        .replace(
            "VALUES (?, ?, ?, ?)",
            "SELECT * FROM unnest(?::bigint[], ?::bigint[], ?::integer[], ?::integer[])")
        .replace(" RETURNING " + hh, " RETURNING day, mid, " + hh);
  }

  /** Adds machines, heartbeats and internet-up counts to one hour of a unit's day row. */
  static String unitUpsert(int hourOfDay) {
    return UNIT_UPSERT[hourOfDay];
  }
}
