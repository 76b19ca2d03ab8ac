"""A small client for textopt in the words of afnio.optim.TGD. Standard library only.

    from textopt_client import TGD, Parameter, Variable

    prompt = Parameter("Classify the sentiment.", role="system prompt for sentiment classification")
    optimizer = TGD([prompt], momentum=2, constraints=[Variable("Answer in one word.", role="constraint")],
                    model="gpt-4o")
    prompt.append_grad("Ask for exactly one word: positive, negative or neutral.")
    optimizer.step()          # prompt.data is now the improved prompt
    optimizer.clear_grad()
    optimizer.param_groups[0]["momentum"] = 1     # changes the group's options on the service
    optimizer.clear_usage()

Or let textopt compute the gradients (forward, evaluate, backward), in afnio's words too:

    chat = ChatCompletion(optimizer)
    outputs = chat([{"role": "system", "content": [prompt]}, {"role": "user", "content": ["{text}"]}],
                   inputs=[{"text": "I loved it"}, {"text": "Never again"}])
    loss = ExactMatchEvaluator()(outputs, ["positive", "negative"])   # or LMJudgeEvaluator(criteria)
    loss.backward()           # prompt.grad now holds the backward model's feedback
    optimizer.step()
    optimizer.clear_grad()

Or hand textopt the whole loop, afnio's Trainer as a durable job (it survives restarts of textopt):

    run = optimizer.fit([({"text": "I loved it"}, "positive"), ({"text": "Never again"}, "negative")],
                        validation=[({"text": "Not bad"}, "positive")],
                        forward=[{"role": "system", "content": [prompt]}, {"role": "user", "content": ["{text}"]}],
                        evaluator=ExactMatchEvaluator(), epochs=2, batch_size=2, keep_best=True,
                        on_progress=lambda r: print(r["status"], len(r["steps"]), r["best"]))

The service is found at TEXTOPT_URL (default http://localhost:8080); when TEXTOPT_API_KEY is set it
is sent as a Bearer token. Every 4xx/5xx answer raises TextoptError carrying the problem+json.
"""
import json
import os
import urllib.error
import urllib.parse
import urllib.request

__all__ = ["TGD", "Parameter", "Variable", "TextoptError", "Client", "ChatCompletion", "ExactMatchEvaluator",
           "LMJudgeEvaluator", "HttpEvaluator", "DeterministicEvaluator", "Loss", "Run"]

DEFAULT_URL = "http://localhost:8080"


class TextoptError(Exception):
    """A 4xx/5xx answer. `problem` is the RFC 9457 problem detail (a dict), `status` the HTTP status."""

    def __init__(self, status, problem):
        self.status = status
        self.problem = problem if isinstance(problem, dict) else {"detail": str(problem)}
        self.type = self.problem.get("type")
        self.title = self.problem.get("title")
        self.detail = self.problem.get("detail")
        self.errors = self.problem.get("errors") or []
        super().__init__(f"{status} {self.title or ''}: {self.detail or ''}".strip())


class Client:
    """The HTTP side: JSON in, JSON out, problems raised."""

    def __init__(self, url=None, api_key=None, timeout=300):
        self.url = (url or os.environ.get("TEXTOPT_URL") or DEFAULT_URL).rstrip("/")
        self.api_key = api_key if api_key is not None else os.environ.get("TEXTOPT_API_KEY")
        self.timeout = timeout

    def request(self, method, path, body=None, headers=None):
        data = None if body is None else json.dumps(body, default=_json).encode("utf-8")
        request = urllib.request.Request(self.url + path, data=data, method=method)
        request.add_header("Accept", "application/json, application/problem+json")
        if data is not None:
            request.add_header("Content-Type", "application/json")
        if self.api_key:
            request.add_header("Authorization", "Bearer " + self.api_key)
        for name, value in (headers or {}).items():
            request.add_header(name, value)
        try:
            with urllib.request.urlopen(request, timeout=self.timeout) as response:
                raw = response.read()
                return json.loads(raw) if raw else None
        except urllib.error.HTTPError as e:
            raw = e.read()
            try:
                problem = json.loads(raw) if raw else {}
            except ValueError:
                problem = {"detail": raw.decode("utf-8", "replace")}
            raise TextoptError(e.code, problem) from None

    def get(self, path):
        return self.request("GET", path)

    def post(self, path, body=None):
        return self.request("POST", path, body)


