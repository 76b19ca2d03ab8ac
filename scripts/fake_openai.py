#!/usr/bin/env python3
"""A tiny fake of the OpenAI chat completions API, for API checks and benchmarks. Loopback only.

    python3 scripts/fake_openai.py PORT [--latency-ms N]

POST /v1/chat/completions answers with "<IMPROVED_VARIABLE>" + the upper-cased text found inside
<VARIABLE>...</VARIABLE> of the last user message (the whole message when there is no such tag)
+ "</IMPROVED_VARIABLE>", and a usage block that counts words. --latency-ms delays every answer,
to imitate a real model in benchmarks. GET /health answers 200. Point textopt at it with
--textopt.model-clients.openai.base-url=http://127.0.0.1:PORT/v1 --textopt.model-clients.openai.api-key=sk-fake
"""
import argparse
import json
import re
import sys
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

VARIABLE = re.compile(r"<VARIABLE>(.*?)</VARIABLE>", re.DOTALL)


def text_of(content):
    """A message's content is a string or a list of parts ({"type": "text", "text": ...})."""
    if isinstance(content, str):
        return content
    if isinstance(content, list):
        return "".join(p.get("text", "") if isinstance(p, dict) else str(p) for p in content)
    return ""


def improve(messages):
    users = [m for m in messages if m.get("role") == "user"]
    text = text_of(users[-1].get("content")) if users else ""
    found = VARIABLE.findall(text)
    return (found[-1] if found else text).strip().upper()


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"  # keep-alive, as real providers do
    # Headers and body leave in one write, without Nagle: written separately, the body waits for the
    # client's delayed ACK (~40 ms on Linux), a stall real providers do not have.
    wbufsize = -1
    disable_nagle_algorithm = True
    latency_s = 0.0
    counter = 0
    lock = threading.Lock()

    def log_message(self, fmt, *args):  # quiet: the checks print their own summaries
        pass

    def answer(self, status, body):
        data = json.dumps(body).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)
        self.wfile.flush()

    def do_GET(self):
        if self.path in ("/health", "/v1/models"):
            self.answer(200, {"status": "ok", "data": [{"id": "fake-model", "object": "model"}]})
        else:
            self.answer(404, {"error": {"message": "not found", "type": "invalid_request_error"}})

    def do_POST(self):
        length = int(self.headers.get("Content-Length") or 0)
        try:
            request = json.loads(self.rfile.read(length) or b"{}")
        except ValueError:
            self.answer(400, {"error": {"message": "body is not JSON", "type": "invalid_request_error"}})
            return
        if not self.path.rstrip("/").endswith("/chat/completions"):
            self.answer(404, {"error": {"message": "not found", "type": "invalid_request_error"}})
            return
        if Handler.latency_s:
            time.sleep(Handler.latency_s)
        messages = request.get("messages") or []
        content = "<IMPROVED_VARIABLE>" + improve(messages) + "</IMPROVED_VARIABLE>"
        prompt_tokens = sum(len(text_of(m.get("content")).split()) for m in messages)
        completion_tokens = len(content.split())
        with Handler.lock:
            Handler.counter += 1
            n = Handler.counter
        self.answer(200, {
            "id": f"chatcmpl-fake-{n}",
            "object": "chat.completion",
            "created": int(time.time()),
            "model": request.get("model") or "gpt-4o",
            "choices": [{"index": 0, "finish_reason": "stop",
                         "message": {"role": "assistant", "content": content}}],
            "usage": {"prompt_tokens": prompt_tokens, "completion_tokens": completion_tokens,
                      "total_tokens": prompt_tokens + completion_tokens},
        })


def main(argv=None):
    parser = argparse.ArgumentParser(description="Fake OpenAI chat completions server (loopback only)")
    parser.add_argument("port", type=int)
    parser.add_argument("--latency-ms", type=int, default=0, help="delay every completion by N ms")
    args = parser.parse_args(argv)
    Handler.latency_s = args.latency_ms / 1000.0
    server = ThreadingHTTPServer(("127.0.0.1", args.port), Handler)
    server.daemon_threads = True
    print(f"fake OpenAI listening on http://127.0.0.1:{args.port}/v1", flush=True)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.server_close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
