#!/usr/bin/env python3
"""Exactly once through a crash, behind a load balancer.

Two textopt instances on one PostgreSQL behind HAProxy (round-robin, health-checked on
/actuator/health/readiness, a request whose connection fails goes to the other instance). Clients retry
every POST with one Idempotency-Key until it is acknowledged, as the README tells them to. One instance
is killed with SIGKILL while requests are in flight:

  1. Steps: SESSIONS sessions (2 parameters, momentum 1) stepped at once; instance A is killed while
     the steps wait for their model. Every client ends with a 200; every session has exactly one
     succeeded step, the one its client's 200 names; its parameters, momentum buffers and step_count
     are that step's (none torn); the steps the dead instance left are marked failed (abandoned).
  2. Creates and appends: CLIENTS clients each create ROUNDS sessions and append APPENDS gradients to
     each; A is restarted, and B is killed once a third of the appends are acknowledged. No session
     exists twice; every session holds exactly its client's gradients, each once, in order.

The database is a PostgreSQL of its own (dev.textopt.support.StandalonePostgres, from target/test-classes),
so that no instance takes it down when it is killed. Installs haproxy with apt-get when it is missing.
Stops everything it started, by pid, also on failure. Prints one summary line last.
Ports: HA_PORT_BASE (21500) and the four after it.
"""
import concurrent.futures
import os
import shutil
import signal
import subprocess
import sys
import threading
import time
import uuid

sys.path.insert(0, os.path.dirname(__file__))
import rel  # noqa: E402

BASE_PORT = int(os.environ.get("HA_PORT_BASE", "21500"))
PG_PORT, FAKE_PORT, PORT_A, PORT_B, PROXY_PORT = (BASE_PORT + i for i in range(5))
SESSIONS = int(os.environ.get("HA_SESSIONS", "20"))
CLIENTS = int(os.environ.get("HA_CLIENTS", "20"))
ROUNDS, APPENDS = 2, 6
LEASE = 6  # s: the step lease timeout, and so the Idempotency-Key claim's in-progress timeout
PATIENCE = 90  # s a client keeps retrying one request
WORK = os.path.join(rel.ROOT, "target", "services", "rel-ha")
NAMES = {"a": "rel-ha-a", "b": "rel-ha-b"}

HAPROXY_CONFIG = """global
    maxconn 512
defaults
    mode http
    timeout connect 1s
    timeout client 60s
    timeout server 60s
    # A request whose connection to an instance fails is sent to the other one; a request that an
    # instance took and then died with is answered 502 (it may have had an effect: the client retries).
    retries 3
    option redispatch 1
    retry-on conn-failure
frontend textopt
    bind 127.0.0.1:%(proxy)d
    default_backend instances
backend instances
    balance roundrobin
    option httpchk
    http-check send meth GET uri /actuator/health/readiness
    http-check expect status 200
    default-server inter 500ms fall 2 rise 2
    server a 127.0.0.1:%(a)d check
    server b 127.0.0.1:%(b)d check
"""


class NotAcknowledged(Exception):
    pass


def until_acknowledged(api, path, body=None, headers=None):
    """POSTs with one Idempotency-Key until a 2xx. Returns (answer, headers, statuses of every attempt)."""
    headers = dict(headers or {}, **{"Idempotency-Key": str(uuid.uuid4())})
    statuses = []
    end = time.time() + PATIENCE
    while time.time() < end:
        try:
            status, answer, answer_headers = api.post(path, body, headers=headers, timeout=30)
        except OSError as e:  # reset, refused, timed out: the request may or may not have had an effect
            status, answer, answer_headers = None, str(e), {}
        statuses.append(status)
        if status is not None and 200 <= status < 300:
            return answer, answer_headers, statuses
        if status in (400, 404, 413, 415, 422):
            raise NotAcknowledged("%s answered %d, which no retry mends: %s" % (path, status, answer))
        time.sleep(0.3)
    raise NotAcknowledged("%s was not acknowledged within %ds; last answers: %s" % (path, PATIENCE, statuses[-8:]))


def get_json(api, path):
    """A GET through the balancer, tried a few times: it may still send one to the instance just killed."""
    for _ in range(10):
        try:
            status, body, _ = api.get(path, timeout=30)
        except OSError as e:
            status, body = None, str(e)
        if status == 200 and isinstance(body, dict):
            return body
        time.sleep(0.3)
    rel.fail("GET %s answered %s: %s" % (path, status, body))


