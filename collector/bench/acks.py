#!/usr/bin/env python3
"""Checks that a collector kept every heartbeat it acknowledged.

    acks.py BASE_URL ADMIN_TOKEN ACK_LOG

ACK_LOG is the simulator's --ack-log: one "machineId seq" line per acknowledged heartbeat. For each
machine, the collector must hold at least as many heartbeats as distinct seqs were acknowledged
(GET /api/v1/machines/{id}/history, the sum of its hourly buckets; more is fine: a heartbeat whose
answer was lost when a collector died is stored but not acknowledged), and its lastSeq must be at
least the highest acknowledged seq. Prints the totals; exit 1 on any loss.
"""
import json
import sys
import urllib.request
from collections import defaultdict
from datetime import datetime, timedelta, timezone


def get(base, token, path):
    request = urllib.request.Request(base + path, headers={"Authorization": "Bearer " + token})
    with urllib.request.urlopen(request, timeout=60) as answer:
        return json.load(answer)


def main():
    if len(sys.argv) != 4:
        raise SystemExit(__doc__)
    base, token, log = sys.argv[1].rstrip("/"), sys.argv[2], sys.argv[3]
    seqs = defaultdict(set)
    lines = 0
    with open(log, encoding="utf-8") as f:
        for line in f:
            machine, seq = line.split()
            seqs[machine].add(int(seq))
            lines += 1
    now = datetime.now(timezone.utc)
    until = (now + timedelta(hours=2)).strftime("%Y-%m-%dT%H:00:00Z")
    since = (now - timedelta(days=2)).strftime("%Y-%m-%dT%H:00:00Z")
    acknowledged = stored = lost = short = 0
    for machine, acked in seqs.items():
        detail = get(base, token, f"/api/v1/machines/{machine}")
        history = get(base, token, f"/api/v1/machines/{machine}/history?from={since}&to={until}")
        held = sum(b["heartbeats"] for b in history["buckets"])
        acknowledged += len(acked)
        stored += held
        if held < len(acked):
            lost += len(acked) - held
            print(f"LOST {machine}: {len(acked)} acknowledged, {held} stored")
        if detail["lastSeq"] < max(acked):
            short += 1
            print(f"BEHIND {machine}: lastSeq {detail['lastSeq']} < acknowledged {max(acked)}")
    print(f"acks: {len(seqs)} machines, {lines} acknowledgements ({acknowledged} distinct heartbeats),"
          f" {stored} stored; lost {lost}, machines behind their last acknowledged seq {short}")
    sys.exit(1 if lost or short else 0)


if __name__ == "__main__":
    main()
