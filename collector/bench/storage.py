#!/usr/bin/env python3
"""Bytes a collector database keeps, per table, from SQLite's dbstat virtual table.

Usage: storage.py DATABASE MACHINES DAYS
       storage.py --raw-rows DATABASE    (prints the rows of the raw tables only)

Prints, per table (its own b-tree plus every index on it): rows, pages, bytes on disk (whole
pages: what the table costs) and payload bytes (the row data inside those pages). Then:
  bytes kept per machine-day = bytes of the ROLLUP tables and their indexes / (MACHINES x DAYS)
  bytes per raw heartbeat    = bytes of the RAW tables and their indexes / rows of the RAW tables
Tables of neither list (units, machines, tokens, events...) are shown but counted in neither.
"""
import os
import sqlite3
import sys

# ---------------------------------------------------------------------------------------------
# THE TABLE LISTS: which tables are long-kept rollups and which hold raw heartbeats. Names that do
# not exist in the database are skipped, so the lists hold today's schema and the planned one.
# Override with BENCH_ROLLUP_TABLES / BENCH_RAW_TABLES (space-separated names).
ROLLUP_TABLES = [
    # today (V001, V003)
    "heartbeat_hours", "unit_heartbeat_hours", "probe_hours",
    # planned in issue 13
    "machine_days", "unit_days", "unit_probe_days",
]
RAW_TABLES = ["raw_heartbeats", "raw_heartbeat_hours"]
# ---------------------------------------------------------------------------------------------


