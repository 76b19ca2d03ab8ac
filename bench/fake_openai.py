#!/usr/bin/env python3
"""A fake OpenAI-compatible chat completions server for benchmarks (loopback only, stdlib only).

POST /v1/chat/completions answers after --latency-ms with an <IMPROVED_VARIABLE> reply and a
usage block. It records, per request, how long it held the request (the "model call" time), and
GET /stats returns {"count", "max_concurrent", "calls": [[start_epoch_s, end_epoch_s], ...]}.
POST /stats/reset clears them.
"""
import argparse
import json
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

_lock = threading.Lock()
_calls = []          # (start, end) wall-clock seconds of each completed request
_in_flight = 0
_max_in_flight = 0


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    latency = 0.3

    def log_message(self, fmt, *args):  # quiet
        pass

    def _send(self, code, body):
        data = json.dumps(body).encode()
        self.send_response(code)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def do_GET(self):
        if self.path.startswith("/stats"):
            with _lock:
                self._send(200, {"count": len(_calls), "max_concurrent": _max_in_flight, "calls": list(_calls)})
        else:
            self._send(404, {"error": {"message": "not found"}})

    def do_POST(self):
        global _in_flight, _max_in_flight
        length = int(self.headers.get("Content-Length") or 0)
        raw = self.rfile.read(length) if length else b""
        if self.path.startswith("/stats/reset"):
            with _lock:
                _calls.clear()
                _max_in_flight = 0
            self._send(200, {"ok": True})
            return
        if not self.path.endswith("/chat/completions"):
            self._send(404, {"error": {"message": "not found"}})
            return
        start = time.time()
        with _lock:
            _in_flight += 1
            _max_in_flight = max(_max_in_flight, _in_flight)
        try:
            req = json.loads(raw or b"{}")
            model = req.get("model") or "gpt-4o-mini"
            prompt_chars = sum(len(str(m.get("content", ""))) for m in req.get("messages", []))
            time.sleep(self.latency)
            text = "<IMPROVED_VARIABLE>Improved prompt %d</IMPROVED_VARIABLE>" % int(start * 1000)
            body = {
                "id": "chatcmpl-fake", "object": "chat.completion", "created": int(start), "model": model,
                "choices": [{"index": 0, "finish_reason": "stop",
                             "message": {"role": "assistant", "content": text}}],
                "usage": {"prompt_tokens": max(1, prompt_chars // 4), "completion_tokens": 12,
                          "total_tokens": max(1, prompt_chars // 4) + 12},
            }
        finally:
            with _lock:
                _in_flight -= 1
        self._send(200, body)
        with _lock:
            _calls.append((start, time.time()))


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--port", type=int, required=True)
    p.add_argument("--latency-ms", type=float, default=300)
    a = p.parse_args()
    Handler.latency = a.latency_ms / 1000.0
    ThreadingHTTPServer.daemon_threads = True
    ThreadingHTTPServer.request_queue_size = 256
    srv = ThreadingHTTPServer(("127.0.0.1", a.port), Handler)
    print("fake openai on 127.0.0.1:%d latency %.0f ms" % (a.port, a.latency_ms), flush=True)
    try:
        srv.serve_forever()
    except KeyboardInterrupt:
        pass


if __name__ == "__main__":
    main()
