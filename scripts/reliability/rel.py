"""Shared helpers for the reliability scripts: a loopback JSON client and process control.

Standard library only. Every request has a timeout; callers bound their loops in count and time.
"""
import json
import os
import signal
import subprocess
import sys
import time
import urllib.error
import urllib.request

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
SERVICE = os.path.join(ROOT, "scripts", "service.sh")
FAKE = os.path.join(ROOT, "scripts", "fake_model.py")


class Api:
    def __init__(self, port):
        self.base = "http://127.0.0.1:%d" % port

    def call(self, method, path, body=None, headers=None, timeout=30):
        data = None if body is None else json.dumps(body).encode()
        request = urllib.request.Request(self.base + path, data=data, method=method)
        request.add_header("Content-Type", "application/json")
        for k, v in (headers or {}).items():
            request.add_header(k, v)
        try:
            with urllib.request.urlopen(request, timeout=timeout) as response:
                raw = response.read()
                return response.status, (json.loads(raw) if raw else None), dict(response.headers)
        except urllib.error.HTTPError as e:
            raw = e.read()
            try:
                parsed = json.loads(raw) if raw else None
            except ValueError:
                parsed = raw.decode("utf-8", "replace")
            return e.code, parsed, dict(e.headers)

    def get(self, path, **kw):
        return self.call("GET", path, **kw)

    def post(self, path, body=None, **kw):
        return self.call("POST", path, body, **kw)


def exit_on_sigterm():
    """A SIGTERM (e.g. from timeout(1)) unwinds through finally blocks, so started processes get stopped."""
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))


def fail(message):
    print("FAIL: " + message, file=sys.stderr, flush=True)
    sys.exit(1)


def start_fake(port, min_delay_s, max_delay_s):
    """scripts/fake_model.py answering every step with a new value (v-<n>): a torn step cannot hide
    behind a value that an earlier step already wrote."""
    process = subprocess.Popen([sys.executable, FAKE, str(port), "--optimizer", "unique",
                                "--latency-ms", str(min_delay_s * 1000), "--latency-max-ms", str(max_delay_s * 1000)],
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.time() + 10
    while time.time() < deadline:
        try:
            urllib.request.urlopen("http://127.0.0.1:%d/health" % port, timeout=1).read()
            return process
        except OSError:
            time.sleep(0.1)
    process.kill()
    fail("the fake OpenAI server did not start on port %d" % port)


def control_fake(port, **settings):
    """Changes the fake model's behaviour at run time (POST /control; see scripts/fake_model.py)."""
    request = urllib.request.Request("http://127.0.0.1:%d/control" % port, data=json.dumps(settings).encode(),
                                     method="POST", headers={"Content-Type": "application/json"})
    urllib.request.urlopen(request, timeout=5).read()


def stop_process(process):
    """Stops a process this script started, by its own pid."""
    if process is not None and process.poll() is None:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(timeout=10)


def service_start(name, port, fake_port, *props, env=None):
    """Starts textopt NAME on PORT with the fake model server; env adds environment variables
    (e.g. SPRING_DATASOURCE_URL, to share a database instead of an embedded one of its own)."""
    args = [SERVICE, "start", name, str(port),
            "--textopt.model-clients.openai.base-url=http://127.0.0.1:%d/v1" % fake_port,
            "--textopt.model-clients.openai.api-key=sk-fake-reliability-0123456789"] + list(props)
    result = subprocess.run(args, cwd=ROOT, capture_output=True, text=True, timeout=180,
                            env=dict(os.environ, **(env or {})))
    if result.returncode != 0:
        fail("service.sh start %s failed:\n%s%s" % (name, result.stdout, result.stderr))
    return service_pid(name)


def service_pid(name):
    with open(os.path.join(ROOT, "target", "services", name, "pid")) as f:
        return int(f.read().strip())


def service_stop(name):
    subprocess.run([SERVICE, "stop", name], cwd=ROOT, timeout=120)


def service_dir(name):
    return os.path.join(ROOT, "target", "services", name)


def alive(pid):
    try:
        os.kill(pid, 0)
        return True
    except ProcessLookupError:
        return False


def wait_exit(pid, seconds):
    deadline = time.time() + seconds
    while time.time() < deadline:
        if not alive(pid):
            return True
        # a child of service.sh's nohup is not ours to reap; poll /proc instead
        try:
            with open("/proc/%d/stat" % pid) as f:
                if f.read().split()[2] == "Z":
                    return True
        except OSError:
            return True
        time.sleep(0.1)
    return False


def postmaster_pid(data_dir):
    try:
        with open(os.path.join(data_dir, "postmaster.pid")) as f:
            pid = int(f.readline().strip())
        return pid if alive(pid) else None
    except (OSError, ValueError):
        return None


def kill9(pid):
    os.kill(pid, signal.SIGKILL)


def history(api, session_id):
    entries, page = [], 0
    while page < 100:
        status, body, _ = api.get("/v1/optimizers/%s/steps?page=%d&size=100" % (session_id, page))
        if status != 200:
            fail("history of %s answered %d: %s" % (session_id, status, body))
        entries.extend(body["items"])
        if page + 1 >= body["total_pages"]:
            break
        page += 1
    return sorted(entries, key=lambda e: e["step"])


def tokens(usage):
    """(prompt, completion) summed over every client of a usage map."""
    prompt = sum((u or {}).get("prompt_tokens", 0) for u in (usage or {}).values())
    completion = sum((u or {}).get("completion_tokens", 0) for u in (usage or {}).values())
    return prompt, completion
