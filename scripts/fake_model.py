#!/usr/bin/env python3
"""The fake model provider for everything outside JUnit: an OpenAI-compatible chat completions server
for the API checks, the reliability checks, the benchmarks and local runs. Loopback by default, Python
standard library only. (JUnit tests use WireMock instead.)

    python3 scripts/fake_model.py PORT [--latency-ms MS [--latency-max-ms MS]] [--seed S]
                                       [--optimizer upper|unique] [--host ADDRESS]

    --latency-ms MS       every completion waits MS milliseconds before it is answered (default 0)
    --latency-max-ms MS   ... or a random time between --latency-ms and this (uniform), e.g. 100 2500
    --seed S              seed of that randomness, for repeatable runs
    --optimizer MODE      how optimizer calls are answered: upper (default) or unique (see below)
    --host ADDRESS        the address to listen on (default 127.0.0.1); scripts/container-check.sh uses
                          the container network's gateway, so that only its containers reach it

Point textopt at it with --textopt.model-clients.openai.base-url=http://127.0.0.1:PORT/v1 and any
--textopt.model-clients.openai.api-key (it is not checked).

ANSWERS. POST /v1/chat/completions reads the request's messages (the text of every turn but the
assistant's) and answers what the prompt asks for, recognised by its tags: textopt's prompt contracts
for a step and for the judge and backward calls of training, checked in this order (an optimizer prompt
may quote a backward context). Where a tag is looked up, the last <TAG ...>...</TAG> pair counts, so that
a system turn that only names the tags is not mistaken for them.

  optimizer  (<VARIABLE>...</VARIABLE>)  <IMPROVED_VARIABLE>new value</IMPROVED_VARIABLE>. upper: the
             variable, trimmed and upper-cased, followed by every rule the fake forward model follows
             ("Answer in upper case." / "Answer in lower case.") that the text after the variable (its
             feedback, constraints) asks for and the value does not hold yet; so a training loop can
             teach the forward model.
             unique: v-<n>, a new n for every call (the reliability checks tell steps apart by it).
  backward   (<PARAMETER role="...">...</PARAMETER>)  <FEEDBACK>...</FEEDBACK>: "keep it" when the
             <EVALUATION> has a score of 1; "Answer in upper case." when it mentions the <OUTPUT>
             upper-cased (the target the judge quotes), "Answer in lower case." likewise; otherwise a
             general request to ask for what the evaluation expects.
  judge      (<OUTPUT>...</OUTPUT>)  <SCORE>1</SCORE> when the output equals the <TARGET> (both trimmed),
             else <SCORE>0</SCORE>; without a target, 1 for any non-empty output. Then
             <EXPLANATION>...</EXPLANATION> quoting the output and the target.
  forward    (anything else)  the last user turn, upper-cased when the system turns mention "upper case",
             lower-cased when they mention "lower case" (the later mention wins), else echoed as is.

"SLEEP=<seconds>" anywhere in the prompt makes that call wait that long (at most 60 s) instead of the
latency, until the control API sets "fast". Usage counts a token per four characters: prompt_tokens over
every message, completion_tokens over the answer.

CONTROL API (JSON):
  GET  /health          {"status": "ok"}; GET /v1/models lists one model.
  GET  /stats           {"count": completions answered, "failed": of them injected failures,
                         "in_flight", "max_concurrent", "by_kind": {"optimizer": n, ...},
                         "calls": [[start, end], ...]}: epoch seconds of each answered completion, from
                         its request read to its answer handed to the socket (bench/overhead uses them).
  POST /stats/reset     clears all of /stats (the v-<n> numbering goes on).
  GET  /control         the current behaviour.
  POST /control {...}   changes it at run time and answers the new behaviour; any of
                          "latency_ms": number, "latency_max_ms": number or null,
                          "fast": true (ignore SLEEP directives and end the sleeps under way) or false,
                          "optimizer": "upper" | "unique",
                          "fail_next": n, "fail_status": 400-599 (default 500): the next n completions
                              answer that status with an OpenAI error body, after their delay,
                          "untagged_next": n: the next n completions answer text without any tags
                              (a reply that breaks the answer contract, to exercise re-asks).
                        An unknown key or a wrong value is a 400 that names it; nothing is changed then.
  e.g. curl -s -XPOST localhost:PORT/control -d '{"fail_next": 2, "fail_status": 429}'

One asyncio loop, HTTP/1.1 keep-alive, every answer in one write with TCP_NODELAY: a server that parses
requests on threads under the GIL, or writes headers and body apart (Nagle + delayed ACK, ~40 ms), adds
its own delay to every call and makes textopt look slower than it is in the benchmarks.
"""
import argparse
import asyncio
import http.client
import itertools
import json
import random
import re
import socket
import sys
import time

