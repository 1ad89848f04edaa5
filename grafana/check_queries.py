#!/usr/bin/env python3
"""Evaluate every panel query of the dashboards against a real Prometheus; fail on an error or an empty result.

Two ways to run it:

  # against a Prometheus you started (it must load install/prometheus/digiready.rules.yml,
  # the boards read the recording rules)
  python3 grafana/check_queries.py --prometheus-url http://127.0.0.1:9090 --unit krong-nang

  # self-contained: serves a synthetic fleet in the collector's metric names on 127.0.0.1,
  # starts `prometheus` (Debian package) on 127.0.0.1 with the digiready rules, and checks
  python3 grafana/check_queries.py --synthetic

  # only the static checks of the JSON files (uids, schema version, layout, data source)
  python3 grafana/check_queries.py --lint

Polls until every query answers with data or --wait-seconds pass (the first scrape and the first rule
evaluation take a few seconds), then prints one line per query and exits 1 if any failed.
Stdlib only. Everything listens on 127.0.0.1 only.
"""
import argparse
import http.server
import json
import shutil
import socket
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import panel_queries  # noqa: E402

REPO = Path(__file__).resolve().parent.parent
RULES = REPO / "install" / "prometheus" / "digiready.rules.yml"

# A small tree: province > district > two communes, and an agency under a commune.
UNITS = [
    # code, name, parent, kind, staff (subtree), own machines: (online, offline), internet ok of online
    ("dak-lak", "Tỉnh Đắk Lắk", "", "province"),
    ("krong-nang", "Huyện Krông Năng", "dak-lak", "district"),
    ("krong-nang.phu-loc", "Xã Phú Lộc", "krong-nang", "commune"),
    ("krong-nang.dak-lo", "Xã Đắk Lộ", "krong-nang", "commune"),
    ("krong-nang.phu-loc.cong-an", "Công an xã Phú Lộc", "krong-nang.phu-loc", "agency"),
]
# own machines per unit: list of (up, internet_up, os, cpu, memory_gib)
MACHINES = {
    "krong-nang": [(1, 1, "Windows 10", "Intel Core i5-8500", "8"), (1, 1, "Windows 11", "Intel Core i5-12400", "16"),
                   (0, 1, "Windows 10", "Intel Core i3-7100", "4")],
    "krong-nang.phu-loc": [(1, 1, "Windows 10", "Intel Core i3-7100", "4"), (1, 0, "Windows 7", "Intel Pentium G4400", "2"),
                           (0, 0, "Windows 10", "Intel Core i3-7100", "8")],
    "krong-nang.dak-lo": [(1, 1, "Ubuntu 22.04", "AMD Ryzen 5 3400G", "8"), (1, 1, "Windows 10", "Intel Core i5-8500", "8")],
    "krong-nang.phu-loc.cong-an": [(1, 1, "Windows 11", "Intel Core i5-12400", "8")],
}
STAFF_OWN = {"dak-lak": 0, "krong-nang": 3, "krong-nang.phu-loc": 4, "krong-nang.dak-lo": 2,
             "krong-nang.phu-loc.cong-an": 1}


def _subtree(code):
    out = [code]
    for child, _, parent, _ in UNITS:
        if parent == code:
            out += _subtree(child)
    return out