class Variable:
    """A text with a role, as afnio's Variable: what `constraints`, `inputs` and message contents may hold
    besides plain strings. Sent as {data, role, requires_grad}."""

    def __init__(self, data, role="", requires_grad=False):
        self.data = data
        self.role = role
        self.requires_grad = requires_grad

    def _as_variable(self):
        return {"data": self.data, "role": self.role, "requires_grad": self.requires_grad}

    def __repr__(self):
        return f"{type(self).__name__}(data={self.data!r}, role={self.role!r}, requires_grad={self.requires_grad})"


class Parameter(Variable):
    """A text the optimizer may rewrite. `grad` is its list of gradients ({data, role, context});
    `data` is refreshed after every step of the optimizer that owns it."""

    def __init__(self, data, role, requires_grad=True):
        super().__init__(data, role, requires_grad)
        self.grad = []
        self.id = None
        self._optimizer = None

    def append_grad(self, data, role="feedback", context=None):
        """Appends a gradient; sent at once when an optimizer owns this parameter, else at creation."""
        gradient = {"data": data, "role": role}
        if context is not None:
            gradient["context"] = context
        if self._optimizer is None:
            self.grad.append(dict(gradient, context=context))
        else:
            self._update(self._optimizer._post_param(self.id, "/grad", gradient))
        return self

    def patch(self, if_version=None, **changes):
        """Edits data, role or requires_grad by hand (recorded in the history). With `if_version`, only if
        the session is still at that version (else TextoptError 412)."""
        self._update(self._optimizer._client.request("PATCH", self._optimizer._path("/params/" + self.id), changes,
                                                     _if_match(if_version)))
        return self

    def _update(self, answer):
        self.id = answer["id"]
        self.data = answer["data"]
        self.role = answer["role"]
        self.requires_grad = answer["requires_grad"]
        self.grad = answer.get("grad", [])



class ParamGroup(dict):
    """One of `TGD.param_groups`: its `params` and options. Setting an option, as torch code does with
    `optimizer.param_groups[0]["lr"] = …`, changes it on the service (PATCH …/param-groups/{index})."""

    def __init__(self, optimizer, index, group):
        super().__init__(group)
        self._optimizer = optimizer
        self._index = index

    def __setitem__(self, option, value):
        if option == "params":
            raise KeyError("a group's params are its own; add_param_group adds new ones")
        self._optimizer.edit_param_group(self._index, **{option: value})
        super().__setitem__(option, self._optimizer._session["param_groups"][self._index][option])

    def update(self, *args, **options):
        options = dict(*args, **options)
        self._optimizer.edit_param_group(self._index, **options)
        for option in options:
            super().__setitem__(option, self._optimizer._session["param_groups"][self._index][option])


