"""What the tests share: the live textopt they run against (TEXTOPT_URL, TEXTOPT_API_KEY), the fake model
behind it (scripts/fake_model.py at TEXTOPT_FAKE_MODEL_URL), and a proxy that misbehaves on purpose."""
import http.client
import http.server
import json
import os
import socket
import struct
import threading
import time
import urllib.parse
import urllib.request

from textopt import Client

FAKE_MODEL_URL = os.environ.get("TEXTOPT_FAKE_MODEL_URL", "http://127.0.0.1:18181")
PROBLEMS = "https://textopt.dev/problems/"


def require_textopt():
    try:
        Client(max_retries=0).get("/actuator/health")
    except Exception as e:  # noqa: BLE001 - any failure means there is nothing to test against
        raise RuntimeError(f"no textopt answers at {Client().url}: {e}") from e


def fake_model(**control):
    """Tells the fake model how to answer (its control API: fail_next, fail_status, fast, ...)."""
    request = urllib.request.Request(FAKE_MODEL_URL + "/control", json.dumps(control).encode(), method="POST")
    with urllib.request.urlopen(request, timeout=10) as answer:
        return json.loads(answer.read())


def refuse(status, slug, headers=None):
    """A plan step: the proxy answers this problem itself instead of forwarding."""
    return status, headers or {}, {"type": PROBLEMS + slug, "title": slug, "status": status,
                                   "detail": f"the proxy said {slug}"}


class Proxy:
    """A local HTTP server in front of textopt that does to the n-th request what `plan(n)` says:
    "forward"; "lose-answer" (forwarded, then the connection closes without its answer, as when an
    instance or a network path dies after the work); "reset" (the connection is reset before anything is
    forwarded); or (status, headers, problem) as refuse() makes it, answered by the proxy itself.
    `seen` lists each request as {at (monotonic seconds), method, path, headers (lower-case names)}."""

    def __init__(self, target, plan):
        self.seen = []
        proxy = self
        upstream = urllib.parse.urlsplit(target)

        class Handler(http.server.BaseHTTPRequestHandler):
            def log_message(self, *args):
                pass

            def handle_one_request(self):
                try:
                    super().handle_one_request()
                except ConnectionError:
                    self.close_connection = True

            def _handle(self):
                body = self.rfile.read(int(self.headers.get("Content-Length") or 0))
                proxy.seen.append({"at": time.monotonic(), "method": self.command, "path": self.path,
                                   "headers": {k.lower(): v for k, v in self.headers.items()}})
                action = plan(len(proxy.seen) - 1)
                if action == "reset":
                    self.connection.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
                    self.close_connection = True
                    return
                if isinstance(action, tuple):  # a problem (dict), or a page of text as a proxy of its own might send
                    status, headers, problem = action
                    text = isinstance(problem, str)
                    self._answer(status, dict(headers, **{"Content-Type": "text/html" if text else "application/problem+json"}),
                                 (problem if text else json.dumps(problem)).encode())
                    return
                status, headers, answer = self._forward(body)
                if action == "lose-answer":
                    self.close_connection = True
                    return
                self._answer(status, headers, answer)

            def _forward(self, body):
                connection = http.client.HTTPConnection(upstream.hostname, upstream.port, timeout=120)
                try:
                    headers = {k: v for k, v in self.headers.items() if k.lower() not in ("host", "connection")}
                    connection.request(self.command, self.path, body or None, headers)
                    answer = connection.getresponse()
                    kept = {k: v for k, v in answer.getheaders()
                            if k.lower() not in ("transfer-encoding", "connection", "content-length")}
                    return answer.status, kept, answer.read()
                finally:
                    connection.close()

            def _answer(self, status, headers, body):
                self.send_response(status)
                for name, value in headers.items():
                    self.send_header(name, value)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            do_GET = do_POST = do_PUT = do_PATCH = do_DELETE = _handle

        self.server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def close(self):
        self.server.shutdown()
        self.server.server_close()