def haproxy_binary():
    found = shutil.which("haproxy") or ("/usr/sbin/haproxy" if os.path.exists("/usr/sbin/haproxy") else None)
    if found:
        return found
    print("ha-failover: installing haproxy with apt-get", flush=True)
    sudo = [] if os.geteuid() == 0 else ["sudo", "-n"]
    env = dict(os.environ, DEBIAN_FRONTEND="noninteractive")
    for command in (["apt-get", "update", "-qq"], ["apt-get", "install", "-y", "-qq", "haproxy"]):
        result = subprocess.run(sudo + command, env=env, capture_output=True, text=True, timeout=600)
        if result.returncode != 0:
            rel.fail("could not install haproxy (%s): %s" % (" ".join(command), result.stderr[-500:]))
    return shutil.which("haproxy") or "/usr/sbin/haproxy"


def start_haproxy(binary):
    config = os.path.join(WORK, "haproxy.cfg")
    with open(config, "w") as f:
        f.write(HAPROXY_CONFIG % {"proxy": PROXY_PORT, "a": PORT_A, "b": PORT_B})
    check = subprocess.run([binary, "-c", "-q", "-f", config], capture_output=True, text=True, timeout=30)
    if check.returncode != 0:
        rel.fail("haproxy rejects its configuration: %s" % check.stderr)
    log = open(os.path.join(WORK, "haproxy.log"), "w")
    process = subprocess.Popen([binary, "-db", "-f", config], stdout=log, stderr=subprocess.STDOUT)
    api = rel.Api(PROXY_PORT)
    deadline = time.time() + 15
    while time.time() < deadline:
        try:
            if api.get("/actuator/health/readiness", timeout=2)[0] == 200:
                return process
        except OSError:
            pass
        time.sleep(0.2)
    return process


def start_postgres(running):
    """A PostgreSQL of its own, its launcher noted in running["postgres"] at once (to be stopped even if it never gets ready)."""
    test_classes = os.path.join(rel.ROOT, "target", "test-classes")
    if not os.path.exists(os.path.join(test_classes, "dev", "textopt", "support", "StandalonePostgres.class")):
        rel.fail("target/test-classes lacks StandalonePostgres: run ./mvnw test-compile first")
    classpath = subprocess.run([rel.SERVICE, "classpath"], cwd=rel.ROOT, capture_output=True, text=True, timeout=600)
    if classpath.returncode != 0:
        rel.fail("service.sh classpath failed: %s" % classpath.stderr)
    data, log_path = os.path.join(WORK, "pg"), os.path.join(WORK, "pg.log")
    log = open(log_path, "w")
    process = subprocess.Popen(["java", "-Xmx128m", "-XX:TieredStopAtLevel=1", "-cp",
                                test_classes + ":" + classpath.stdout.strip(), "dev.textopt.support.StandalonePostgres",
                                str(PG_PORT), data], cwd=rel.ROOT, stdout=log, stderr=subprocess.STDOUT)
    running["postgres"] = process
    deadline = time.time() + 120
    while time.time() < deadline:
        with open(log_path) as f:
            if "ready" in f.read().split():
                return
        if process.poll() is not None:
            break
        time.sleep(0.2)
    with open(log_path) as f:
        rel.fail("PostgreSQL did not start on port %d:\n%s" % (PG_PORT, f.read()[-2000:]))


def stop_postgres(process):
    rel.stop_process(process)  # SIGTERM: its shutdown hook stops PostgreSQL
    left = rel.postmaster_pid(os.path.join(WORK, "pg"))
    if left:
        os.kill(left, signal.SIGINT)  # PostgreSQL's fast shutdown
        if not rel.wait_exit(left, 15):
            rel.kill9(left)


def start_instance(which, *extra):
    env = {"SPRING_DATASOURCE_URL": "jdbc:postgresql://127.0.0.1:%d/postgres" % PG_PORT,
           "SPRING_DATASOURCE_USERNAME": "postgres", "SPRING_DATASOURCE_PASSWORD": ""}
    port = PORT_A if which == "a" else PORT_B
    return rel.service_start(NAMES[which], port, FAKE_PORT, "--textopt.step.lease-timeout=%ds" % LEASE,
                             "--textopt.limits.max-steps-in-flight-per-tenant=%d" % (SESSIONS * 2), *extra, env=env)


def in_parallel(work, items, on_started=None):
    """Runs work(item) on one thread per item; on_started() runs meanwhile. Returns the results in order."""
    with concurrent.futures.ThreadPoolExecutor(max_workers=len(items)) as pool:
        futures = [pool.submit(work, item) for item in items]
        if on_started:
            on_started()
        try:
            return [f.result() for f in futures]
        except NotAcknowledged as e:
            rel.fail(str(e))


