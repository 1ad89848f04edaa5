#!/usr/bin/env python3
"""Creates one unit, one enrollment token and N enrolled machines through the collector's real API.

Writes one line per machine, "<machineId> <agentToken>", to OUT (read by heartbeat.lua).
Usage: enroll.py BASE_URL ADMIN_TOKEN N OUT [UNIT_CODE]
"""
import concurrent.futures
import http.client
import json
import sys
import threading
import time
import urllib.parse

BASE, ADMIN, N, OUT = sys.argv[1], sys.argv[2], int(sys.argv[3]), sys.argv[4]
UNIT = sys.argv[5] if len(sys.argv) > 5 else "bench"
URL = urllib.parse.urlsplit(BASE)
LOCAL = threading.local()


def call(method, path, body=None, token=None, expect=(200, 201)):
    """One request over this thread's keep-alive connection; a second try on a dropped connection."""
    headers = {"Content-Type": "application/json"}
    if token:
        headers["Authorization"] = "Bearer " + token
    data = None if body is None else json.dumps(body).encode()
    for attempt in (1, 2):
        conn = getattr(LOCAL, "conn", None)
        if conn is None:
            conn = LOCAL.conn = http.client.HTTPConnection(URL.hostname, URL.port, timeout=60)
        try:
            conn.request(method, path, body=data, headers=headers)
            answer = conn.getresponse()
            text = answer.read().decode()
            break
        except (http.client.HTTPException, OSError):
            conn.close()
            LOCAL.conn = None
            if attempt == 2:
                raise
    if answer.status not in expect:
        raise SystemExit(f"{method} {path}: HTTP {answer.status}: {text}")
    return json.loads(text) if text else None


def enroll(i, enrollment_token):
    body = {
        "enrollmentToken": enrollment_token,
        "hostname": f"BENCH-PC-{i:06d}",
        "fingerprint": {
            "hardwareUuid": f"bench-uuid-{i:06d}",
            "systemSerial": f"bench-sn-{i:06d}",
            "baseboardSerial": f"bench-bb-{i:06d}",
            "macs": [f"02:00:00:{(i >> 16) & 255:02x}:{(i >> 8) & 255:02x}:{i & 255:02x}"],
            "osInstallId": f"bench-os-{i:06d}",
        },
    }
    answer = call("POST", "/api/v1/enroll", body)
    return answer["machineId"], answer["agentToken"]


def main():
    started = time.monotonic()
    call("POST", "/api/v1/units", {"code": UNIT, "name": "Bench " + UNIT, "kind": "commune",
                                   "staff": max(N, 1)}, token=ADMIN)
    enrollment_token = call("POST", f"/api/v1/units/{UNIT}/enrollment-tokens", token=ADMIN)["token"]
    with concurrent.futures.ThreadPoolExecutor(max_workers=16) as pool:
        machines = list(pool.map(lambda i: enroll(i, enrollment_token), range(N)))
    ids = {m for m, _ in machines}
    if len(ids) != N:
        raise SystemExit(f"enrolled {N} machines but got {len(ids)} distinct machine ids")
    with open(OUT, "w", encoding="ascii") as f:
        for machine_id, token in machines:
            f.write(f"{machine_id} {token}\n")
    elapsed = time.monotonic() - started
    print(f"enrolled {N} machines in unit {UNIT} in {elapsed:.1f} s ({N / elapsed:.0f}/s)")


if __name__ == "__main__":
    main()