MAX_SLEEP_S = 60.0
SLEEP = re.compile(r"SLEEP=([0-9]+(?:\.[0-9]+)?)")
RULE_REQUEST = re.compile(r"answer in (upper|lower) case", re.IGNORECASE)
RULE = re.compile(r"(upper|lower) case", re.IGNORECASE)
SCORE = re.compile(r"score\W*([0-9]+(?:\.[0-9]+)?)", re.IGNORECASE)
ROLE = re.compile(r'role="([^"]*)"')
UNTAGGED = "I would rather answer in my own words."
IDS = itertools.count(1)


# ---- what the prompt asks for ----

def text_of(content):
    """A message's content is a string or a list of parts ({"type": "text", "text": ...})."""
    if isinstance(content, str):
        return content
    if isinstance(content, list):
        return "".join(p.get("text", "") if isinstance(p, dict) else str(p) for p in content)
    return ""


def tagged(text, tag):
    """(opening tag, content) of the last <tag ...>...</tag> pair in text, or (None, None). String
    searches, not regular expressions: the benchmarks need the fake to cost next to nothing per call."""
    close = text.rfind("</%s>" % tag)
    start = max(text.rfind("<%s>" % tag, 0, close), text.rfind("<%s " % tag, 0, close)) if close >= 0 else -1
    end = text.find(">", start, close) if start >= 0 else -1
    if end < 0:
        return None, None
    return text[start:end + 1], text[end + 1:close]


def tokens(chars):
    """About four characters a token (OpenAI's rule of thumb); cheaper than counting words."""
    return (chars + 3) // 4


def optimizer_reply(variable, prompt, mode, number):
    if mode == "unique":
        return "<IMPROVED_VARIABLE>v-%d</IMPROVED_VARIABLE>" % number
    value = variable.strip().upper()
    for case in RULE_REQUEST.findall(prompt, prompt.rfind("</VARIABLE>")):
        rule = "ANSWER IN %s CASE." % case.upper()
        if rule not in value:
            value = (value + " " + rule).strip()
    return "<IMPROVED_VARIABLE>%s</IMPROVED_VARIABLE>" % value


def backward_reply(prompt):
    role = ROLE.search(tagged(prompt, "PARAMETER")[0])
    role = role.group(1) if role else "parameter"
    output = (tagged(prompt, "OUTPUT")[1] or "").strip()
    evaluation = tagged(prompt, "EVALUATION")[1] or ""
    score = SCORE.search(evaluation)
    if score and float(score.group(1)) >= 1:
        feedback = "The output is right: keep this %s as it is." % role
    elif output != output.upper() and output.upper() in evaluation:
        feedback = "Answer in upper case."
    elif output != output.lower() and output.lower() in evaluation:
        feedback = "Answer in lower case."
    else:
        feedback = "The output missed what the evaluation expects: make this %s ask for exactly that." % role
    return "<FEEDBACK>%s</FEEDBACK>" % feedback


def judge_reply(prompt):
    output = (tagged(prompt, "OUTPUT")[1] or "").strip()
    target = tagged(prompt, "TARGET")[1]
    if target is None:
        score = 1 if output else 0
        explanation = "There is no target; the output %s." % ("is not empty" if output else "is empty")
    elif output == target.strip():
        score, explanation = 1, 'The output "%s" equals the target.' % output
    else:
        score, explanation = 0, 'The output "%s" differs from the target "%s".' % (output, target.strip())
    return "<SCORE>%d</SCORE>\n<EXPLANATION>%s</EXPLANATION>" % (score, explanation)


def forward_reply(messages):
    system = "\n".join(text_of(m.get("content")) for m in messages if m.get("role") == "system")
    users = [text_of(m.get("content")) for m in messages if m.get("role") == "user"]
    last = users[-1] if users else ""
    rules = RULE.findall(system)
    if not rules:
        return last
    return last.upper() if rules[-1].lower() == "upper" else last.lower()


def completion(request, messages, content):
    prompt_tokens = tokens(sum(len(text_of(m.get("content"))) for m in messages))
    completion_tokens = tokens(len(content))
    return {
        "id": "chatcmpl-fake-%d" % next(IDS), "object": "chat.completion",
        "created": int(time.time()), "model": request.get("model") or "fake-model",
        "choices": [{"index": 0, "finish_reason": "stop", "message": {"role": "assistant", "content": content}}],
        "usage": {"prompt_tokens": prompt_tokens, "completion_tokens": completion_tokens,
                  "total_tokens": prompt_tokens + completion_tokens},
    }


