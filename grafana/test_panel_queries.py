#!/usr/bin/env python3
"""Tests of panel_queries.py and of the dashboard files it reads: python3 grafana/test_panel_queries.py"""
import io
import json
import sys
import tempfile
import unittest
from contextlib import redirect_stderr, redirect_stdout
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import check_queries  # noqa: E402
import panel_queries  # noqa: E402


def board(uid, panels):
    return {"uid": uid, "title": uid, "panels": panels}


def panel(title, *exprs):
    return {"title": title, "targets": [{"refId": chr(65 + i), "expr": e} for i, e in enumerate(exprs)]}


class PanelQueriesTest(unittest.TestCase):
    def write(self, folder, name, content):
        (Path(folder) / name).write_text(json.dumps(content), encoding="utf-8")

    def run_main(self, *argv):
        out, err = io.StringIO(), io.StringIO()
        with redirect_stdout(out), redirect_stderr(err):
            code = panel_queries.main(list(argv))
        return code, out.getvalue(), err.getvalue()

    def test_every_variable_form_is_substituted_and_label_replace_groups_are_left_alone(self):
        expr = 'label_replace(x{unit="$unit"}, "a", "$1", "b", "(.*)") + y{u="${unit}", v="${unit:raw}", w="[[unit]]"}'
        self.assertEqual(
            panel_queries.substitute(expr, {"unit": "krong-nang"}),
            'label_replace(x{unit="krong-nang"}, "a", "$1", "b", "(.*)") + '
            'y{u="krong-nang", v="krong-nang", w="krong-nang"}',
        )

    def test_builtin_intervals_have_defaults_that_a_var_overrides(self):
        with tempfile.TemporaryDirectory() as folder:
            self.write(folder, "a.json", board("a", [panel("rate", "rate(c[$__rate_interval])")]))
            self.assertEqual([q["expr"] for q in panel_queries.queries(folder, {})], ["rate(c[1m])"])
            self.assertEqual([q["expr"] for q in panel_queries.queries(folder, {"__rate_interval": "5m"})],
                             ["rate(c[5m])"])

    def test_prints_one_json_line_per_target_including_panels_inside_rows(self):
        with tempfile.TemporaryDirectory() as folder:
            row = {"title": "row", "type": "row", "panels": [panel("inner", "b")]}
            self.write(folder, "a.json", board("board-a", [panel("outer", "a1", 'a2{unit="$unit"}'), row,
                                                           {"title": "text", "type": "text"}]))
            code, out, _ = self.run_main("--dashboards", folder, "--var", "unit=Xã")
            lines = [json.loads(line) for line in out.splitlines()]
        self.assertEqual(code, 0)
        self.assertEqual([(q["dashboard"], q["panel"], q["ref_id"], q["expr"]) for q in lines], [
            ("board-a", "outer", "A", "a1"),
            ("board-a", "outer", "B", 'a2{unit="Xã"}'),
            ("board-a", "inner", "A", "b"),
        ])

    def test_a_variable_without_value_exits_2_and_names_it(self):
        with tempfile.TemporaryDirectory() as folder:
            self.write(folder, "a.json", board("a", [panel("p", 'x{unit="$unit"}')]))
            code, out, err = self.run_main("--dashboards", folder)
        self.assertEqual(code, 2)
        self.assertEqual(out, "")
        self.assertIn("$unit", err)
        self.assertIn("--var unit=VALUE", err)


class ShippedDashboardsTest(unittest.TestCase):
    def test_the_shipped_dashboards_pass_the_static_checks(self):
        self.assertEqual(check_queries.lint(panel_queries.DEFAULT_DASHBOARDS), [])

    def test_the_four_dashboards_have_their_fixed_uids_and_a_unit_variable(self):
        uids = {}
        for path in panel_queries.DEFAULT_DASHBOARDS.glob("*.json"):
            content = json.loads(path.read_text(encoding="utf-8"))
            uids[content["uid"]] = [v["name"] for v in content["templating"]["list"]]
        self.assertEqual(set(uids), {"digiready-coverage", "digiready-unit-detail", "digiready-connectivity",
                                     "digiready-hardware"})
        for names in uids.values():
            self.assertIn("unit", names)

    def test_the_coverage_overview_has_a_period_row_that_sends_older_periods_to_the_collector(self):
        board = json.loads((panel_queries.DEFAULT_DASHBOARDS / "coverage-overview.json").read_text(encoding="utf-8"))
        rows = [p for p in board["panels"] if p["type"] == "row"]
        self.assertEqual([r["title"] for r in rows], ["Period: the end of the time range against its start"])
        below = [p for p in board["panels"] if p["gridPos"]["y"] > rows[0]["gridPos"]["y"]]
        text = next(p for p in below if p["type"] == "text")["options"]["content"]
        self.assertIn("the collector's own history is the source of truth", text)
        self.assertIn("/api/v1/reports/period", text)
        exprs = [t["expr"] for p in below for t in p.get("targets", [])]
        self.assertEqual(len(exprs), 12)
        self.assertEqual(sum("offset $__range" in e for e in exprs), 8)
        for e in exprs:
            self.assertRegex(e, r"digiready_unit_(equipment|connectivity)_coverage_ratio")

    def test_every_shipped_query_is_fully_substituted_given_a_unit(self):
        queries = list(panel_queries.queries(panel_queries.DEFAULT_DASHBOARDS, {"unit": "krong-nang"}))
        self.assertGreater(len(queries), 50)
        for query in queries:
            self.assertNotRegex(query["expr"], r"\$[A-Za-z_{]|\[\[", query["panel"])


if __name__ == "__main__":
    unittest.main(verbosity=2)
