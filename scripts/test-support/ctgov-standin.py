#!/usr/bin/env python3
"""A loopback stand-in for the ClinicalTrials.gov API v2 `studies` endpoint, used by the
`stroma fetch ctgov` tests. It serves the given real study files (API v2 single-study JSON),
in the order given, as pages `{"studies": [...], "nextPageToken": "..."}` of `pageSize` studies;
the token is the offset of the next page and the last page has no token, as the live API does.

usage: ctgov-standin.py STUDY.json...
Prints `port N` on stdout once listening on 127.0.0.1 (an ephemeral port), then one line per
request on stdout: `GET <path>?<query>`. Stops when stdin closes.
"""
import json, sys, threading
from http.server import BaseHTTPRequestHandler, HTTPServer
from urllib.parse import urlparse, parse_qs

studies = [json.load(open(p, encoding="utf-8")) for p in sys.argv[1:]]

class Handler(BaseHTTPRequestHandler):
    def do_GET(self):
        url = urlparse(self.path)
        print("GET " + self.path, flush=True)
        if url.path != "/api/v2/studies":
            self.send_error(404, "unknown path")
            return
        q = parse_qs(url.query)
        size = int(q.get("pageSize", ["10"])[0])
        start = int(q.get("pageToken", ["0"])[0])
        page = {"studies": studies[start:start + size]}
        if start + size < len(studies):
            page["nextPageToken"] = str(start + size)
        body = json.dumps(page).encode("utf-8")
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass

server = HTTPServer(("127.0.0.1", 0), Handler)
print("port %d" % server.server_address[1], flush=True)
threading.Thread(target=server.serve_forever, daemon=True).start()
sys.stdin.read()
server.shutdown()
