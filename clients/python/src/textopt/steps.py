"""A step that runs in textopt while the caller does something else: step(asynchronous=True)."""
import time

from .errors import StepFailedError
from .variable import Variable


class StepHandle:
    """A step started with `optimizer.step(asynchronous=True)` (textopt answered 202 and runs it whether
    or not this process waits). `done()` says whether it has ended, `result()` waits for it; `entry` is
    its history entry as last read (`status`, `progress` {done, total}, `params`, `failures`, ...)."""

    def __init__(self, optimizer, accepted, local_loss=None, local=False):
        self.optimizer = optimizer
        self.step = accepted["step"]
        self.location = accepted["location"]
        self.entry = accepted
        self._local_loss = local_loss
        self._local = local
        self._applied = False

    @property
    def status(self):
        """running, succeeded or failed."""
        return self.entry["status"]

    @property
    def progress(self):
        """{done, total}: how many of the step's model calls have ended (None until first polled)."""
        return self.entry.get("progress")

    def poll(self):
        """Reads the step's history entry again and returns it."""
        self.entry = self.optimizer._client.get(self.optimizer._path(f"/steps/{self.step}"))
        return self.entry

    def done(self):
        """Whether the step has ended, succeeded or failed (asks textopt while it has not)."""
        if self.status == "running":
            self.poll()
        return self.status != "running"

    def result(self, timeout=None, poll_interval=0.5, on_progress=None):
        """Waits for the step's end and returns its loss, as a synchronous step does; the optimizer's
        Parameters then hold the new values and `optimizer.last_step` is the history entry.
        `on_progress(progress)` is called whenever {done, total} moved on. Raises StepFailedError if the
        step failed (it changed nothing), TimeoutError if it still runs after `timeout` seconds (it goes
        on: call result() again)."""
        self._wait(timeout, poll_interval, on_progress)
        if self.status != "succeeded":
            raise StepFailedError.from_entry(self.location, self.entry)
        if not self._applied:
            self.optimizer._refresh()
            self.optimizer.last_step = self.entry
            self._applied = True
        return self._local_loss if self._local else loss_of(self.entry.get("loss"))

    def _wait(self, timeout, poll_interval, on_progress):
        """Polls the history entry until the step has ended. The one place that knows how the end is
        learnt: following the session's event stream would replace this loop and nothing else."""
        deadline = None if timeout is None else time.monotonic() + timeout
        seen = None
        while not self.done():
            if on_progress is not None and self.progress != seen:
                seen = self.progress
                on_progress(seen)
            remaining = None if deadline is None else deadline - time.monotonic()
            if remaining is not None and remaining <= 0:
                raise TimeoutError(f"step {self.step} of session {self.optimizer.id} is still running after {timeout} s")
            time.sleep(poll_interval if remaining is None else min(poll_interval, remaining))

    def __repr__(self):
        return f"StepHandle(step={self.step}, status={self.status!r}, progress={self.progress})"


def loss_of(loss):
    """A step's loss as afnio's closure returns it: (score, explanation) Variables, (None, None) without one."""
    if loss is None:
        return None, None
    return Variable(loss.get("score"), "score"), Variable(loss.get("explanation"), "explanation")
