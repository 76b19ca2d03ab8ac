"""step(asynchronous=True) against a live textopt whose model is scripts/fake_model.py: a prompt that says
SLEEP=<s> holds the model call until the fake is told to be fast, so the tests decide when a step ends."""
import unittest

from live import fake_model, require_textopt
from textopt import TGD, ConflictError, Parameter, StepFailedError, StepHandle, TextoptError


def setUpModule():
    require_textopt()


class AsynchronousStepTest(unittest.TestCase):

    def setUp(self):
        self.prompt = Parameter("Classify the sentiment.", role="system prompt")
        self.optimizer = TGD([self.prompt])

    def tearDown(self):
        fake_model(fast=False)
        self.optimizer.delete()

    def test_a_step_runs_in_textopt_while_the_handle_reports_its_progress(self):
        self.prompt.append_grad("Ask for one word. SLEEP=50")
        running = self.optimizer.step(asynchronous=True)

        self.assertIsInstance(running, StepHandle)
        self.assertEqual(running.location, f"/v1/optimizers/{self.optimizer.id}/steps/{running.step}")
        self.assertFalse(running.done())
        self.assertEqual(running.progress, {"done": 0, "total": 1})
        self.assertEqual(self.prompt.data, "Classify the sentiment.", "nothing is applied while it runs")
        with self.assertRaises(ConflictError) as raised:
            self.optimizer.step()
        self.assertEqual(raised.exception.type, "https://textopt.dev/problems/step-running")

        seen = []

        def on_progress(progress):
            seen.append(progress)
            fake_model(fast=True)

        self.assertEqual(running.result(timeout=60, poll_interval=0.05, on_progress=on_progress), (None, None))

        self.assertTrue(running.done())
        self.assertEqual(seen[0], {"done": 0, "total": 1})
        self.assertEqual(self.optimizer.last_step["status"], "succeeded")
        self.assertEqual(self.prompt.data, self.optimizer.last_step["params"][0]["data"])
        self.assertIn("CLASSIFY THE SENTIMENT.", self.prompt.data)

    def test_result_gives_up_waiting_after_its_timeout_and_the_step_goes_on(self):
        self.prompt.append_grad("Ask for one word. SLEEP=50")
        running = self.optimizer.step(asynchronous=True)
        with self.assertRaises(TimeoutError):
            running.result(timeout=0.3, poll_interval=0.05)
        self.assertEqual(running.status, "running")
        fake_model(fast=True)
        running.result(timeout=60, poll_interval=0.05)
        self.assertEqual(running.status, "succeeded")

    def test_a_local_closure_runs_first_and_its_loss_is_the_result(self):
        self.prompt.append_grad("Ask for one word.")
        running = self.optimizer.step(lambda: ("0.5", "half right"), asynchronous=True)
        self.assertEqual(running.result(timeout=60, poll_interval=0.05), ("0.5", "half right"))

    def test_a_failed_step_raises_what_the_synchronous_step_would_with_its_history_entry(self):
        self.prompt.append_grad("Be shorter.")
        fake_model(fail_next=1, fail_status=400)
        running = self.optimizer.step(asynchronous=True)
        with self.assertRaises(StepFailedError) as raised:
            running.result(timeout=60, poll_interval=0.05)
        error = raised.exception
        self.assertIsInstance(error, TextoptError)
        self.assertEqual((error.status, error.type), (502, "https://textopt.dev/problems/step-failed"))
        self.assertEqual(error.problem["step"], running.step)
        self.assertEqual(error.failures[0]["param_id"], self.prompt.id)
        self.assertEqual(error.entry["failures"][0]["reason"], "provider_error")
        self.assertEqual(self.prompt.data, "Classify the sentiment.")

    def test_a_synchronous_failed_step_raises_a_step_failed_error_too(self):
        self.prompt.append_grad("Be shorter.")
        fake_model(fail_next=1, fail_status=400)
        with self.assertRaises(StepFailedError) as raised:
            self.optimizer.step()
        self.assertEqual(raised.exception.failures[0]["param_id"], self.prompt.id)


if __name__ == "__main__":
    unittest.main()