class TGD:
    """Textual Gradient Descent as a textopt session, with afnio's signature:
    TGD(params, model_client=None, messages=None, inputs=None, constraints=None, momentum=None,
    **completion_args). `params` is a list of Parameters (or {data, role} dicts), or a list of groups
    {"params": [...], option: value}. Options left as None take the service's defaults."""

    def __init__(self, params, model_client=None, messages=None, inputs=None, constraints=None, momentum=None,
                 url=None, api_key=None, client=None, **completion_args):
        self._client = client or Client(url, api_key)
        defaults = {}
        for key, value in (("model_client", model_client), ("messages", messages), ("inputs", inputs),
                           ("constraints", constraints), ("momentum", momentum)):
            if value is not None:
                defaults[key] = value
        if completion_args:
            defaults["completion_args"] = completion_args
        groups, flat = _groups(params)
        body = {"params": [dict(g, params=[p._as_variable() for p in ps]) for g, ps in groups]
                if not flat else [p._as_variable() for p in groups[0][1]], "defaults": defaults}
        self._params = []
        self._session = self._client.post("/v1/optimizers", body)
        self.id = self._session["id"]
        self._bind(groups)
        self.last_step = None

    @classmethod
    def attach(cls, session_id, url=None, api_key=None):
        """An optimizer for an existing session, its parameters fetched from the service."""
        self = cls.__new__(cls)
        self._client = Client(url, api_key)
        self.id = session_id
        self._params = []
        self.last_step = None
        self._refresh()
        return self

    # --- afnio / torch.optim words -------------------------------------------------------------

    @property
    def defaults(self):
        return self._session["defaults"]

    @property
    def param_groups(self):
        """The groups as the service holds them; `params` are this optimizer's Parameter objects. Setting an
        option of one (`optimizer.param_groups[0]["momentum"] = 1`) changes it on the service."""
        by_id = {p.id: p for p in self._params}
        return [ParamGroup(self, i, dict(g, params=[by_id[p["id"]] for p in g["params"]]))
                for i, g in enumerate(self._session["param_groups"])]

    @property
    def version(self):
        """The session's version when this optimizer last heard of it (its ETag), for `if_version`."""
        return self._session["version"]

    def step(self, closure=None):
        """One step. `closure` is an evaluator URL the service calls first (its loss is returned), or a
        callable run here before the step (its result is returned), or None (returns None)."""
        loss = None
        body = None
        if callable(closure):
            loss = closure()
        elif closure is not None:
            body = {"closure": {"url": closure}}
        self.last_step = self._client.post(self._path("/step"), body)
        self._refresh()
        return self.last_step.get("loss") if loss is None else loss

    def clear_grad(self):
        self._session = self._client.post(self._path("/clear-grad"))
        self._sync()

    zero_grad = clear_grad

    def add_param_group(self, param_group):
        """Adds a group {"params": [Parameter or dict, ...], option: value}; missing options come from defaults.
        A Parameter this optimizer has already is sent by reference, and refused (TextoptError 400) as torch
        refuses a parameter in two groups."""
        groups, _ = _groups([param_group])
        options, params = groups[0]
        mine = {id(p) for p in self._params}
        items = [{"id": p.id} if id(p) in mine else p._as_variable() for p in params]
        self._client.post(self._path("/param-groups"), dict(options, params=items))
        self._refresh(new=[p for p in params if id(p) not in mine])

    def edit_param_group(self, index, if_version=None, **options):
        """Changes options of group `index` (momentum, constraints, inputs, messages, model_client,
        completion_args); the others stay. Recorded in the history as an edit_group entry."""
        self._client.request("PATCH", self._path(f"/param-groups/{int(index)}"), options, _if_match(if_version))
        self._refresh()
        return self.param_groups[index]

    def state_dict(self):
        return self._client.get(self._path("/state-dict"))

    def load_state_dict(self, state_dict, model_clients=None, if_version=None):
        """load_state_dict; `model_clients` maps each group's model_client key to a configured client name
        (default: the names recorded in the state dict). With `if_version` (e.g. `optimizer.version` when
        the dict was taken), a session that changed since is left alone: TextoptError 412."""
        if model_clients is None:
            model_clients = {}
            for group in state_dict.get("param_groups", []):
                client = group.get("model_client")
                if isinstance(client, dict) and client.get("name"):
                    model_clients.setdefault("model_client", client["name"])
        self._session = self._client.request("PUT", self._path("/state-dict"),
                                             {"state_dict": state_dict, "model_clients": model_clients},
                                             _if_match(if_version))
        self._sync()

    # --- afnio's Trainer: a training run, durable in textopt --------------------------------------

    def fit(self, train, validation=None, *, forward, evaluator, epochs=1, batch_size=None, shuffle_seed=None,
            keep_best=False, validate_every=None, backward=None, wait=True, on_progress=None, poll_interval=1.0,
            timeout=None):
        """Trains the session on a dataset, as afnio's Trainer does: for every batch forward -> evaluate ->
        backward -> step -> clear_grad, for `epochs`, scoring `validation` before the first step and after
        every epoch (or every step with validate_every="step"); with keep_best the session ends restored to
        the best validation score. The run is textopt's: it survives this process and textopt's restarts.

        `train` and `validation` are lists of items: {"inputs": {...}, "target": ...} or (inputs, target).
        `forward` is the messages (with Parameters, as for ChatCompletion), or a ChatCompletion and its
        messages as (chat, messages) to name the model. `evaluator` is an ExactMatchEvaluator, LMJudgeEvaluator
        or HttpEvaluator (targets come from the items). `backward` is {"model_client", "completion_args",
        "messages"} or None. Returns the finished Run (its Parameters refreshed), or with wait=False the Run at
        once: follow it with run.wait(on_progress=...), run.refresh(), run.cancel(). `on_progress(run)` is
        called whenever the run has moved on."""
        chat, messages = forward if isinstance(forward, tuple) else (None, forward)
        body = {"train": [_item(i) for i in train], "evaluator": evaluator._run_body(), "epochs": epochs,
                "forward": {"messages": [dict(m, content=[_content(item) for item in m["content"]]) for m in messages]}}
        if chat is not None:
            _model(body["forward"], chat.model_client, chat.completion_args)
        for key, value in (("validation", None if validation is None else [_item(i) for i in validation]),
                           ("batch_size", batch_size), ("shuffle_seed", shuffle_seed), ("keep_best", keep_best or None),
                           ("validate_every", validate_every), ("backward", backward)):
            if value is not None:
                body[key] = value
        run = Run(self, self._client.post(self._path("/runs"), body))
        return run.wait(on_progress, poll_interval, timeout) if wait else run

    def runs(self, page=0, size=20):
        """The session's training runs, newest first (a page, as the service answers it)."""
        return self._client.get(self._path(f"/runs?page={page}&size={size}"))

    # --- beyond afnio: the history, restore, delete -------------------------------------------

    def history(self, page=0, size=20):
        return self._client.get(self._path(f"/steps?page={page}&size={size}"))

    def history_entry(self, number):
        return self._client.get(self._path(f"/steps/{number}"))

    def restore(self, number, if_version=None):
        self._session = self._client.request("POST", self._path(f"/steps/{number}/restore"), None, _if_match(if_version))
        self._sync()

    def delete(self):
        self._client.request("DELETE", self._path(""))

    @property
    def usage(self):
        return self._session.get("usage", {})

    def clear_usage(self):
        """afnio's clear_usage: every client's usage back to zero. The budget's spent amount stays."""
        self._session = self._client.post(self._path("/usage/clear"))
        self._sync()

    # --- internals ------------------------------------------------------------------------------

    def _path(self, suffix):
        return "/v1/optimizers/" + urllib.parse.quote(self.id) + suffix

    def _post_param(self, param_id, suffix, body):
        return self._client.post(self._path("/params/" + param_id + suffix), body)

    def _bind(self, groups):
        """Gives the Parameter objects of a new session their ids, by position, and sends pending grads."""
        local = [p for _, ps in groups for p in ps]
        stored = [p for g in self._session["param_groups"] for p in g["params"]]
        self._attach(local, stored[len(stored) - len(local):])

    def _attach(self, local, stored):
        for param, answer in zip(local, stored):
            pending = param.grad
            param._optimizer = self
            param._update(answer)
            self._params.append(param)
            for gradient in pending:
                param.append_grad(gradient["data"], gradient.get("role", "feedback"), gradient.get("context"))

    def _refresh(self, new=None):
        self._session = self._client.get(self._path(""))
        if new:
            known = {p.id for p in self._params}
            stored = [p for g in self._session["param_groups"] for p in g["params"] if p["id"] not in known]
            self._attach(new, stored)
        self._sync()

    def _sync(self):
        by_id = {p.id: p for p in self._params}
        for group in self._session["param_groups"]:
            for answer in group["params"]:
                if answer["id"] in by_id:
                    by_id[answer["id"]]._update(answer)
                else:
                    param = Parameter(answer["data"], answer["role"], answer["requires_grad"])
                    param._optimizer = self
                    param._update(answer)
                    self._params.append(param)
                    by_id[param.id] = param


