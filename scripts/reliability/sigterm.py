#!/usr/bin/env python3
"""SIGTERM during steps: running steps finish, then the process exits.

Starts a real textopt whose fake model takes 3 s per call, starts a synchronous step on one session
and a Prefer: respond-async step on another, and sends SIGTERM 1 s in. Checks that the synchronous
step is answered 200 with its new data, that the process then exits on its own, and, after a
restart on the same data, that both steps are succeeded entries whose data was applied.
"""
import os
import shutil
import signal
import socket
import sys
import threading
import time

sys.path.insert(0, os.path.dirname(__file__))
import rel  # noqa: E402

NAME = "rel-sigterm"
MODEL_SECONDS = 3


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def session(api, data):
    status, body, _ = api.post("/v1/optimizers", {"params": [{"data": data, "role": "prompt"}],
                                                  "defaults": {"completion_args": {"model": "gpt-4o"}}})
    if status != 201:
        rel.fail("create answered %d: %s" % (status, body))
    sid, pid = body["id"], body["param_groups"][0]["params"][0]["id"]
    status, body, _ = api.post("/v1/optimizers/%s/params/%s/grad" % (sid, pid), {"data": "Better.", "role": "feedback"})
    if status != 200:
        rel.fail("grad answered %d: %s" % (status, body))
    return sid


def main():
    rel.exit_on_sigterm()
    started = time.time()
    port, fake_port = free_port(), free_port()
    shutil.rmtree(rel.service_dir(NAME), ignore_errors=True)
    fake = rel.start_fake(fake_port, 0, 0)
    try:
        java_pid = rel.service_start(NAME, port, fake_port)
        api = rel.Api(port)
        sync_id = session(api, "SLEEP=%d synchronous" % MODEL_SECONDS)
        async_id = session(api, "SLEEP=%d asynchronous" % MODEL_SECONDS)

        answer = {}

        def sync_step():
            t = time.time()
            answer["status"], answer["body"], _ = api.post("/v1/optimizers/%s/step" % sync_id, timeout=60)
            answer["seconds"] = time.time() - t

        thread = threading.Thread(target=sync_step)
        thread.start()
        status, body, _ = api.post("/v1/optimizers/%s/step" % async_id, headers={"Prefer": "respond-async"})
        if status != 202:
            rel.fail("async step answered %d: %s" % (status, body))
        async_number = body["step"]
        time.sleep(1.0)
        os.kill(java_pid, signal.SIGTERM)
        term_at = time.time()
        thread.join(timeout=60)
        if answer.get("status") != 200:
            rel.fail("the synchronous step in flight at SIGTERM answered %s: %s" % (answer.get("status"), answer.get("body")))
        sync_data = answer["body"]["params"][0]["data"]
        if not rel.wait_exit(java_pid, 60):
            rel.fail("textopt did not exit within 60 s of SIGTERM")
        exited_after = time.time() - term_at
        if exited_after < MODEL_SECONDS - 1.5:
            rel.fail("textopt exited %.1fs after SIGTERM, before its steps could have finished" % exited_after)

        rel.service_start(NAME, port, fake_port)
        status, body, _ = api.get("/v1/optimizers/" + sync_id)
        if status != 200 or body["step_count"] != 1 or body["param_groups"][0]["params"][0]["data"] != sync_data:
            rel.fail("after restart the synchronous step's data is not applied: %s" % body)
        status, entry, _ = api.get("/v1/optimizers/%s/steps/%d" % (async_id, async_number))
        if status != 200 or entry["status"] != "succeeded":
            rel.fail("the async step in flight at SIGTERM is %s, not succeeded: %s" % (entry and entry.get("status"), entry))
        status, body, _ = api.get("/v1/optimizers/" + async_id)
        if body["step_count"] != 1 or body["param_groups"][0]["params"][0]["data"] != entry["params"][0]["data"]:
            rel.fail("after restart the async step's data is not applied: %s" % body)
        print("sigterm: sync step answered 200 after %.1fs with its data applied, async step %s, process exited %.1fs "
              "after SIGTERM (%.0fs)" % (answer["seconds"], entry["status"], exited_after, time.time() - started), flush=True)
    finally:
        rel.service_stop(NAME)
        rel.stop_process(fake)


if __name__ == "__main__":
    main()
