#!/usr/bin/env python3
"""A stand-in collector for the footprint benchmark: the agent's half of the contract only.

Listens on 127.0.0.1 (port 0 = any free one; the chosen port is written to PORT_FILE) and appends
one line per received heartbeat to LOG_FILE: "<epoch seconds> <seq>".
"""
import gzip
import json
import sys
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

PORT_FILE, LOG_FILE = sys.argv[1], sys.argv[2]
INTERVAL = int(sys.argv[3]) if len(sys.argv) > 3 else 1
TOKEN = "bench-agent-token"
last_seq = 0


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, *args):
        pass

    def body(self):
        raw = self.rfile.read(int(self.headers.get("Content-Length", "0")))
        if self.headers.get("Content-Encoding") == "gzip":
            raw = gzip.decompress(raw)
        return json.loads(raw) if raw else None

    def answer(self, status, obj):
        data = json.dumps(obj).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def config(self):
        return {"heartbeatIntervalSeconds": INTERVAL, "inventoryCheckIntervalSeconds": 3600, "probes": []}

    def do_GET(self):
        if self.path == "/api/v1/agent-config":
            self.answer(200, self.config())
        else:
            self.answer(404, {"error": "not_found", "detail": self.path})

    def do_POST(self):
        global last_seq
        body = self.body()
        if self.path == "/api/v1/enroll":
            self.answer(201, {"machineId": "m-bench", "agentToken": TOKEN, "config": self.config()})
        elif self.path == "/api/v1/heartbeats":
            now = time.time()
            accepted = dup = 0
            with open(LOG_FILE, "a") as log:
                for hb in body["heartbeats"]:
                    if hb["seq"] <= last_seq:
                        dup += 1
                        continue
                    last_seq = hb["seq"]
                    accepted += 1
                    log.write("%.3f %d\n" % (now, hb["seq"]))
            self.answer(200, {"accepted": accepted, "duplicates": dup})
        elif self.path == "/api/v1/inventory":
            self.answer(200, {})
        else:
            self.answer(404, {"error": "not_found", "detail": self.path})


server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
with open(PORT_FILE, "w") as f:
    f.write(str(server.server_address[1]))
server.serve_forever()
