"""Computing gradients in textopt, in afnio's words: ChatCompletion (forward), evaluators (evaluate),
Loss.backward (backward), and the training run that loops them (afnio's Trainer, as TGD.fit)."""
import time

from .variable import Parameter, Variable


class ChatCompletion:
    """afnio's ChatCompletion as textopt's forward pass: calling it with `messages` and a batch of `inputs`
    makes one model call per input item, all at once, and returns their Outputs (textopt keeps a trace of
    each for evaluate and backward). A content item is a template string ({key} from the input item, {{ }}
    for braces), a Parameter of the optimizer (its current data), or a Variable. The model defaults to the
    group of the first Parameter in the messages."""

    def __init__(self, optimizer, model_client=None, **completion_args):
        self.optimizer = optimizer
        self.model_client = model_client
        self.completion_args = completion_args

    def __call__(self, messages, inputs):
        body = {"messages": _messages(messages), "inputs": list(inputs)}
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
        body = _present({"type": "llm_judge", "criteria": self.criteria, "messages": self.messages,
                         "targets": None if targets is None else list(targets)})
        _model(body, self.model_client, self.completion_args)
        return body


class HttpEvaluator(_Evaluator):
    """An evaluator of your own behind a URL textopt may call (an allowed closure host)."""

    def __init__(self, url):
        self.url = url

    def _body(self, targets):
        return _present({"type": "http", "url": self.url, "targets": None if targets is None else list(targets)})


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
    its grad by textopt. `loss.variables` is (score, explanation) as Variables, what an afnio closure returns."""

    def __init__(self, outputs, score, explanation, results, usage, given=False):
        self.outputs = outputs
        self.score = score
        self.explanation = explanation
        self.results = results
        self.usage = usage
        self._given = given

    @property
    def variables(self):
        return Variable(self.score, "score"), Variable(self.explanation, "explanation")

    def backward(self, model_client=None, messages=None, **completion_args):
        """Returns the gradients appended ({param_id, trace_id, data}); the Parameters' grads are refreshed.
        `messages` is a backward prompt of your own ({conversation}, {output}, {evaluation}, {parameter}, {role})."""
        traces = []
        for trace_id, result in zip(self.outputs.traces, self.results):
            trace = {"trace_id": trace_id}
            if self._given:  # scored here: textopt has no evaluation of these traces
                trace.update(_present({"score": result["score"], "explanation": result.get("explanation")}))
            traces.append(trace)
        body = _present({"traces": traces, "messages": messages})
        _model(body, model_client, completion_args)
        optimizer = self.outputs.optimizer
        answer = optimizer._client.post(optimizer._path("/backward"), body)
        optimizer._refresh()
        return answer["gradients"]

    def __repr__(self):
        return f"Loss(score={self.score!r}, explanation={self.explanation!r})"


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


def fit_body(train, validation, forward, evaluator, options):
    """The request of a training run (see TGD.fit)."""
    chat, messages = forward if isinstance(forward, tuple) else (None, forward)
    body = {"train": [_item(i) for i in train], "evaluator": evaluator._run_body(),
            "forward": {"messages": _messages(messages)}}
    if chat is not None:
        _model(body["forward"], chat.model_client, chat.completion_args)
    body.update(_present(dict(options, validation=None if validation is None else [_item(i) for i in validation])))
    return body


def _messages(messages):
    return [dict(m, content=[_content(item) for item in m["content"]]) for m in messages]


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


def _present(fields):
    """The fields that have a value: the service's defaults apply to the others."""
    return {key: value for key, value in fields.items() if value is not None}


def _model(body, model_client, completion_args):
    body.update(_present({"model_client": model_client, "completion_args": completion_args or None}))
