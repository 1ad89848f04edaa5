#!/usr/bin/env python3
"""Print every Prometheus query of the digiready dashboards, with the dashboard variables substituted.

One JSON object per line and per panel target:
  {"dashboard": uid, "panel": title, "panel_id": n, "ref_id": "A", "instant": bool, "expr": "..."}

    python3 grafana/panel_queries.py --var unit=krong-nang
    python3 grafana/panel_queries.py --var unit=krong-nang --var __rate_interval=2m --dashboards other/dir

Grafana's built-in interval variables get defaults (below) that --var overrides. A variable with no
value stops the script with exit code 2, so that a new variable cannot slip into a test unsubstituted.
Stdlib only; importable (queries()) by the live check in check_queries.py.
"""
import argparse
import json
import re
import sys
from pathlib import Path

DEFAULT_DASHBOARDS = Path(__file__).resolve().parent / "dashboards"

# Grafana computes these from the time range and the scrape interval; these values suit a test
# Prometheus scraping every few seconds (rate() needs two samples inside $__rate_interval, and the
# period row's "offset $__range" needs data that old: a fresh Prometheus holds 30 s within a minute).
BUILTIN_DEFAULTS = {
    "__interval": "15s",
    "__interval_ms": "15000",
    "__rate_interval": "1m",
    "__range": "30s",
    "__range_s": "30",
    "__range_ms": "30000",
}

# $name, ${name}, ${name:format}, [[name]]; "$1" in label_replace is not a variable.
VARIABLE = re.compile(r"\$\{([A-Za-z_]\w*)(?::[^}]*)?\}|\[\[([A-Za-z_]\w*)(?::[^\]]*)?\]\]|\$([A-Za-z_]\w*)")


class MissingVariable(Exception):
    pass


def substitute(expr, values):
    def replace(match):
        name = match.group(1) or match.group(2) or match.group(3)
        if name not in values:
            raise MissingVariable(name)
        return values[name]

    return VARIABLE.sub(replace, expr)


def _panels(panels):
    for panel in panels:
        yield panel
        # rows keep their panels inside themselves when collapsed
        yield from _panels(panel.get("panels", []))


def queries(dashboards_dir, values):
    """Yield one dict per Prometheus target of every dashboard in dashboards_dir (sorted by file name)."""
    merged = dict(BUILTIN_DEFAULTS)
    merged.update(values)
    for path in sorted(Path(dashboards_dir).glob("*.json")):
        board = json.loads(path.read_text(encoding="utf-8"))
        for panel in _panels(board.get("panels", [])):
            for target in panel.get("targets", []):
                expr = target.get("expr")
                if not expr:
                    continue
                try:
                    resolved = substitute(expr, merged)
                except MissingVariable as missing:
                    raise MissingVariable(
                        f"{path.name}: panel '{panel.get('title')}' target {target.get('refId')}: "
                        f"no value for variable ${missing.args[0]} (give it with --var {missing.args[0]}=VALUE)"
                    ) from None
                yield {
                    "dashboard": board.get("uid", path.stem),
                    "panel": panel.get("title", ""),
                    "panel_id": panel.get("id"),
                    "ref_id": target.get("refId", ""),
                    "instant": bool(target.get("instant", False)),
                    "expr": resolved,
                }


def parse_vars(pairs):
    values = {}
    for pair in pairs:
        name, sep, value = pair.partition("=")
        if not sep or not name:
            raise SystemExit(f"--var: expected NAME=VALUE. Found: {pair}")
        values[name] = value
    return values


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dashboards", default=str(DEFAULT_DASHBOARDS), help="folder of dashboard JSON files")
    parser.add_argument("--var", action="append", default=[], metavar="NAME=VALUE",
                        help="value of a dashboard variable, e.g. unit=krong-nang (repeatable)")
    args = parser.parse_args(argv)
    try:
        for query in queries(args.dashboards, parse_vars(args.var)):
            print(json.dumps(query, ensure_ascii=False))
    except MissingVariable as missing:
        print(f"panel_queries.py: {missing}", file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main())
