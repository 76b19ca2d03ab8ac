"""The errors textopt answers, as exceptions: one class per kind of problem a caller handles differently,
each carrying the RFC 9457 problem detail the service sent."""

PROBLEMS = "https://textopt.dev/problems/"


class TextoptError(Exception):
    """textopt answered 4xx or 5xx. `problem` is the problem detail (a dict); `status`, `type`, `title`,
    `detail` and `errors` (field problems) are read from it; `retry_after` is the answer's Retry-After in
    seconds, when it had one."""

    def __init__(self, status, problem, retry_after=None):
        self.status = status
        self.problem = problem if isinstance(problem, dict) else {"detail": str(problem)}
        self.type = self.problem.get("type")
        self.title = self.problem.get("title")
        self.detail = self.problem.get("detail")
        self.errors = self.problem.get("errors") or []
        self.retry_after = retry_after
        super().__init__(f"{status} {self.title or ''}: {self.detail or ''}".strip())


class ValidationError(TextoptError):
    """400, 413, 415 or 422: the request itself must change; `errors` names the fields where it can."""


class AuthenticationError(TextoptError):
    """401: API keys are on and the key is missing or wrong."""


class BudgetExhaustedError(TextoptError):
    """402: the session has spent its budget."""


class NotFoundError(TextoptError):
    """404: no such session (or another tenant's), parameter, history entry, trace or run."""


class ConflictError(TextoptError):
    """409: the session is busy or moved on (a step or run is active, a trace is stale, a quota is full)."""


class VersionMismatchError(ConflictError):
    """412: the session changed since the version sent as `if_version`; nothing was changed."""


class RateLimitedError(TextoptError):
    """429: too many steps of this tenant are running; retried automatically before it is raised."""


class ServiceUnavailableError(TextoptError):
    """503: a model client has no API key, or the database cannot be reached."""


class StepFailedError(TextoptError):
    """502 or 504: a step failed and changed no parameter. `failures` says which parameter and why;
    `entry` is the history entry when the step was asynchronous."""

    def __init__(self, status, problem, retry_after=None, entry=None):
        super().__init__(status, problem, retry_after)
        self.entry = entry

    @property
    def failures(self):
        return self.problem.get("failures") or []

    @classmethod
    def from_entry(cls, location, entry):
        """What the step would have answered synchronously, built from its failed history entry."""
        failures = entry.get("failures") or []
        timeout = bool(failures) and all(f.get("reason") == "timeout" for f in failures)
        status = 504 if timeout else 502
        detail = "; ".join(f"{f.get('param_id') or 'step'}: {f.get('reason')}" + (f" ({f['detail']})" if f.get("detail") else "")
                           for f in failures)
        problem = {"type": PROBLEMS + ("step-timeout" if timeout else "step-failed"),
                   "title": "Step failed; no parameter changed", "status": status, "detail": detail,
                   "instance": location, "step": entry.get("step"), "failures": failures}
        return cls(status, problem, entry=entry)


class CallsFailedError(TextoptError):
    """502 or 504: a forward, judge, backward or evaluator call failed; nothing was stored."""

    @property
    def failures(self):
        return self.problem.get("failures") or []


class TextoptConnectionError(ConnectionError):
    """textopt could not be reached, even after the retries; the last network error is the `__cause__`."""

    def __init__(self, url, attempts, cause):
        super().__init__(f"textopt at {url} could not be reached after {attempts} attempt(s): {cause}")
        self.url = url
        self.attempts = attempts


_BY_TYPE = {"step-failed": StepFailedError, "step-timeout": StepFailedError,
            "calls-failed": CallsFailedError, "calls-timeout": CallsFailedError}
_BY_STATUS = {400: ValidationError, 413: ValidationError, 415: ValidationError, 422: ValidationError,
              401: AuthenticationError, 402: BudgetExhaustedError, 404: NotFoundError, 409: ConflictError,
              412: VersionMismatchError, 429: RateLimitedError, 503: ServiceUnavailableError}


def error_for(status, problem, retry_after=None):
    """The exception for an answer: by its problem type where that decides, else by its status."""
    slug = str(problem.get("type") or "").removeprefix(PROBLEMS)
    cls = _BY_TYPE.get(slug) or _BY_STATUS.get(status, TextoptError)
    return cls(status, problem, retry_after)