def synthetic_metrics(scrape_count):
    """Prometheus text in the collector's names and labels (../shared/DESIGN.md, Metrics)."""
    lines = []

    def family(name, kind, help_text, samples, suffix=""):
        lines.append(f"# HELP {name} {help_text}")
        lines.append(f"# TYPE {name} {kind}")
        for labels, value in samples:
            rendered = ",".join(f'{k}="{v}"' for k, v in labels.items())
            lines.append(f"{name}{suffix}{{{rendered}}} {value}")

    now = time.time()
    machines = []  # (unit, machine id, hostname, up, internet, os, cpu, mem)
    for unit, own in MACHINES.items():
        for i, (up, internet, os_name, cpu, mem) in enumerate(own):
            machines.append((unit, f"m-{unit}-{i}", f"PC-{unit.split('.')[-1].upper()}-{i:02d}", up, internet,
                             os_name, cpu, mem))

    info, staff, by_state, internet_m, compliant, eq, conn, comp, score, eq_t, conn_t, office = ([] for _ in range(12))
    protected, prot, prot_t = [], [], []
    for code, name, parent, kind in UNITS:
        sub = _subtree(code)
        mine = [m for m in machines if m[0] in sub]
        online = sum(1 for m in mine if m[3] == 1)
        working = len(mine)
        with_internet = sum(1 for m in mine if m[4] == 1)
        compliant_n = sum(1 for m in mine if float(m[7]) >= 4 and "Windows 7" not in m[5])
        # protected: every computer but the Windows 7 ones (no supported anti-malware there)
        protected_n = sum(1 for m in mine if "Windows 7" not in m[5])
        staff_n = sum(STAFF_OWN[u] for u in sub)
        covered = sum(min(len([m for m in machines if m[0] == u]), STAFF_OWN[u]) for u in sub)
        u = {"unit": code}
        info.append(({"unit": code, "name": name, "parent": parent, "kind": kind}, 1))
        staff.append((u, staff_n))
        for state, count in (("online", online), ("offline", working - online), ("stale", 1), ("retired", 0)):
            by_state.append(({"unit": code, "state": state}, count))
        internet_m.append((u, with_internet))
        compliant.append((u, compliant_n))
        if staff_n:
            eq.append((u, covered / staff_n))
        if working:
            conn.append((u, with_internet / working))
            comp.append((u, compliant_n / working))
            score.append((u, (covered / max(staff_n, 1) + with_internet / working + compliant_n / working) / 3))
        protected.append((u, protected_n))
        if working:
            prot.append((u, protected_n / working))
        prot_t.append((u, 1.0))
        eq_t.append((u, 1.0))
        conn_t.append((u, 0.98))
        office.append((u, 1))

    family("digiready_unit_info", "gauge", "Unit names and tree.", info)
    family("digiready_unit_staff", "gauge", "Headcount of the subtree.", staff)
    family("digiready_unit_machines", "gauge", "Machines by state, subtree.", by_state)
    family("digiready_unit_internet_machines", "gauge", "Working machines with internet in the window.", internet_m)
    family("digiready_unit_compliant_machines", "gauge", "Working machines meeting the policy.", compliant)
    family("digiready_unit_equipment_coverage_ratio", "gauge", "Equipment coverage.", eq)
    family("digiready_unit_connectivity_coverage_ratio", "gauge", "Connectivity coverage.", conn)
    family("digiready_unit_compliance_ratio", "gauge", "Compliance.", comp)
    family("digiready_unit_readiness_score", "gauge", "Readiness score.", score)
    family("digiready_unit_equipment_target_ratio", "gauge", "Equipment target.", eq_t)
    family("digiready_unit_connectivity_target_ratio", "gauge", "Connectivity target.", conn_t)
    family("digiready_unit_protected_machines", "gauge", "Working machines with anti-malware on and up to date.",
           protected)
    family("digiready_unit_protection_coverage_ratio", "gauge", "Protection coverage.", prot)
    family("digiready_unit_protection_target_ratio", "gauge", "Protection target.", prot_t)
    family("digiready_unit_office_open", "gauge", "1 inside office hours.", office)
    ml = [({"unit": m[0], "machine": m[1], "hostname": m[2]}, m) for m in machines]
    family("digiready_machine_up", "gauge", "1 online, 0 offline.", [(labels, m[3]) for labels, m in ml])
    family("digiready_machine_last_seen_timestamp_seconds", "gauge", "Last heartbeat.",
           [(labels, round(now - (30 if m[3] else 5400))) for labels, m in ml])
    family("digiready_machine_internet_up", "gauge", "Last internet probe result.",
           [(labels, m[4]) for labels, m in ml])
    family("digiready_machine_info", "gauge", "Machine inventory.",
           [({**labels, "os": m[5], "cpu": m[6], "memory_gib": m[7]}, 1) for labels, m in ml])
    compliant = [(labels, 1 if float(m[7]) >= 4 and "Windows 7" not in m[5] else 0) for labels, m in ml]
    family("digiready_machine_compliant", "gauge", "1 when the machine meets the readiness policy.", compliant)
    failing = [({**labels, "rule": rule, "status": "fail"}, 1) for labels, m in ml
               for rule, fails in (("memory", float(m[7]) < 4), ("os", "Windows 7" in m[5])) if fails]
    family("digiready_machine_policy_failing", "gauge", "1 per failing readiness rule.", failing)
    portal = "https://dichvucong.gov.vn"
    probes = []
    for unit, own in MACHINES.items():
        probes.append(({"unit": unit, "target": portal, "kind": "http", "outcome": "ok"},
                       scrape_count * sum(m[1] for m in own)))
        probes.append(({"unit": unit, "target": "dichvucong.gov.vn", "kind": "dns", "outcome": "ok"},
                       scrape_count * sum(m[1] for m in own)))
        probes.append(({"unit": unit, "target": portal, "kind": "http", "outcome": "timeout"},
                       scrape_count * sum(1 - m[1] for m in own)))
    family("digiready_probe_results_total", "counter", "Probe results.", probes)
    buckets = [("0.05", 1), ("0.1", 8), ("0.25", 10), ("+Inf", 10)]
    family("digiready_probe_latency_seconds", "histogram", "Latency of successful probes.",
           [({"target": portal, "kind": "http", "le": le}, n * scrape_count) for le, n in buckets], "_bucket")
    family("digiready_reports_received_total", "counter", "Reports received.",
           [({"kind": "heartbeat", "outcome": "accepted"}, 100 * scrape_count),
            ({"kind": "inventory", "outcome": "accepted"}, 3 * scrape_count),
            ({"kind": "heartbeat", "outcome": "duplicate"}, scrape_count)])
    return "\n".join(lines) + "\n"


