"""afnio's TGD optimizer as a textopt session: the same words (params, defaults, param_groups,
add_param_group, clear_grad, step, state_dict, load_state_dict), the state kept by the service."""
import urllib.parse

from ._http import Client
from .param_groups import ParamGroup, groups_of
from .steps import StepHandle, loss_of
from .training import Run, fit_body
from .variable import as_parameter


class TGD:
    """Textual Gradient Descent as a textopt session, with afnio's signature:
    TGD(params, model_client=None, messages=None, inputs=None, constraints=None, momentum=None,
    **completion_args). `params` is a list of Parameters (or Variables, {data, role} dicts, texts), or a
    list of groups {"params": [...], option: value}. `model_client` names a client configured in textopt.
    Options left as None take the service's defaults. `client` (a textopt.Client), or `url` and `api_key`,
    say where textopt is (default: TEXTOPT_URL and TEXTOPT_API_KEY)."""

    def __init__(self, params, model_client=None, messages=None, inputs=None, constraints=None, momentum=None,
                 url=None, api_key=None, client=None, **completion_args):
        self._client = client or Client(url, api_key)
        defaults = {key: value for key, value in (("model_client", model_client), ("messages", messages),
                                                  ("inputs", inputs), ("constraints", constraints),
                                                  ("momentum", momentum)) if value is not None}
        if completion_args:
            defaults["completion_args"] = completion_args
        groups, flat = groups_of(params)
        body = {"params": [dict(g, params=[p._as_variable() for p in ps]) for g, ps in groups]
                if not flat else [p._as_variable() for p in groups[0][1]], "defaults": defaults}
        self._params = []
        self._session = self._client.post("/v1/optimizers", body)
        self.id = self._session["id"]
        self.last_step = None
        self._attach([p for _, ps in groups for p in ps], [p for g in self._session["param_groups"] for p in g["params"]])

    @classmethod
    def attach(cls, session_id, url=None, api_key=None, client=None):
        """An optimizer for an existing session, its parameters fetched from the service."""
        self = cls.__new__(cls)
        self._client = client or Client(url, api_key)
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

    def step(self, closure=None, asynchronous=False, idempotency_key=None):
        """afnio's step: every parameter with feedback is rewritten by the optimizer's model.

        `closure` is afnio's: a callable run here first, which typically computes the loss and the grads
        (forward, evaluate, backward) and returns (score, explanation) Variables; step returns what it
        returned. Or the URL of an evaluator textopt calls first (an allowed closure host): step returns its
        (score, explanation) as Variables. Without a closure step returns (None, None), as afnio does.

        With `asynchronous=True` the step is started (`Prefer: respond-async`) and a StepHandle is returned
        at once; its `result()` is that loss. `idempotency_key` replaces the key chosen per call, e.g. to
        repeat a step after this process restarted without doing it twice."""
        local = callable(closure)
        loss = closure() if local else None
        body = {"closure": {"url": closure}} if closure is not None and not local else None
        if asynchronous:
            accepted = self._client.post(self._path("/step"), body, {"Prefer": "respond-async"}, idempotency_key)
            return StepHandle(self, accepted, loss, local)
        self.last_step = self._client.post(self._path("/step"), body, idempotency_key=idempotency_key)
        self._refresh()
        return loss if local else loss_of(self.last_step.get("loss"))

    def clear_grad(self):
        self._session = self._client.post(self._path("/clear-grad"))
        self._sync()

    zero_grad = clear_grad

    def add_param_group(self, param_group):
        """Adds a group {"params": [Parameter, ...], option: value}; missing options come from defaults.
        A Parameter this optimizer has already is sent by reference, and refused (ValidationError, 400) as
        torch refuses a parameter in two groups."""
        groups, _ = groups_of([param_group])
        options, params = groups[0]
        mine = {id(p) for p in self._params}
        items = [{"id": p.id} if id(p) in mine else p._as_variable() for p in params]
        self._client.post(self._path("/param-groups"), dict(options, params=items))
        self._refresh(new=[p for p in params if id(p) not in mine])

    def edit_param_group(self, index, if_version=None, **options):
        """Changes options of group `index` (momentum, constraints, inputs, messages, model_client,
        completion_args); the others stay. Recorded in the history as an edit_group entry."""
        self._client.request("PATCH", self._path(f"/param-groups/{int(index)}"), options, self._if_match(if_version))
        self._refresh()
        return self.param_groups[index]

    def state_dict(self):
        return self._client.get(self._path("/state-dict"))

    def load_state_dict(self, state_dict, model_clients=None, if_version=None):
        """load_state_dict; `model_clients` maps each group's model_client key to a configured client name
        (default: the names recorded in the state dict). With `if_version` (e.g. `optimizer.version` when
        the dict was taken), a session that changed since is left alone: VersionMismatchError (412)."""
        if model_clients is None:
            model_clients = {}
            for group in state_dict.get("param_groups", []):
                client = group.get("model_client")
                if isinstance(client, dict) and client.get("name"):
                    model_clients.setdefault("model_client", client["name"])
        self._session = self._client.request("PUT", self._path("/state-dict"),
                                             {"state_dict": state_dict, "model_clients": model_clients},
                                             self._if_match(if_version))
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
        "messages"} or None. Returns the finished Run (its Parameters refreshed), or with wait=False the Run at once: follow it
        with run.wait(on_progress=...), run.refresh(), run.cancel(). `on_progress(run)` is called whenever
        the run has moved on."""
        body = fit_body(train, validation, forward, evaluator,
                        {"epochs": epochs, "batch_size": batch_size, "shuffle_seed": shuffle_seed,
                         "keep_best": keep_best or None, "validate_every": validate_every, "backward": backward})
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
        self._session = self._client.request("POST", self._path(f"/steps/{number}/restore"), None,
                                             self._if_match(if_version))
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

    @staticmethod
    def _if_match(version):
        return None if version is None else {"If-Match": f'"{version}"'}

    def _post_param(self, param_id, suffix, body):
        return self._client.post(self._path("/params/" + param_id + suffix), body)

    def _attach(self, local, stored):
        """Binds Parameter objects to the service's new parameters, by position, and sends their pending grads."""
        for param, answer in zip(local, stored):
            pending = param.grad
            param._optimizer = self
            param._update(answer)
            self._params.append(param)
            for gradient in pending:
                param.append_grad(gradient)

    def _refresh(self, new=None):
        self._session = self._client.get(self._path(""))
        if new:
            known = {p.id for p in self._params}
            self._attach(new, [p for g in self._session["param_groups"] for p in g["params"] if p["id"] not in known])
        self._sync()

    def _sync(self):
        by_id = {p.id: p for p in self._params}
        for group in self._session["param_groups"]:
            for answer in group["params"]:
                param = by_id.get(answer["id"])
                if param is None:
                    param = as_parameter(answer)
                    param._optimizer = self
                    self._params.append(param)
                param._update(answer)