# ---- behaviour, statistics and the control API ----

class FakeModel:
    def __init__(self, seed):
        self.rng = random.Random(seed)
        self.settings = {"latency_ms": 0, "latency_max_ms": None, "fast": False,
                         "optimizer": "upper", "fail_next": 0, "fail_status": 500, "untagged_next": 0}
        self.fast = asyncio.Event()
        self.unique = 0
        self.in_flight = 0
        self.reset()

    def reset(self):
        self.calls, self.failed, self.max_concurrent, self.by_kind = [], 0, self.in_flight, {}

    def stats(self):
        return {"count": len(self.calls), "failed": self.failed, "in_flight": self.in_flight,
                "max_concurrent": self.max_concurrent, "by_kind": self.by_kind, "calls": self.calls}

    def control(self, changes):
        """Checks every change first and applies them all, or none: (status, body)."""
        if not isinstance(changes, dict):
            return 400, error("the body must be a JSON object of settings: " + ", ".join(self.settings))
        new = dict(self.settings)
        for key, value in changes.items():
            problem = check_setting(key, value)
            if problem:
                return 400, error(problem)
            new[key] = value
        if new["latency_max_ms"] is not None and new["latency_max_ms"] < new["latency_ms"]:
            return 400, error("latency_max_ms (%s) must not be below latency_ms (%s)"
                              % (new["latency_max_ms"], new["latency_ms"]))
        self.settings = new
        if new["fast"]:
            self.fast.set()  # also ends the SLEEP waits under way
        else:
            self.fast.clear()
        return 200, self.settings

    async def complete(self, request, close):
        """One chat completion, as the bytes to send. They are made before the wait, so that only the
        writes are left when many calls end at once, as a step's do."""
        messages = [m for m in request.get("messages") or [] if isinstance(m, dict)]
        prompt = "\n".join(text_of(m.get("content")) for m in messages if m.get("role") != "assistant")
        kind, content = self.answer(prompt, messages)
        self.by_kind[kind] = self.by_kind.get(kind, 0) + 1
        if self.take("fail_next"):
            self.failed += 1
            status = self.settings["fail_status"]
            kind = "rate_limit_error" if status == 429 else "server_error" if status >= 500 else "invalid_request_error"
            out = response(status, error("injected failure (POST /control fail_next)", kind), close)
        else:
            out = response(200, completion(request, messages, UNTAGGED if self.take("untagged_next") else content),
                           close)
        await self.wait(prompt)
        return out

    def answer(self, prompt, messages):
        """(kind of call, the model's text)."""
        variable = tagged(prompt, "VARIABLE")[1]
        if variable is not None:
            self.unique += 1
            return "optimizer", optimizer_reply(variable, prompt, self.settings["optimizer"], self.unique)
        if tagged(prompt, "PARAMETER")[1] is not None:
            return "backward", backward_reply(prompt)
        if tagged(prompt, "OUTPUT")[1] is not None:
            return "judge", judge_reply(prompt)
        return "forward", forward_reply(messages)

    def take(self, counter):
        """Whether this call uses up one of the next-N count of a control setting."""
        if self.settings[counter] > 0:
            self.settings[counter] -= 1
            return True
        return False

    async def wait(self, prompt):
        sleep = SLEEP.search(prompt)
        if sleep and not self.fast.is_set():
            try:
                await asyncio.wait_for(self.fast.wait(), min(float(sleep.group(1)), MAX_SLEEP_S))
            except asyncio.TimeoutError:
                pass
            return
        low, high = self.settings["latency_ms"], self.settings["latency_max_ms"]
        delay = self.rng.uniform(low, high) if high is not None else low
        if delay > 0:
            await asyncio.sleep(delay / 1000.0)


def check_setting(key, value):
    """What is wrong with one POST /control setting, or None."""
    def count(v):
        return isinstance(v, int) and not isinstance(v, bool) and v >= 0

    def ms(v):
        return isinstance(v, (int, float)) and not isinstance(v, bool) and v >= 0

    checks = {
        "latency_ms": (ms, "a number of milliseconds >= 0"),
        "latency_max_ms": (lambda v: v is None or ms(v), "a number of milliseconds >= 0, or null"),
        "fast": (lambda v: isinstance(v, bool), "true or false"),
        "optimizer": (lambda v: v in ("upper", "unique"), '"upper" or "unique"'),
        "fail_next": (count, "a whole number >= 0"),
        "fail_status": (lambda v: count(v) and 400 <= v <= 599, "an HTTP status from 400 to 599"),
        "untagged_next": (count, "a whole number >= 0"),
    }
    if key not in checks:
        return "unknown setting %r; the settings are %s" % (key, ", ".join(checks))
    valid, expected = checks[key]
    return None if valid(value) else "%s must be %s, not %s" % (key, expected, json.dumps(value))


