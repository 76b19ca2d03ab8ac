#!/usr/bin/env python3
"""A tiny OpenAI-compatible chat completions server for reliability checks (loopback only).

    fake_openai.py PORT [MIN_DELAY_S] [MAX_DELAY_S]

Every POST /v1/chat/completions waits a random time between MIN and MAX seconds, then answers
<IMPROVED_VARIABLE>v-<n></IMPROVED_VARIABLE> with a unique n, costing 11 prompt and 7 completion
tokens. A prompt containing "SLEEP=<seconds>" waits that long instead, until GET /fast turns such
waits off. GET /count says how many calls were answered. Python standard library only.
"""
import json
import random
import re
import sys
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

PORT = int(sys.argv[1])
MIN_DELAY = float(sys.argv[2]) if len(sys.argv) > 2 else 0.0
MAX_DELAY = float(sys.argv[3]) if len(sys.argv) > 3 else MIN_DELAY
_lock = threading.Lock()
_count = 0
_fast = threading.Event()


def next_number():
    global _count
    with _lock:
        _count += 1
        return _count


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    # Headers and body leave in one write, without Nagle: written separately, the body waits for the
    # client's delayed ACK (~40 ms on Linux), a stall real providers do not have.
    wbufsize = -1
    disable_nagle_algorithm = True

    def log_message(self, *args):
        pass

    def _send(self, status, payload):
        body = json.dumps(payload).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)
        self.wfile.flush()

    def do_GET(self):
        if self.path == "/count":
            self._send(200, {"count": _count})
        elif self.path == "/fast":
            _fast.set()
            self._send(200, {"fast": True})
        else:
            self._send(404, {"error": {"message": "not found"}})

    def do_POST(self):
        length = int(self.headers.get("Content-Length") or 0)
        raw = self.rfile.read(length).decode("utf-8", "replace")
        if not self.path.startswith("/v1/chat/completions"):
            self._send(404, {"error": {"message": "not found"}})
            return
        match = re.search(r"SLEEP=([0-9.]+)", raw)
        delay = float(match.group(1)) if match and not _fast.is_set() else random.uniform(MIN_DELAY, MAX_DELAY)
        time.sleep(min(delay, 60.0))
        n = next_number()
        self._send(200, {
            "id": "chatcmpl-fake-%d" % n,
            "object": "chat.completion",
            "created": int(time.time()),
            "model": "gpt-4o-2024-08-06",
            "choices": [{"index": 0, "finish_reason": "stop",
                         "message": {"role": "assistant",
                                     "content": "<IMPROVED_VARIABLE>v-%d</IMPROVED_VARIABLE>" % n}}],
            "usage": {"prompt_tokens": 11, "completion_tokens": 7, "total_tokens": 18},
        })


if __name__ == "__main__":
    server = ThreadingHTTPServer(("127.0.0.1", PORT), Handler)
    server.daemon_threads = True
    print("fake-openai listening on 127.0.0.1:%d" % PORT, flush=True)
    server.serve_forever()