class _MetricsHandler(http.server.BaseHTTPRequestHandler):
    scrapes = 0

    def do_GET(self):  # noqa: N802 (http.server naming)
        _MetricsHandler.scrapes += 1
        body = synthetic_metrics(_MetricsHandler.scrapes).encode("utf-8")
        self.send_response(200)
        self.send_header("Content-Type", "text/plain; version=0.0.4; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


def _free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start_synthetic(workdir):
    """Start the metrics server and a Prometheus scraping it; return (url, prometheus process, server)."""
    binary = shutil.which("prometheus")
    if not binary:
        raise SystemExit("check_queries.py: prometheus not found (apt-get install -y prometheus)")
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _MetricsHandler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    config = Path(workdir) / "prometheus.yml"
    config.write_text(
        "global:\n  scrape_interval: 1s\n  evaluation_interval: 1s\n"
        f"rule_files:\n  - {json.dumps(str(RULES))}\n"
        "scrape_configs:\n  - job_name: digiready\n    static_configs:\n"
        f"      - targets: ['127.0.0.1:{server.server_address[1]}']\n",
        encoding="utf-8",
    )
    port = _free_port()
    log = open(Path(workdir) / "prometheus.log", "wb")
    proc = subprocess.Popen(
        [binary, f"--config.file={config}", f"--storage.tsdb.path={Path(workdir) / 'data'}",
         f"--web.listen-address=127.0.0.1:{port}"],
        stdout=log, stderr=subprocess.STDOUT,
    )
    return f"http://127.0.0.1:{port}", proc, server


def evaluate(base_url, expr):
    """Return (number of series, error or None) for an instant query."""
    url = f"{base_url}/api/v1/query?" + urllib.parse.urlencode({"query": expr})
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            payload = json.load(response)
    except urllib.error.HTTPError as error:
        try:
            payload = json.load(error)
        except ValueError:
            return 0, f"HTTP {error.code}"
    except (urllib.error.URLError, OSError) as error:
        return 0, f"unreachable: {error}"
    if payload.get("status") != "success":
        return 0, f"{payload.get('errorType')}: {payload.get('error')}"
    result = payload["data"]["result"]
    if payload["data"]["resultType"] == "scalar":
        return 1, None
    return len(result), None


def lint(dashboards):
    """Static problems of the dashboard files: what Grafana would reject or show wrongly."""
    problems, uids = [], set()
    for path in sorted(Path(dashboards).glob("*.json")):
        board = json.loads(path.read_text(encoding="utf-8"))
        where = path.name
        uid = board.get("uid", "")
        if not uid or len(uid) > 40 or uid in uids:
            problems.append(f"{where}: uid missing, longer than 40 characters or used twice: {uid!r}")
        uids.add(uid)
        if board.get("schemaVersion", 0) < 39:
            problems.append(f"{where}: schemaVersion below 39")
        if "digiready" not in board.get("tags", []):
            problems.append(f"{where}: tag digiready missing")
        names = [v["name"] for v in board.get("templating", {}).get("list", [])]
        uses_unit = "$unit" in path.read_text(encoding="utf-8")
        if uses_unit and "unit" not in names:
            problems.append(f"{where}: uses $unit without a unit variable")
        ids, cells = set(), {}
        for panel in board.get("panels", []):
            title = panel.get("title", "?")
            if panel.get("id") in ids:
                problems.append(f"{where}: panel id {panel.get('id')} used twice")
            ids.add(panel.get("id"))
            pos = panel.get("gridPos", {})
            if pos.get("x", 0) + pos.get("w", 0) > 24:
                problems.append(f"{where}: panel '{title}' wider than the 24 grid columns")
            for x in range(pos.get("x", 0), pos.get("x", 0) + pos.get("w", 0)):
                for y in range(pos.get("y", 0), pos.get("y", 0) + pos.get("h", 0)):
                    if (x, y) in cells:
                        problems.append(f"{where}: panels '{cells[(x, y)]}' and '{title}' overlap")
                        break
                    cells[(x, y)] = title
                else:
                    continue
                break
            if panel.get("type") not in ("text", "row") and not panel.get("targets"):
                problems.append(f"{where}: panel '{title}' has no query")
            for t in panel.get("targets", []):
                if t.get("datasource", {}).get("uid") != "${datasource}":
                    problems.append(f"{where}: panel '{title}' target {t.get('refId')} not on ${{datasource}}")
    return problems


def rule_problems(base_url):
    """Problems with the digiready rules loaded in Prometheus: missing groups, rules failing to evaluate."""
    try:
        with urllib.request.urlopen(f"{base_url}/api/v1/rules", timeout=10) as response:
            groups = json.load(response)["data"]["groups"]
    except (urllib.error.URLError, OSError, ValueError, KeyError) as error:
        return [f"rules: cannot read /api/v1/rules: {error}"]
    names = {g["name"] for g in groups}
    problems = [] if "digiready" in names else [f"rules: group digiready not loaded (rule_files must include {RULES.name})"]
    for group in groups:
        for rule in group["rules"]:
            if rule.get("health") == "err":
                problems.append(f"rules: {group['name']} / {rule['name']}: {rule.get('lastError')}")
    return problems


def check(base_url, dashboards, values_list, wait_seconds):
    todo = []
    for values in values_list:
        todo += [(values, q) for q in panel_queries.queries(dashboards, values)]
    deadline = time.monotonic() + wait_seconds
    while True:
        results = [(values, q, *evaluate(base_url, q["expr"])) for values, q in todo]
        failed = [r for r in results if r[3] or r[2] == 0]
        # a bad query will not fix itself; emptiness and a Prometheus still starting can
        waiting = [r for r in failed if not (r[3] and r[3].startswith("bad_data"))]
        if not waiting or time.monotonic() > deadline:
            break
        time.sleep(1)
    for values, q, count, error in results:
        status = "ERROR " + error if error else ("EMPTY" if count == 0 else f"ok {count}")
        print(f"{status:>8}  {q['dashboard']} / {q['panel']} [{q['ref_id']}] {json.dumps(values, ensure_ascii=False)}")
    print(f"{len(results) - len(failed)} of {len(results)} queries returned data", file=sys.stderr)
    problems = rule_problems(base_url)
    for problem in problems:
        print(problem, file=sys.stderr)
    return 1 if failed or problems else 0


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--prometheus-url", help="a running Prometheus that loads digiready.rules.yml")
    parser.add_argument("--synthetic", action="store_true", help="start a synthetic fleet and Prometheus")
    parser.add_argument("--lint", action="store_true", help="only the static checks of the dashboard files")
    parser.add_argument("--unit", action="append", default=[], help="value of $unit (repeatable: checks each)")
    parser.add_argument("--var", action="append", default=[], metavar="NAME=VALUE", help="other variables")
    parser.add_argument("--dashboards", default=str(panel_queries.DEFAULT_DASHBOARDS))
    parser.add_argument("--wait-seconds", type=float, default=60)
    args = parser.parse_args(argv)
    problems = lint(args.dashboards)
    for problem in problems:
        print(problem, file=sys.stderr)
    if args.lint:
        print(f"lint: {len(problems)} problem(s)", file=sys.stderr)
        return 1 if problems else 0
    if problems:
        return 1
    if bool(args.prometheus_url) == bool(args.synthetic):
        parser.error("give exactly one of --prometheus-url, --synthetic or --lint")
    extra = panel_queries.parse_vars(args.var)
    units = args.unit or (["dak-lak", "krong-nang", "krong-nang.phu-loc"] if args.synthetic else [])
    if not units:
        parser.error("--unit is required with --prometheus-url")
    values_list = [{**extra, "unit": unit} for unit in units]
    if args.prometheus_url:
        return check(args.prometheus_url.rstrip("/"), args.dashboards, values_list, args.wait_seconds)
    with tempfile.TemporaryDirectory(prefix="digiready-queries-") as workdir:
        url, proc, server = start_synthetic(workdir)
        try:
            return check(url, args.dashboards, values_list, args.wait_seconds)
        finally:
            proc.terminate()
            try:
                proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait(timeout=10)
            server.shutdown()


if __name__ == "__main__":
    sys.exit(main())