def error(message, kind="invalid_request_error"):
    return {"error": {"message": message, "type": kind}}


# ---- HTTP/1.1 ----

def response(status, body, close):
    data = json.dumps(body).encode()
    head = "HTTP/1.1 %d %s\r\nContent-Type: application/json\r\nContent-Length: %d\r\n%s\r\n" % (
        status, http.client.responses.get(status, ""), len(data), "Connection: close\r\n" if close else "")
    return head.encode() + data


async def read_request(reader):
    """(method, path, headers, body) of the next request on a connection; IncompleteReadError at its end."""
    head = (await reader.readuntil(b"\r\n\r\n")).decode("latin-1").split("\r\n")
    method, target = head[0].split(" ")[:2]
    headers = {}
    for line in head[1:]:
        if ":" in line:
            name, value = line.split(":", 1)
            headers[name.strip().lower()] = value.strip()
    if headers.get("transfer-encoding", "").lower() == "chunked":
        body = b""
        while True:
            size = int((await reader.readline()).split(b";")[0], 16)
            chunk = await reader.readexactly(size + 2)
            if size == 0:
                break
            body += chunk[:-2]
    else:
        length = int(headers.get("content-length") or 0)
        body = await reader.readexactly(length) if length else b""
    return method, target.split("?")[0], headers, body


async def serve_connection(model, reader, writer):
    sock = writer.get_extra_info("socket")
    if sock is not None:
        sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
    try:
        while True:
            method, path, headers, raw = await read_request(reader)
            close = headers.get("connection", "").lower() == "close"
            try:
                body = json.loads(raw) if raw else {}
            except ValueError:
                writer.write(response(400, error("the body is not JSON"), close))
                await writer.drain()
                continue
            if method == "POST" and path.endswith("/chat/completions"):
                start = time.time()
                model.in_flight += 1
                model.max_concurrent = max(model.max_concurrent, model.in_flight)
                try:
                    out = await model.complete(body if isinstance(body, dict) else {}, close)
                finally:
                    model.in_flight -= 1
                writer.write(out)
                await writer.drain()
                model.calls.append((start, time.time()))
            else:
                status, answer = route(model, method, path, body)
                writer.write(response(status, answer, close))
                await writer.drain()
            if close:
                break
    except (asyncio.IncompleteReadError, asyncio.LimitOverrunError, ConnectionError, ValueError):
        pass
    finally:
        writer.close()


def route(model, method, path, body):
    if method == "GET" and path == "/health":
        return 200, {"status": "ok"}
    if method == "GET" and path.endswith("/models"):
        return 200, {"object": "list", "data": [{"id": "fake-model", "object": "model"}]}
    if method == "GET" and path == "/stats":
        return 200, model.stats()
    if method == "POST" and path == "/stats/reset":
        model.reset()
        return 200, model.stats()
    if method == "GET" and path == "/control":
        return 200, model.settings
    if method == "POST" and path == "/control":
        return model.control(body)
    return 404, error("no %s %s here: see the docstring of scripts/fake_model.py" % (method, path))


async def serve(host, port, model):
    server = await asyncio.start_server(lambda r, w: serve_connection(model, r, w), host, port, backlog=512)
    print("fake model listening on http://%s:%d/v1 %s" % (host, port, json.dumps(model.settings)), flush=True)
    async with server:
        await server.serve_forever()


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("port", type=int)
    parser.add_argument("--latency-ms", type=float, default=0)
    parser.add_argument("--latency-max-ms", type=float)
    parser.add_argument("--seed")
    parser.add_argument("--optimizer", choices=("upper", "unique"), default="upper")
    parser.add_argument("--host", default="127.0.0.1")
    args = parser.parse_args(argv)
    model = FakeModel(args.seed)
    status, answer = model.control({"latency_ms": args.latency_ms, "latency_max_ms": args.latency_max_ms,
                                    "optimizer": args.optimizer})
    if status != 200:
        parser.error(answer["error"]["message"])
    try:
        asyncio.run(serve(args.host, args.port, model))
    except KeyboardInterrupt:
        pass
    return 0


if __name__ == "__main__":
    sys.exit(main())