# ---- 1. steps ----

def step_sessions(api, marker):
    sessions = []
    for i in range(SESSIONS):
        params = [{"data": "%s s%d p%d" % (marker, i, j), "role": "prompt", "requires_grad": True} for j in range(2)]
        session = api.post("/v1/optimizers", {"params": params, "defaults": {"momentum": 1}})[1]
        ids = [p["id"] for p in session["param_groups"][0]["params"]]
        for pid in ids:
            status, body, _ = api.post("/v1/optimizers/%s/params/%s/grad" % (session["id"], pid),
                                       {"data": "Shorter.", "role": "feedback"})
            if status != 200:
                rel.fail("appending the first feedback answered %d: %s" % (status, body))
        sessions.append({"id": session["id"], "params": ids})
    return sessions


def check_steps(api, sessions, answers):
    """Exactly one applied step per session, the one its client's 200 names, none torn. Returns how many were re-run."""
    rerun = 0
    for s, (answer, _, _) in zip(sessions, answers):
        sid = s["id"]
        steps = [e for e in rel.history(api, sid) if e["kind"] == "step"]
        succeeded = [e for e in steps if e["status"] == "succeeded"]
        if len(succeeded) != 1:
            rel.fail("session %s: %d succeeded steps, not exactly one: %s"
                     % (sid, len(succeeded), [(e["step"], e["status"]) for e in steps]))
        for e in steps:
            if e is not succeeded[0] and not (e["status"] == "failed" and any(f["reason"] == "abandoned" for f in e["failures"])):
                rel.fail("session %s: entry %d is %s, not a step abandoned by the killed instance: %s"
                         % (sid, e["step"], e["status"], e["failures"]))
        rerun += len(steps) - 1
        entry = succeeded[0]
        if answer["step"] != entry["step"]:
            rel.fail("session %s: its client's 200 names step %d, but step %d is the applied one" % (sid, answer["step"], entry["step"]))
        session = get_json(api, "/v1/optimizers/" + sid)
        values = {p["id"]: p["data"] for g in session["param_groups"] for p in g["params"]}
        applied = {p["id"]: p["data"] for p in entry["params"] if p["status"] == "updated"}
        answered = {p["id"]: p["data"] for p in answer["params"] if p["status"] == "updated"}
        if session["step_count"] != 1 or applied != values or answered != applied or set(applied) != set(s["params"]):
            rel.fail("session %s is torn: step_count %d, values %s, applied step %s, answered %s"
                     % (sid, session["step_count"], values, applied, answered))
        state = get_json(api, "/v1/optimizers/%s/state-dict" % sid)["state"]
        if sorted(len(v["momentum_buffer"]) for v in state.values()) != [1, 1]:
            rel.fail("session %s: momentum buffers %s, not one entry per parameter (torn)" % (sid, state))
    return rerun


def steps_through_a_crash(api, victim_pid):
    marker = "ha-%s" % uuid.uuid4().hex[:8]
    sessions = step_sessions(api, marker)
    killed = {}

    def kill_once_the_steps_run():
        ids, running, deadline = {s["id"] for s in sessions}, 0, time.time() + 10
        while running < len(ids) and time.time() < deadline:
            time.sleep(0.1)
            listed = get_json(api, "/v1/optimizers?size=100")["items"]
            running = sum(1 for s in listed if s["id"] in ids and s["step_running"])
        rel.kill9(victim_pid)
        killed["at"], killed["running"] = time.time(), running

    answers = in_parallel(lambda s: until_acknowledged(api, "/v1/optimizers/%s/step" % s["id"]), sessions,
                          kill_once_the_steps_run)
    last = time.time() - killed["at"]
    retried = sum(1 for _, _, statuses in answers if len(statuses) > 1)
    rerun = check_steps(api, sessions, answers)
    if rerun == 0:
        rel.fail("no step was in flight on the killed instance, so this proved nothing about retries after a crash")
    print("ha-failover: steps: SIGKILL with %d steps started; %d/%d clients got their 200 (%d after retrying across the "
          "kill, the last %.0fs after it); %d steps abandoned by the killed instance were run again; exactly one applied "
          "step per session, 0 torn" % (killed["running"], len(answers), SESSIONS, retried, last, rerun),
          flush=True)
    return rerun


# ---- 2. creates and appends ----

