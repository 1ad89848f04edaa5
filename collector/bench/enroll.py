#!/usr/bin/env python3
"""Creates one unit, one enrollment token and N enrolled machines through the collector's real API,
each enrolling with a full inventory as agents do.

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


def inventory(i, hostname, uuid, serial, baseboard, mac, now):
    """A full snapshot as an office PC's agent sends it (~1.7 KB of JSON): the collector keeps it
    with the machine, so its size matters to every write of the machine's row."""
    gib = 1 << 30
    memory = (4 + 4 * (i % 2)) * gib
    return {
        "schemaVersion": 1, "agentVersion": "0.1.0", "collectedAt": now, "hostname": hostname,
        "system": {"manufacturer": "Dell Inc.", "model": "OptiPlex 3080", "serialNumber": serial,
                   "hardwareUuid": uuid},
        "baseboard": {"manufacturer": "Dell Inc.", "model": "0J37VM", "serialNumber": baseboard},
        "firmware": {"manufacturer": "Dell Inc.", "version": "2.21.0", "releaseDate": "2024-03-14"},
        "processor": {"name": "Intel(R) Core(TM) i3-10100 CPU @ 3.60GHz", "vendor": "GenuineIntel",
                      "physicalCores": 4, "logicalCores": 8, "maxFrequencyHz": 3600000000},
        "memory": {"totalBytes": memory, "modules": [
            {"sizeBytes": memory // 2, "type": "DDR4", "speedHz": 2666000000, "manufacturer": "Samsung"},
            {"sizeBytes": memory // 2, "type": "DDR4", "speedHz": 2666000000, "manufacturer": "Samsung"}]},
        "disks": [{"model": "WDC WDS250G2B0A-00SM50", "serialNumber": "D-" + serial,
                   "sizeBytes": 250059350016}],
        "fileSystems": [
            {"mount": "C:\\", "type": "NTFS", "totalBytes": 160 * gib, "usableBytes": 52 * gib},
            {"mount": "D:\\", "type": "NTFS", "totalBytes": 72 * gib, "usableBytes": 40 * gib}],
        "networkInterfaces": [
            {"name": "ethernet_32769", "displayName": "Realtek PCIe GbE Family Controller", "mac": mac,
             "ipv4": [f"10.{(i >> 16) & 255}.{(i >> 8) & 255}.{i & 255}"],
             "ipv6": [f"fe80::{i & 0xffff:x}:ff:fe00:{(i >> 8) & 255:x}"],
             "speedBitsPerSecond": 1000000000, "up": True, "virtual": False},
            {"name": "wireless_32768", "displayName": "Intel(R) Wi-Fi 6 AX201 160MHz",
             "mac": "04:" + mac[3:], "ipv4": [], "ipv6": [], "speedBitsPerSecond": 0, "up": False,
             "virtual": False}],
        "os": {"family": "Windows", "manufacturer": "Microsoft", "version": "10", "build": "19045",
               "bitness": 64, "bootTime": now},
    }


def enroll(i, enrollment_token):
    hostname = f"BENCH-PC-{i:06d}"
    uuid, serial, baseboard = f"bench-uuid-{i:06d}", f"bench-sn-{i:06d}", f"bench-bb-{i:06d}"
    mac = f"02:00:00:{(i >> 16) & 255:02x}:{(i >> 8) & 255:02x}:{i & 255:02x}"
    now = time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime())
    body = {
        "enrollmentToken": enrollment_token,
        "hostname": hostname,
        "fingerprint": {
            "hardwareUuid": uuid,
            "systemSerial": serial,
            "baseboardSerial": baseboard,
            "macs": [mac],
            "osInstallId": f"bench-os-{i:06d}",
        },
        "inventory": inventory(i, hostname, uuid, serial, baseboard, mac, now),
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