def _json(value):
    """Variables (and Parameters) anywhere in a body, e.g. in constraints, are sent as {data, role, requires_grad}."""
    if isinstance(value, Variable):
        return value._as_variable()
    raise TypeError(f"{type(value).__name__} is not JSON")


def _if_match(version):
    return None if version is None else {"If-Match": f'"{version}"'}


class Run(dict):
    """A training run as textopt shows it (id, status, epoch, batch, steps, validation, best, failure, usage,
    created_at, finished_at), with what a client does with one: refresh it, wait for its end, cancel it."""

    ACTIVE = ("queued", "running")

    def __init__(self, optimizer, answer):
        super().__init__(answer)
        self.optimizer = optimizer

    @property
    def done(self):
        return self["status"] not in self.ACTIVE

    def _location(self):
        return self.optimizer._path("/runs/" + self["id"])

    def refresh(self):
        return self._become(self.optimizer._client.get(self._location()))

    def wait(self, on_progress=None, poll_interval=1.0, timeout=None):
        """Polls until the run has ended; then the optimizer's Parameters hold what it left. Returns the run.
        `on_progress(run)` is called each time its status, steps or validation scores changed."""
        import time
        deadline = None if timeout is None else time.monotonic() + timeout
        seen = None
        while True:
            moved = (self["status"], len(self["steps"]), len(self["validation"]))
            if on_progress is not None and moved != seen:
                on_progress(self)
            seen = moved
            if self.done:
                self.optimizer._refresh()
                return self
            if deadline is not None and time.monotonic() > deadline:
                raise TimeoutError(f"training run {self['id']} is still {self['status']} after {timeout} s")
            time.sleep(poll_interval)
            self.refresh()

    def cancel(self):
        """Stops the run after the model call in flight (wait() then sees it cancelled)."""
        return self._become(self.optimizer._client.post(self._location() + "/cancel"))

    def _become(self, answer):
        self.clear()
        self.update(answer)
        return self


