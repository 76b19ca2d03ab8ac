"""afnio's Variable and Parameter, as textopt keeps them: texts with a role, a parameter with its grad."""


class Variable:
    """A text with a role, as afnio's `Variable(data=..., role=..., requires_grad=...)`: what gradients,
    constraints, inputs and message contents may hold besides plain strings. Sent as {data, role,
    requires_grad}. A gradient textopt returns also has `context` (what produced the feedback, or None)."""

    def __init__(self, data="", role="", requires_grad=False, context=None):
        self.data = data
        self.role = role
        self.requires_grad = requires_grad
        self.context = context

    def _as_variable(self):
        return {"data": self.data, "role": self.role, "requires_grad": self.requires_grad}

    def __repr__(self):
        return f"{type(self).__name__}(data={self.data!r}, role={self.role!r}, requires_grad={self.requires_grad})"


class Parameter(Variable):
    """A text the optimizer may rewrite. `grad` is its list of gradients (Variables, in order); `data`,
    `role` and `grad` are refreshed from textopt after every call of the optimizer that owns it."""

    def __init__(self, data="", role="", requires_grad=True):
        super().__init__(data, role, requires_grad)
        self.grad = []
        self.id = None
        self._optimizer = None

    def append_grad(self, gradient, role="feedback", context=None):
        """afnio's append_grad: `gradient` is a Variable (its role kept) or, for convenience, a text with
        `role`. Sent at once when an optimizer owns this parameter, else when one is created with it."""
        if not isinstance(gradient, Variable):
            gradient = Variable(gradient, role)
        gradient = Variable(gradient.data, gradient.role, context=gradient.context if context is None else context)
        if self._optimizer is None:
            self.grad.append(gradient)
        else:
            body = {"data": gradient.data, "role": gradient.role}
            if gradient.context is not None:
                body["context"] = gradient.context
            self._update(self._optimizer._post_param(self.id, "/grad", body))
        return self

    def patch(self, if_version=None, **changes):
        """Edits data, role or requires_grad by hand (recorded in the history). With `if_version`, only if
        the session is still at that version (else VersionMismatchError, 412)."""
        optimizer = self._optimizer
        self._update(optimizer._client.request("PATCH", optimizer._path("/params/" + self.id), changes,
                                               optimizer._if_match(if_version)))
        return self

    def _update(self, answer):
        self.id = answer["id"]
        self.data = answer["data"]
        self.role = answer["role"]
        self.requires_grad = answer["requires_grad"]
        self.grad = [Variable(g["data"], g.get("role", ""), context=g.get("context")) for g in answer.get("grad", [])]


def as_parameter(value):
    """A Parameter for what a caller may pass in `params`: a Parameter, a Variable, a {data, role} dict or a text."""
    if isinstance(value, Parameter):
        return value
    if isinstance(value, Variable):
        return Parameter(value.data, value.role, value.requires_grad)
    if isinstance(value, dict):
        return Parameter(value["data"], value.get("role", ""), value.get("requires_grad", True))
    if isinstance(value, str):
        return Parameter(value, "")
    raise TypeError(f"a parameter must be a Parameter, a Variable, a dict or a str, not {type(value).__name__}")
