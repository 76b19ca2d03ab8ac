"""Idempotency keys and retries, through a proxy in front of the live textopt that loses answers, resets
connections and answers 429/503 itself (see live.Proxy); and the typed errors of real answers."""
import email.utils
import os
import socket
import time
import unittest
import uuid

from live import PROBLEMS, Proxy, refuse, require_textopt
from textopt import (TGD, AuthenticationError, Client, NotFoundError, Parameter, RateLimitedError, ServiceUnavailableError,
                     TextoptConnectionError, TextoptError, ValidationError)


def setUpModule():
    require_textopt()


class Proxied(unittest.TestCase):

    def setUp(self):
        self.prompt = Parameter("Classify the sentiment.", role="system prompt")
        self.optimizer = TGD([self.prompt])
        self.proxies = []

    def tearDown(self):
        for proxy in self.proxies:
            proxy.close()
        self.optimizer.delete()

    def through(self, plan, **retry):
        """The session's optimizer, seen through a proxy that follows `plan`, and the proxy."""
        proxy = Proxy(Client().url, plan)
        self.proxies.append(proxy)
        return TGD.attach(self.optimizer.id, client=Client(proxy.url, **dict({"backoff": 0.02}, **retry))), proxy


class IdempotencyKeyTest(Proxied):

    def test_a_post_whose_answer_was_lost_is_retried_with_the_same_key_and_applied_once(self):
        optimizer, proxy = self.through(lambda i: "lose-answer" if i == 1 else "forward")
        prompt = optimizer.param_groups[0]["params"][0]
        prompt.append_grad("Only once.")

        posts = [s for s in proxy.seen if s["method"] == "POST"]
        self.assertEqual(len(posts), 2)
        self.assertTrue(posts[0]["headers"]["idempotency-key"])
        self.assertEqual(posts[1]["headers"]["idempotency-key"], posts[0]["headers"]["idempotency-key"])
        self.assertEqual([g.data for g in prompt.grad], ["Only once."])
        self.assertEqual([g.data for g in TGD.attach(self.optimizer.id).param_groups[0]["params"][0].grad], ["Only once."])

    def test_a_step_whose_answer_was_lost_is_replayed_not_repeated(self):
        self.prompt.append_grad("Ask for one word.")
        optimizer, proxy = self.through(lambda i: "lose-answer" if i == 1 else "forward")
        optimizer.step()

        self.assertEqual([s["method"] for s in proxy.seen[:3]], ["GET", "POST", "POST"])
        steps = [e for e in self.optimizer.history()["items"] if e["kind"] == "step"]
        self.assertEqual(len(steps), 1, "one step applied for two attempts")
        self.assertEqual(optimizer.last_step["step"], steps[0]["step"])

    def test_every_post_gets_a_key_of_its_own_other_methods_none_and_every_call_the_bearer_key(self):
        optimizer, proxy = self.through(lambda i: "forward")
        optimizer.param_groups[0]["params"][0].append_grad("a")
        optimizer.clear_grad()

        keys = [s["headers"].get("idempotency-key") for s in proxy.seen]
        methods = [s["method"] for s in proxy.seen]
        self.assertEqual(methods, ["GET", "POST", "POST"])
        self.assertIsNone(keys[0])
        self.assertTrue(keys[1] and keys[2] and keys[1] != keys[2], keys)
        if os.environ.get("TEXTOPT_API_KEY"):
            self.assertTrue(all(s["headers"]["authorization"] == "Bearer " + os.environ["TEXTOPT_API_KEY"]
                                for s in proxy.seen))

    def test_a_key_of_the_callers_own_makes_a_repeated_step_answered_from_the_first(self):
        self.prompt.append_grad("Ask for one word.")
        key = str(uuid.uuid4())
        self.optimizer.step(idempotency_key=key)
        first = self.optimizer.last_step
        self.optimizer.step(idempotency_key=key)
        self.assertEqual(self.optimizer.last_step, first)
        self.assertEqual(len([e for e in self.optimizer.history()["items"] if e["kind"] == "step"]), 1)