# --- computing gradients: forward, evaluate, backward ---------------------------------------------


class ChatCompletion:
    """afnio's ChatCompletion as textopt's forward pass: calling it with `messages` and a batch of `inputs`
    makes one model call per input item, all at once, and returns their Outputs (textopt keeps a trace of
    each for evaluate and backward). A content item is a template string ({key} from the input item, {{ }}
    for braces), a Parameter of the optimizer (its current data), or a Variable {"data", "role"}. The model
    defaults to the group of the first Parameter in the messages."""

    def __init__(self, optimizer, model_client=None, **completion_args):
        self.optimizer = optimizer
        self.model_client = model_client
        self.completion_args = completion_args

    def __call__(self, messages, inputs):
        body = {"messages": [dict(m, content=[_content(item) for item in m["content"]]) for m in messages],
                "inputs": list(inputs)}
        _model(body, self.model_client, self.completion_args)
        answer = self.optimizer._client.post(self.optimizer._path("/forward"), body)
        return Outputs(self.optimizer, answer["traces"], answer["usage"])


class Outputs(list):
    """The outputs of a forward pass, in input order (each text, as the model answered it); `traces` are
    their trace ids, `usage` what the calls cost."""

    def __init__(self, optimizer, traces, usage):
        super().__init__(t["output"] for t in traces)
        self.optimizer = optimizer
        self.traces = [t["id"] for t in traces]
        self.usage = usage

    def trace(self, index):
        """The stored trace of one output: the messages the model got, the parameters' values, its evaluation."""
        return self.optimizer._client.get(self.optimizer._path("/traces/" + self.traces[index]))


class _Evaluator:
    """Calling an evaluator with Outputs (and targets) scores them in textopt and returns the Loss."""

    def _body(self, targets):
        raise NotImplementedError

    def _run_body(self):
        """The evaluator of a training run, whose targets come from its items."""
        body = self._body([])
        body.pop("targets")
        return body

    def __call__(self, outputs, targets=None):
        body = {"traces": outputs.traces, "evaluator": self._body(targets)}
        answer = outputs.optimizer._client.post(outputs.optimizer._path("/evaluate"), body)
        return Loss(outputs, answer["loss"]["score"], answer["loss"]["explanation"], answer["results"], answer["usage"])


class ExactMatchEvaluator(_Evaluator):
    """afnio's ExactMatchEvaluator: 1 when an output equals its target, else 0; no model call."""

    def __init__(self, case_sensitive=True, trim=True):
        self.case_sensitive = case_sensitive
        self.trim = trim

    def _body(self, targets):
        return {"type": "exact_match", "targets": list(targets), "case_sensitive": self.case_sensitive, "trim": self.trim}


class LMJudgeEvaluator(_Evaluator):
    """afnio's LMJudgeEvaluator: a judge model scores each output from 0 to 1 by `criteria` (and the target,
    when given). `messages` is a judge prompt of your own ({output}, {target}, {criteria}, {input})."""

    def __init__(self, criteria=None, model_client=None, messages=None, **completion_args):
        self.criteria = criteria
        self.model_client = model_client
        self.messages = messages
        self.completion_args = completion_args

    def _body(self, targets):
        body = {"type": "llm_judge"}
        for key, value in (("criteria", self.criteria), ("messages", self.messages),
                           ("targets", None if targets is None else list(targets))):
            if value is not None:
                body[key] = value
        _model(body, self.model_client, self.completion_args)
        return body


