"""The HTTP side: JSON in and out, the Bearer key, an Idempotency-Key on every POST, retries of what is
worth retrying, and problems raised as typed errors. Standard library only."""
import email.utils
import http.client
import json
import os
import random
import socket
import time
import urllib.error
import urllib.request
import uuid

from .errors import PROBLEMS, TextoptConnectionError, error_for

DEFAULT_URL = "http://localhost:8080"
# 409 for this type: an earlier attempt of this very call (same key) is still being answered.
_IN_PROGRESS = PROBLEMS + "idempotency-key-in-progress"
# 503 for this type lasts until an operator sets the client's API key: retrying does not help.
_NOT_CONFIGURED = PROBLEMS + "model-client-unavailable"


class Client:
    """Sends requests to textopt at `url` (default: TEXTOPT_URL, else http://localhost:8080) with `api_key`
    (default: TEXTOPT_API_KEY) as a Bearer token.

    Every POST carries an `Idempotency-Key`, one per call and the same on each of its retries, so that a
    call whose answer was lost is done once: the service replays its first answer. Connection errors,
    429, 503 (except `model-client-unavailable`) and 409 `idempotency-key-in-progress` are retried up to
    `max_retries` times, after the answer's `Retry-After` or else a doubling backoff from `backoff`
    seconds, no wait longer than `max_backoff`. Timeouts (`timeout` seconds per attempt) are not retried. A DELETE
    retried after a lost answer that then finds nothing (404) succeeds: the lost attempt did the deleting."""

    def __init__(self, url=None, api_key=None, timeout=300, max_retries=4, backoff=0.5, max_backoff=30.0):
        self.url = (url or os.environ.get("TEXTOPT_URL") or DEFAULT_URL).rstrip("/")
        self.api_key = api_key if api_key is not None else os.environ.get("TEXTOPT_API_KEY")
        self.timeout = timeout
        self.max_retries = max_retries
        self.backoff = backoff
        self.max_backoff = max_backoff

    def request(self, method, path, body=None, headers=None, idempotency_key=None):
        """The answer's JSON (None when it has no body). Raises a TextoptError subclass for 4xx/5xx and
        TextoptConnectionError when textopt cannot be reached after the retries."""
        data = None if body is None else json.dumps(body, default=_json).encode("utf-8")
        headers = dict(headers or {})
        if method == "POST":
            headers.setdefault("Idempotency-Key", idempotency_key or str(uuid.uuid4()))
        attempt, answer_lost = 0, False
        while True:
            try:
                return self._send(method, path, data, headers)
            except urllib.error.HTTPError as answer:
                error = _error(answer)
                if method == "DELETE" and answer_lost and error.status == 404:
                    return None  # the attempt whose answer was lost deleted it: what was asked for is done
                if attempt >= self.max_retries or not _retryable(error):
                    raise error from None
                wait = error.retry_after
            except (ConnectionError, http.client.HTTPException, urllib.error.URLError) as lost:
                if _timed_out(lost):
                    raise TimeoutError(f"textopt at {self.url} did not answer {method} {path} "
                                       f"within {self.timeout} s") from lost
                if attempt >= self.max_retries:
                    raise TextoptConnectionError(self.url, attempt + 1, lost) from lost
                # A refused connection sent nothing; any other loss may have been after the server acted.
                wait, answer_lost = None, answer_lost or not _refused(lost)
            if wait is None:
                wait = self.backoff * 2 ** attempt * random.uniform(0.8, 1.0)
            time.sleep(min(wait, self.max_backoff))
            attempt += 1

    def get(self, path):
        return self.request("GET", path)

    def post(self, path, body=None, headers=None, idempotency_key=None):
        return self.request("POST", path, body, headers, idempotency_key)

    def _send(self, method, path, data, headers):
        request = urllib.request.Request(self.url + path, data=data, method=method)
        request.add_header("Accept", "application/json, application/problem+json")
        if data is not None:
            request.add_header("Content-Type", "application/json")
        if self.api_key:
            request.add_header("Authorization", "Bearer " + self.api_key)
        for name, value in headers.items():
            request.add_header(name, value)
        with urllib.request.urlopen(request, timeout=self.timeout) as response:
            raw = response.read()
            return json.loads(raw) if raw else None


def _error(answer):
    """The typed error of a 4xx/5xx answer; a body that is not a problem detail (a proxy's error page) is
    kept as its detail."""
    raw = answer.read()
    try:
        problem = json.loads(raw) if raw else {}
    except ValueError:
        problem = None
    if not isinstance(problem, dict):
        generic = "internal-error" if answer.code >= 500 else "bad-request"
        problem = {"type": PROBLEMS + generic, "title": answer.reason, "status": answer.code,
                   "detail": raw.decode("utf-8", "replace")[:500]}
    return error_for(answer.code, problem, retry_after(answer.headers.get("Retry-After")))


def _retryable(error):
    if error.status == 409:
        return error.type == _IN_PROGRESS
    return error.status == 429 or (error.status == 503 and error.type != _NOT_CONFIGURED)


def _refused(error):
    reason = error.reason if isinstance(error, urllib.error.URLError) else error
    return isinstance(reason, ConnectionRefusedError)


def _timed_out(error):
    reason = error.reason if isinstance(error, urllib.error.URLError) else error
    return isinstance(reason, (TimeoutError, socket.timeout))  # distinct classes before Python 3.10


def retry_after(value, now=None):
    """Retry-After in seconds from now: delay-seconds or an HTTP date (RFC 9110); None if absent or unreadable."""
    value = (value or "").strip()
    if value.isdigit():
        return float(value)
    try:
        at = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    if at is None:
        return None
    return max(0.0, at.timestamp() - (time.time() if now is None else now))


def _json(value):
    """Variables (and Parameters) anywhere in a body, e.g. in constraints, are sent as {data, role, requires_grad}."""
    as_variable = getattr(value, "_as_variable", None)
    if as_variable is None:
        raise TypeError(f"{type(value).__name__} is not JSON")
    return as_variable()
