package io.digiready.collector.store;

import io.digiready.collector.store.Store.Installation;
import io.digiready.collector.store.Store.InstalledRelease;
import io.digiready.collector.store.Store.SoftwareList;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The software questions asked of every machine's list: who has what, which releases, names. */
final class SoftwareReads {
  private SoftwareReads() {}

  static Optional<SoftwareList> software(Reads db, ReadKeys keys, String machineId) {
    Long mid = keys.mid(machineId);
    return db.withConnection(
        c -> {
          Instant at = SoftwareRows.reportedAt(c, machineId);
          if (at == null) {
            return Optional.empty();
          }
          return SoftwareRows.read(c, machineId, mid).map(list -> new SoftwareList(at, list));
        });
  }

  static List<Installation> installations(Reads db, String name) {
    return db.query(
        "SELECT s.machine_id, n.name, r.version, r.vendor, ms.install_day"
            + " FROM software_names n JOIN software_releases r ON r.sid = n.sid"
            + " JOIN machine_software ms ON ms.vid = r.vid"
            + " JOIN machine_state s ON s.mid = ms.mid WHERE n.name_key = ?",
        p -> p.setString(1, SoftwareRows.nameKey(name.strip())),
        rs -> {
          long day = rs.getLong(5);
          boolean noDay = rs.wasNull();
          String version = rs.getString(3);
          String vendor = rs.getString(4);
          return new Installation(
              rs.getString(1),
              rs.getString(2),
              version.isEmpty() ? null : version,
              vendor.isEmpty() ? null : vendor,
              noDay ? null : LocalDate.ofEpochDay(day));
        });
  }

  static void installedReleases(
      Reads db, ReadKeys keys, Collection<String> machineIds, InstalledRelease each) {
    Map<Long, String> byMid = new java.util.HashMap<>();
    for (String id : machineIds) {
      Long mid = keys.mid(id);
      if (mid != null) {
        byMid.put(mid, id);
      }
    }
    List<Long> mids = new ArrayList<>(byMid.keySet());
    for (int from = 0; from < mids.size(); from += 500) {
      List<Long> chunk = mids.subList(from, Math.min(mids.size(), from + 500));
      // Two integers a row, read straight from the primary key: no join, no sort.
      db.scan(
          "SELECT mid, vid FROM machine_software WHERE mid IN ("
              + Reads.placeholders(chunk.size())
              + ")",
          p -> {
            int i = 1;
            for (Long mid : chunk) {
              p.setLong(i++, mid);
            }
          },
          rs -> each.accept(byMid.get(rs.getLong(1)), rs.getInt(2)));
    }
  }

  static Map<Integer, Integer> releaseApplications(Reads db, Collection<Integer> vids) {
    List<Integer> list = new ArrayList<>(vids);
    Map<Integer, Integer> out = new java.util.HashMap<>();
    for (int from = 0; from < list.size(); from += 500) {
      List<Integer> chunk = list.subList(from, Math.min(list.size(), from + 500));
      db.scan(
          "SELECT vid, sid FROM software_releases WHERE vid IN ("
              + Reads.placeholders(chunk.size())
              + ")",
          p -> {
            int i = 1;
            for (Integer vid : chunk) {
              p.setInt(i++, vid);
            }
          },
          rs -> out.put(rs.getInt(1), rs.getInt(2)));
    }
    return out;
  }

  static java.util.Set<String> reported(Reads db, Collection<String> machineIds) {
    List<String> ids = new ArrayList<>(machineIds);
    java.util.Set<String> out = new java.util.HashSet<>();
    for (int from = 0; from < ids.size(); from += 500) {
      List<String> chunk = ids.subList(from, Math.min(ids.size(), from + 500));
      out.addAll(
          db.query(
              "SELECT id FROM machines WHERE software_at IS NOT NULL AND id IN ("
                  + Reads.placeholders(chunk.size())
                  + ")",
              p -> {
                int i = 1;
                for (String id : chunk) {
                  p.setString(i++, id);
                }
              },
              rs -> rs.getString(1)));
    }
    return out;
  }

  static Map<Integer, String> names(Reads db, Collection<Integer> sids) {
    return byId(db, "SELECT sid, name FROM software_names WHERE sid IN (", sids);
  }

  static Map<Integer, String> versions(Reads db, Collection<Integer> vids) {
    return byId(db, "SELECT vid, version FROM software_releases WHERE vid IN (", vids);
  }

  private static Map<Integer, String> byId(Reads db, String sqlStart, Collection<Integer> ids) {
    List<Integer> list = new ArrayList<>(ids);
    Map<Integer, String> out = new java.util.HashMap<>();
    for (int from = 0; from < list.size(); from += 500) {
      List<Integer> chunk = list.subList(from, Math.min(list.size(), from + 500));
      db.query(
          sqlStart + Reads.placeholders(chunk.size()) + ")",
          p -> {
            int i = 1;
            for (Integer id : chunk) {
              p.setInt(i++, id);
            }
          },
          rs -> out.put(rs.getInt(1), rs.getString(2)));
    }
    return out;
  }
}