class HttpEvaluator(_Evaluator):
    """An evaluator of your own behind a URL textopt may call (an allowed closure host)."""

    def __init__(self, url):
        self.url = url

    def _body(self, targets):
        body = {"type": "http", "url": self.url}
        if targets is not None:
            body["targets"] = list(targets)
        return body


class DeterministicEvaluator:
    """afnio's DeterministicEvaluator: `evaluation_fn(output, target)` scores here, returning a score from 0
    to 1 or (score, explanation); backward sends the scores with the traces."""

    def __init__(self, evaluation_fn):
        self.evaluation_fn = evaluation_fn

    def _run_body(self):
        raise TypeError("a DeterministicEvaluator scores in this process, a training run in textopt: "
                        "use an ExactMatchEvaluator, an LMJudgeEvaluator or an HttpEvaluator")

    def __call__(self, outputs, targets=None):
        results = []
        for i, output in enumerate(outputs):
            scored = self.evaluation_fn(output, None if targets is None else targets[i])
            score, explanation = scored if isinstance(scored, tuple) else (scored, None)
            results.append({"trace_id": outputs.traces[i], "score": score, "explanation": explanation})
        mean = sum(r["score"] for r in results) / len(results)
        explanation = "\n".join(f"[{i}] {r['explanation'] or ''}" for i, r in enumerate(results))
        return Loss(outputs, mean, explanation, results, {}, given=True)


class Loss:
    """A batch's loss: `score` (the mean, 0 to 1), `explanation`, and each output's `results`.
    `backward()` is afnio's loss.backward(): feedback on every parameter the outputs used, appended to
    its grad by textopt."""

    def __init__(self, outputs, score, explanation, results, usage, given=False):
        self.outputs = outputs
        self.score = score
        self.explanation = explanation
        self.results = results
        self.usage = usage
        self._given = given

    def backward(self, model_client=None, messages=None, **completion_args):
        """Returns the gradients appended ({param_id, trace_id, data}); the Parameters' grads are refreshed.
        `messages` is a backward prompt of your own ({conversation}, {output}, {evaluation}, {parameter}, {role})."""
        traces = []
        for trace_id, result in zip(self.outputs.traces, self.results):
            trace = {"trace_id": trace_id}
            if self._given:  # scored here: textopt has no evaluation of these traces
                trace["score"] = result["score"]
                if result.get("explanation") is not None:
                    trace["explanation"] = result["explanation"]
            traces.append(trace)
        body = {"traces": traces}
        if messages is not None:
            body["messages"] = messages
        _model(body, model_client, completion_args)
        optimizer = self.outputs.optimizer
        answer = optimizer._client.post(optimizer._path("/backward"), body)
        optimizer._refresh()
        return answer["gradients"]

    def __repr__(self):
        return f"Loss(score={self.score!r}, explanation={self.explanation!r})"


def _content(item):
    if isinstance(item, Parameter):
        if item.id is None:
            raise ValueError("a Parameter in forward messages must belong to the optimizer (it has no id yet)")
        return {"param": item.id}
    if isinstance(item, Variable):
        return {"data": item.data, "role": item.role}
    return item


def _item(item):
    """A dataset item: {"inputs": {...}, "target": ...} as it is, or (inputs, target)."""
    if isinstance(item, dict):
        return item
    inputs, target = item
    return {"inputs": inputs, "target": target}


def _model(body, model_client, completion_args):
    if model_client is not None:
        body["model_client"] = model_client
    if completion_args:
        body["completion_args"] = completion_args


def _parameter(value):
    if isinstance(value, Parameter):
        return value
    if isinstance(value, Variable):
        return Parameter(value.data, value.role, value.requires_grad)
    if isinstance(value, dict):
        return Parameter(value["data"], value.get("role", ""), value.get("requires_grad", True))
    if isinstance(value, str):
        return Parameter(value, "")
    raise TypeError(f"a parameter must be a Parameter, a dict or a str, not {type(value).__name__}")


def _groups(params):
    """[(options, [Parameter])] and whether `params` was a flat list (one group, no options)."""
    params = list(params)
    if params and all(isinstance(g, dict) and "params" in g for g in params):
        return [({k: v for k, v in g.items() if k != "params"}, [_parameter(p) for p in g["params"]])
                for g in params], False
    return [({}, [_parameter(p) for p in params])], True