class RetryTest(Proxied):

    def test_a_delete_whose_answer_was_lost_succeeds_though_its_retry_finds_nothing(self):
        doomed = TGD([Parameter("Deleted once.", role="system prompt")])
        proxy = Proxy(Client().url, lambda i: "lose-answer" if i == 1 else "forward")
        self.proxies.append(proxy)
        TGD.attach(doomed.id, client=Client(proxy.url, backoff=0.02)).delete()
        self.assertEqual([s["method"] for s in proxy.seen], ["GET", "DELETE", "DELETE"])
        with self.assertRaises(NotFoundError):
            TGD.attach(doomed.id)

    def test_a_delete_of_what_is_not_there_still_raises_not_found(self):
        doomed = TGD([Parameter("Deleted twice.", role="system prompt")])
        doomed.delete()
        with self.assertRaises(NotFoundError):
            doomed.delete()

    def test_a_reset_connection_is_retried(self):
        optimizer, proxy = self.through(lambda i: "reset" if i in (1, 2) else "forward")
        optimizer.param_groups[0]["params"][0].append_grad("after two resets")
        self.assertEqual(len(proxy.seen), 4)
        self.assertEqual(len({s["headers"]["idempotency-key"] for s in proxy.seen[1:]}), 1)

    def test_a_503_is_retried_after_the_seconds_its_retry_after_asks(self):
        optimizer, proxy = self.through(lambda i: refuse(503, "database-unavailable", {"Retry-After": "1"}) if i == 1 else "forward")
        optimizer.clear_grad()
        self.assertEqual(len(proxy.seen), 3)
        self.assertGreaterEqual(proxy.seen[2]["at"] - proxy.seen[1]["at"], 0.9, "retried before Retry-After")

    def test_a_429_is_retried_at_the_http_date_its_retry_after_names(self):
        at = email.utils.formatdate(time.time() + 2, usegmt=True)
        optimizer, proxy = self.through(lambda i: refuse(429, "too-many-steps", {"Retry-After": at}) if i == 1 else "forward")
        self.prompt.append_grad("Ask for one word.")
        optimizer.step()
        self.assertEqual(len(proxy.seen), 4)  # GET (attach), POST 429, POST, GET (refresh)
        self.assertGreaterEqual(proxy.seen[2]["at"] - proxy.seen[1]["at"], 0.9)
        self.assertEqual(optimizer.last_step["params"][0]["status"], "updated")

    def test_retries_are_bounded_and_the_last_answer_is_raised(self):
        optimizer, proxy = self.through(lambda i: "forward" if i == 0 else refuse(429, "too-many-steps", {"Retry-After": "0"}),
                                        max_retries=2)
        with self.assertRaises(RateLimitedError) as raised:
            optimizer.step()
        self.assertEqual(len(proxy.seen), 1 + 3)
        self.assertEqual(raised.exception.retry_after, 0)
        self.assertEqual(raised.exception.detail, "the proxy said too-many-steps")

    def test_a_missing_model_client_key_is_not_retried(self):
        optimizer, proxy = self.through(lambda i: "forward" if i == 0 else refuse(503, "model-client-unavailable"))
        with self.assertRaises(ServiceUnavailableError):
            optimizer.step()
        self.assertEqual(len(proxy.seen), 2)

    def test_a_textopt_that_cannot_be_reached_raises_a_connection_error_after_the_retries(self):
        with socket.socket() as unused:
            unused.bind(("127.0.0.1", 0))
            url = f"http://127.0.0.1:{unused.getsockname()[1]}"
        with self.assertRaises(TextoptConnectionError) as raised:
            Client(url, max_retries=2, backoff=0.01).get("/actuator/health")
        self.assertEqual(raised.exception.attempts, 3)
        self.assertIsInstance(raised.exception, ConnectionError)

    def test_an_error_page_that_is_not_a_problem_is_kept_as_the_detail(self):
        optimizer, _ = self.through(lambda i: "forward" if i == 0 else (502, {}, "<html>Bad Gateway</html>"))
        with self.assertRaises(TextoptError) as raised:
            optimizer.clear_grad()
        self.assertEqual((raised.exception.status, raised.exception.type), (502, PROBLEMS + "internal-error"))
        self.assertIn("Bad Gateway", raised.exception.detail)


class TypedErrorTest(unittest.TestCase):
    """Answers of textopt, each raised as its class with the problem detail."""

    def test_the_api_key_is_sent_as_a_bearer_token_and_a_401_is_an_authentication_error(self):
        proxy = Proxy(Client().url, lambda i: refuse(401, "unauthorized"))
        try:
            with self.assertRaises(AuthenticationError):
                Client(proxy.url, api_key="k-123").get("/v1/optimizers")
        finally:
            proxy.close()
        self.assertEqual(proxy.seen[0]["headers"]["authorization"], "Bearer k-123")

    def test_an_unknown_session_raises_not_found(self):
        with self.assertRaises(NotFoundError) as raised:
            TGD.attach("00000000-0000-4000-8000-000000000000")
        error = raised.exception
        self.assertEqual((error.status, error.type), (404, PROBLEMS + "not-found"))
        self.assertTrue(error.title and error.detail)
        self.assertEqual(error.problem["status"], 404)

    def test_a_bad_option_raises_a_validation_error_naming_the_field(self):
        with self.assertRaises(ValidationError) as raised:
            TGD([Parameter("x", role="y")], momentum=-1)
        self.assertEqual(raised.exception.status, 400)
        self.assertTrue(any("momentum" in e["field"] for e in raised.exception.errors), raised.exception.problem)


if __name__ == "__main__":
    unittest.main()