def main():
    rollup = os.environ.get("BENCH_ROLLUP_TABLES", "").split() or ROLLUP_TABLES
    raw = os.environ.get("BENCH_RAW_TABLES", "").split() or RAW_TABLES
    if len(sys.argv) == 3 and sys.argv[1] == "--raw-rows":
        db = sqlite3.connect(f"file:{sys.argv[2]}?mode=ro", uri=True)
        present = {r[0] for r in db.execute("SELECT name FROM sqlite_schema WHERE type = 'table'")}
        print(sum(db.execute(f'SELECT COUNT(*) FROM "{n}"').fetchone()[0] for n in raw if n in present))
        return
    if len(sys.argv) != 4:
        raise SystemExit(__doc__)
    path, machines, days = sys.argv[1], int(sys.argv[2]), float(sys.argv[3])
    if machines < 1 or days <= 0:
        raise SystemExit("machines must be >= 1 and days > 0")

    db = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        db.execute("SELECT 1 FROM dbstat LIMIT 1").fetchall()
    except sqlite3.OperationalError as e:
        raise SystemExit(f"this python3's SQLite has no dbstat virtual table: {e}")
    owner = {name: table for name, table in db.execute(
        "SELECT name, tbl_name FROM sqlite_schema WHERE type IN ('table', 'index')")}
    tables = {}  # table -> {"pages", "bytes", "payload", "btrees"}
    for name, pages, size, payload in db.execute(
            "SELECT name, COUNT(*), SUM(pgsize), SUM(payload) FROM dbstat GROUP BY name"):
        table = owner.get(name, name)  # sqlite_schema itself has no row in sqlite_schema
        t = tables.setdefault(table, {"pages": 0, "bytes": 0, "payload": 0, "btrees": []})
        t["pages"] += pages
        t["bytes"] += size
        t["payload"] += payload
        t["btrees"].append(name)
    for table, t in tables.items():
        if table.startswith("sqlite_"):
            t["rows"] = None
        else:
            t["rows"] = db.execute(f'SELECT COUNT(*) FROM "{table}"').fetchone()[0]
    page_size = db.execute("PRAGMA page_size").fetchone()[0]
    freelist = db.execute("PRAGMA freelist_count").fetchone()[0]

    def kind(table):
        if table in rollup:
            return "rollup"
        if table in raw:
            return "raw"
        return "other"

    print(f"database {path}: page size {page_size}, {freelist} free pages (not counted)")
    print(f"{'table (+ its indexes)':<34} {'kind':<7} {'rows':>10} {'pages':>7} {'bytes':>12}"
          f" {'payload':>12} {'bytes/row':>10}")
    order = {"rollup": 0, "raw": 1, "other": 2}
    for table in sorted(tables, key=lambda n: (order[kind(n)], n)):
        t = tables[table]
        rows = t["rows"]
        per_row = f"{t['bytes'] / rows:.1f}" if rows else "-"
        label = table + (f" ({len(t['btrees']) - 1} idx)" if len(t["btrees"]) > 1 else "")
        print(f"{label:<34} {kind(table):<7} {rows if rows is not None else '-':>10}"
              f" {t['pages']:>7} {t['bytes']:>12} {t['payload']:>12} {per_row:>10}")
    missing = [n for n in rollup + raw if n not in tables]

    rollup_bytes = sum(t["bytes"] for n, t in tables.items() if kind(n) == "rollup")
    rollup_payload = sum(t["payload"] for n, t in tables.items() if kind(n) == "rollup")
    raw_bytes = sum(t["bytes"] for n, t in tables.items() if kind(n) == "raw")
    # rows of the raw tables' own b-trees: one row per heartbeat (a columnar or packed layout that
    # keeps several heartbeats per row needs BENCH_RAW_HEARTBEATS, the heartbeats stored)
    raw_rows = sum(tables[n]["rows"] or 0 for n in tables if kind(n) == "raw")
    # A raw table that packs several heartbeats per row says how many in its "heartbeats" column.
    packed = 0
    for n in tables:
        if kind(n) == "raw":
            columns = [c[1] for c in db.execute(f'PRAGMA table_info("{n}")')]
            if "heartbeats" in columns:
                packed += db.execute(f'SELECT COALESCE(SUM(heartbeats), 0) FROM "{n}"').fetchone()[0]
            else:
                packed += tables[n]["rows"] or 0
    heartbeats = int(os.environ.get("BENCH_RAW_HEARTBEATS", "0")) or packed
    print()
    print(f"rollup tables: {' '.join(n for n in tables if kind(n) == 'rollup') or '(none found)'}")
    print(f"raw tables:    {' '.join(n for n in tables if kind(n) == 'raw') or '(none found)'}")
    if missing:
        print(f"(listed but not in this database: {' '.join(missing)})")
    print(f"machines: {machines}")
    print(f"days: {days:g}")
    print(f"rows in the raw table(s): {raw_rows}"
          + (f" (heartbeats stored, from BENCH_RAW_HEARTBEATS: {heartbeats})"
             if heartbeats != raw_rows else ""))
    # Machines that sent nothing on a day have no row of it: count the machine-days stored when
    # the table says, else MACHINES x DAYS.
    machine_days = machines * days
    if "machine_days" in tables and tables["machine_days"]["rows"]:
        machine_days = tables["machine_days"]["rows"]
        print(f"machine-days stored: {machine_days} (rows of machine_days;"
              f" {machines} machines x {days:g} days would be {machines * days:g})")
    print(f"bytes kept per machine-day: {rollup_bytes / machine_days:.0f}"
          f"  (rollup tables + indexes, {rollup_bytes} bytes in whole pages;"
          f" payload only: {rollup_payload / machine_days:.0f}; goal <= 1024)")
    if heartbeats:
        print(f"bytes per raw heartbeat: {raw_bytes / heartbeats:.1f}"
              f"  (raw table(s) + indexes, {raw_bytes} bytes / {heartbeats} heartbeats; goal <= 64)")
        # A machine-hour row packs that hour's heartbeats into one body: split what a row costs
        # from what each heartbeat adds, so that another interval's day can be worked out.
        if "raw_heartbeat_hours" in tables and raw_rows:
            body = db.execute("SELECT COALESCE(SUM(LENGTH(body)), 0) FROM raw_heartbeat_hours").fetchone()[0]
            print(f"raw model: {(raw_bytes - body) / raw_rows:.1f} bytes per machine-hour row"
                  f" + {body / heartbeats:.1f} bytes per heartbeat"
                  f" ({heartbeats / raw_rows:.1f} heartbeats a row in this database)")
    else:
        print("bytes per raw heartbeat: - (no raw heartbeat stored)")


if __name__ == "__main__":
    main()
