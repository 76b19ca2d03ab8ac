#!/usr/bin/env python3
"""A fake OpenAI-compatible chat completions server for benchmarks (loopback only, stdlib only).

POST /v1/chat/completions answers after --latency-ms with an <IMPROVED_VARIABLE> reply and a
usage block. It records, per request, how long it held the request (the "model call" time: from the
request fully read to the answer handed to the socket), and GET /stats returns
{"count", "max_concurrent", "calls": [[start_epoch_s, end_epoch_s], ...]}. POST /stats/reset clears them.

One asyncio loop, HTTP/1.1 keep-alive, every answer in one write with TCP_NODELAY. A server that
parses requests on threads under Python's GIL, or writes headers and body apart (Nagle + delayed ACK,
~40 ms), would add its own delay to every call and make textopt look slower than it is.
"""
import argparse
import asyncio
import json
import socket
import time

calls = []          # (start, end) wall-clock seconds of each completed completion request
in_flight = 0
max_in_flight = 0


def answer(status, body):
    data = json.dumps(body).encode()
    reason = {200: "OK", 400: "Bad Request", 404: "Not Found"}.get(status, "OK")
    head = ("HTTP/1.1 %d %s\r\nContent-Type: application/json\r\nContent-Length: %d\r\n\r\n"
            % (status, reason, len(data))).encode()
    return head + data


def completion(raw, start):
    req = json.loads(raw or b"{}")
    model = req.get("model") or "gpt-4o-mini"
    prompt_chars = sum(len(str(m.get("content", ""))) for m in req.get("messages", []))
    text = "<IMPROVED_VARIABLE>Improved prompt %d</IMPROVED_VARIABLE>" % int(start * 1000)
    prompt_tokens = max(1, prompt_chars // 4)
    return {
        "id": "chatcmpl-fake", "object": "chat.completion", "created": int(start), "model": model,
        "choices": [{"index": 0, "finish_reason": "stop", "message": {"role": "assistant", "content": text}}],
        "usage": {"prompt_tokens": prompt_tokens, "completion_tokens": 12, "total_tokens": prompt_tokens + 12},
    }


async def handle(reader, writer, latency):
    global in_flight, max_in_flight
    sock = writer.get_extra_info("socket")
    if sock is not None:
        sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
    try:
        while True:
            head = await reader.readuntil(b"\r\n\r\n")
            lines = head.decode("latin-1").split("\r\n")
            method, path = lines[0].split(" ")[:2]
            length = 0
            for line in lines[1:]:
                if line.lower().startswith("content-length:"):
                    length = int(line.split(":", 1)[1])
            raw = await reader.readexactly(length) if length else b""
            if method == "GET" and path.startswith("/stats"):
                out = answer(200, {"count": len(calls), "max_concurrent": max_in_flight, "calls": calls})
            elif method == "POST" and path.startswith("/stats/reset"):
                calls.clear()
                max_in_flight = 0
                out = answer(200, {"ok": True})
            elif method == "POST" and path.endswith("/chat/completions"):
                start = time.time()
                in_flight += 1
                max_in_flight = max(max_in_flight, in_flight)
                try:
                    await asyncio.sleep(latency)
                    out = answer(200, completion(raw, start))
                finally:
                    in_flight -= 1
                writer.write(out)
                await writer.drain()
                calls.append((start, time.time()))
                continue
            else:
                out = answer(404, {"error": {"message": "not found"}})
            writer.write(out)
            await writer.drain()
    except (asyncio.IncompleteReadError, ConnectionError, ValueError):
        pass
    finally:
        writer.close()


async def serve(port, latency):
    server = await asyncio.start_server(lambda r, w: handle(r, w, latency), "127.0.0.1", port, backlog=512)
    print("fake openai on 127.0.0.1:%d latency %.0f ms" % (port, latency * 1000), flush=True)
    async with server:
        await server.serve_forever()


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--port", type=int, required=True)
    p.add_argument("--latency-ms", type=float, default=300)
    a = p.parse_args()
    try:
        asyncio.run(serve(a.port, a.latency_ms / 1000.0))
    except KeyboardInterrupt:
        pass


if __name__ == "__main__":
    main()