def creates_and_appends_through_a_crash(api, victim_pid):
    marker = "ha-%s" % uuid.uuid4().hex[:8]
    acknowledged = {"appends": 0}
    lock = threading.Lock()
    total = CLIENTS * ROUNDS * APPENDS

    def client(c):
        made, disturbed = [], 0
        for r in range(ROUNDS):
            data = "%s c%d r%d" % (marker, c, r)
            session, _, statuses = until_acknowledged(api, "/v1/optimizers", {"params": [{"data": data, "role": "prompt"}]})
            disturbed += len(statuses) - 1
            sid, pid = session["id"], session["param_groups"][0]["params"][0]["id"]
            texts = []
            for n in range(APPENDS):
                text = "%s append %d" % (data, n)
                _, _, statuses = until_acknowledged(api, "/v1/optimizers/%s/params/%s/grad" % (sid, pid),
                                                    {"data": text, "role": "feedback"})
                disturbed += len(statuses) - 1
                texts.append(text)
                with lock:
                    acknowledged["appends"] += 1
            made.append((sid, pid, data, texts))
        return made, disturbed

    def kill_at_a_third():
        deadline = time.time() + 30
        while acknowledged["appends"] < total / 3 and time.time() < deadline:
            time.sleep(0.01)
        rel.kill9(victim_pid)

    results = in_parallel(client, list(range(CLIENTS)), kill_at_a_third)
    made = [m for ms, _ in results for m in ms]
    disturbed = sum(d for _, d in results)
    stored, page = [], 0
    while True:
        body = get_json(api, "/v1/optimizers?page=%d&size=100" % page)
        stored += [s for s in body["items"] if s["param_groups"][0]["params"][0]["data"].startswith(marker + " ")]
        page += 1
        if page >= body["total_pages"]:
            break
    datas = [s["param_groups"][0]["params"][0]["data"] for s in stored]
    if len(datas) != len(set(datas)) or sorted(s["id"] for s in stored) != sorted(sid for sid, _, _, _ in made):
        rel.fail("%d sessions acknowledged but %d stored (%d distinct): a create was done twice or lost"
                 % (len(made), len(stored), len(set(datas))))
    for sid, pid, data, texts in made:
        grad = [g["data"] for g in get_json(api, "/v1/optimizers/%s/params/%s" % (sid, pid))["grad"]]
        if grad != texts:
            rel.fail("session %s (%s): grad %s, but its client appended %s, each once, in this order" % (sid, data, grad, texts))
    if disturbed == 0:
        rel.fail("the kill disturbed no create or append, so this proved nothing about retries after a crash")
    print("ha-failover: creates and appends: %d sessions and %d appends acknowledged (%d retries across the kill), "
          "no session twice, every append kept once and in order" % (len(made), total, disturbed), flush=True)
    return len(made), total, disturbed


def main():
    rel.exit_on_sigterm()
    started = time.time()
    shutil.rmtree(WORK, ignore_errors=True)
    os.makedirs(WORK)
    for name in NAMES.values():
        shutil.rmtree(rel.service_dir(name), ignore_errors=True)
    binary = haproxy_binary()
    running, fake, proxy = {}, None, None
    try:
        start_postgres(running)
        fake = rel.start_fake(FAKE_PORT, 2.0, 4.0)
        pid_a = start_instance("a")
        pid_b = start_instance("b")
        proxy = start_haproxy(binary)
        api = rel.Api(PROXY_PORT)
        print("ha-failover: PostgreSQL, two instances and HAProxy up after %.0fs" % (time.time() - started), flush=True)

        rerun = steps_through_a_crash(api, pid_a)
        if not rel.wait_exit(pid_a, 10):
            rel.fail("instance A (%d) survived SIGKILL" % pid_a)
        start_instance("a")
        time.sleep(2)  # HAProxy finds it healthy after two checks, 0.5 s apart
        sessions, appends, disturbed = creates_and_appends_through_a_crash(api, pid_b)
        print("ha-failover: %d concurrent steps with a SIGKILL mid-flight: all answered 200, %d re-run after the claim "
              "and lease timeout, exactly one applied each; %d sessions and %d appends with a SIGKILL mid-flight (%d "
              "retries): none twice, none lost (%.0fs)" % (SESSIONS, rerun, sessions, appends, disturbed, time.time() - started),
              flush=True)
    finally:
        rel.stop_process(proxy)
        for name in NAMES.values():
            rel.service_stop(name)
        rel.stop_process(fake)
        if "postgres" in running:
            stop_postgres(running["postgres"])


if __name__ == "__main__":
    main()
