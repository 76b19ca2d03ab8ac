"""Tests of textopt_client against a live textopt at TEXTOPT_URL (default http://localhost:8080) whose
model client answers steps (scripts/ci-api-checks.sh runs it with scripts/fake_model.py).

    TEXTOPT_URL=http://127.0.0.1:18182 python3 -m unittest -v test_textopt_client
"""
import http.server
import json
import os
import threading
import unittest

from textopt_client import (TGD, ChatCompletion, Client, DeterministicEvaluator, ExactMatchEvaluator, LMJudgeEvaluator,
                            Parameter, TextoptError, Variable)


def setUpModule():
    try:
        Client().get("/actuator/health")
    except Exception as e:  # noqa: BLE001 - any failure means there is nothing to test against
        raise RuntimeError(f"no textopt answers at {Client().url}: {e}") from e


class SessionTest(unittest.TestCase):

    def setUp(self):
        self.prompt = Parameter("Classify the sentiment.", role="system prompt for sentiment classification")
        self.optimizer = TGD([self.prompt], momentum=2, constraints=["Answer in one word."], model="gpt-4o")

    def tearDown(self):
        try:
            self.optimizer.delete()
        except TextoptError:
            pass

    def test_creates_a_session_with_the_given_defaults(self):
        self.assertTrue(self.prompt.id)
        self.assertEqual(self.optimizer.defaults["momentum"], 2)
        self.assertEqual(self.optimizer.defaults["constraints"], ["Answer in one word."])
        self.assertEqual(self.optimizer.defaults["completion_args"], {"model": "gpt-4o"})
        self.assertIs(self.optimizer.param_groups[0]["params"][0], self.prompt)

    def test_step_rewrites_a_parameter_with_feedback_and_keeps_its_grad(self):
        self.prompt.append_grad("Ask for exactly one word.", role="feedback on the prompt")
        self.assertEqual([g["data"] for g in self.prompt.grad], ["Ask for exactly one word."])
        loss = self.optimizer.step()
        self.assertIsNone(loss)
        self.assertNotEqual(self.prompt.data, "Classify the sentiment.")
        self.assertTrue(self.prompt.data)
        self.assertEqual(self.optimizer.last_step["params"][0]["status"], "updated")
        self.assertEqual(len(self.prompt.grad), 1, "a step never clears grad")

    def test_step_runs_a_local_closure_first_and_returns_its_loss(self):
        self.prompt.append_grad("Be shorter.")
        self.assertEqual(self.optimizer.step(lambda: 0.25), 0.25)

    def test_grads_appended_before_creation_are_sent(self):
        other = Parameter("Summarize.", role="summary prompt")
        other.append_grad("Use at most ten words.")
        optimizer = TGD([other])
        try:
            self.assertEqual([g["data"] for g in other.grad], ["Use at most ten words."])
        finally:
            optimizer.delete()

    def test_clear_grad_empties_every_grad(self):
        self.prompt.append_grad("x")
        self.optimizer.clear_grad()
        self.assertEqual(self.prompt.grad, [])

    def test_add_param_group_binds_new_parameters_and_fills_options_from_defaults(self):
        extra = Parameter("Be polite.", role="style instruction")
        self.optimizer.add_param_group({"params": [extra], "momentum": 0})
        self.assertTrue(extra.id)
        groups = self.optimizer.param_groups
        self.assertEqual(len(groups), 2)
        self.assertIs(groups[1]["params"][0], extra)
        self.assertEqual(groups[1]["momentum"], 0)
        self.assertEqual(groups[1]["constraints"], ["Answer in one word."])

    def test_state_dict_loads_into_a_session_of_the_same_shape(self):
        self.prompt.append_grad("Ask for exactly one word.")
        self.optimizer.step()
        state = self.optimizer.state_dict()
        self.assertEqual(len(state["state"]["0"]["momentum_buffer"]), 1)
        copy = TGD([Parameter("Classify the sentiment.", role="system prompt for sentiment classification")])
        try:
            copy.load_state_dict(state)
            self.assertEqual(copy.defaults["momentum"], 0)
            self.assertEqual(copy.param_groups[0]["momentum"], 2)
            self.assertEqual(copy.state_dict()["state"], state["state"])
        finally:
            copy.delete()

    def test_history_and_restore(self):
        self.prompt.append_grad("Ask for exactly one word.")
        self.optimizer.step()
        history = self.optimizer.history()
        self.assertEqual(history["items"][0]["kind"], "step")
        self.optimizer.restore(0)
        self.assertEqual(self.prompt.data, "Classify the sentiment.")

    def test_patch_edits_a_parameter_by_hand(self):
        self.prompt.patch(data="Classify the sentiment of the review.")
        self.assertEqual(self.prompt.data, "Classify the sentiment of the review.")

    def test_constraints_may_be_variables(self):
        rule = Variable("Answer in one word.", role="output constraint")
        optimizer = TGD([Parameter("Summarize.", role="summary prompt")], constraints=[rule, "Stay in English."])
        try:
            self.assertEqual(optimizer.defaults["constraints"],
                             [{"data": "Answer in one word.", "role": "output constraint", "requires_grad": False},
                              "Stay in English."])
        finally:
            optimizer.delete()

    def test_a_parameter_already_in_a_group_is_sent_by_reference_and_refused(self):
        with self.assertRaises(TextoptError) as raised:
            self.optimizer.add_param_group({"params": [self.prompt]})
        self.assertEqual(raised.exception.status, 400)
        self.assertIn(self.prompt.id, json.dumps(raised.exception.errors))
        self.assertEqual(len(self.optimizer.param_groups), 1)

    def test_setting_a_group_option_changes_it_on_the_service(self):
        self.optimizer.param_groups[0]["momentum"] = 1
        self.assertEqual(self.optimizer.param_groups[0]["momentum"], 1)
        self.assertEqual(TGD.attach(self.optimizer.id).param_groups[0]["momentum"], 1)
        self.assertEqual(self.optimizer.history()["items"][0]["kind"], "edit_group")
        self.optimizer.param_groups[0].update(constraints=[Variable("Be brief.", role="constraint")])
        self.assertEqual(self.optimizer.param_groups[0]["constraints"][0]["data"], "Be brief.")
        with self.assertRaises(TextoptError) as raised:
            self.optimizer.param_groups[0]["momentum"] = -1
        self.assertEqual(raised.exception.status, 400)

    def test_clear_usage_sets_the_usage_back_to_zero(self):
        self.prompt.append_grad("Ask for exactly one word.")
        self.optimizer.step()
        self.assertGreater(self.optimizer.usage["openai"]["total_tokens"], 0)
        self.optimizer.clear_usage()
        self.assertEqual(self.optimizer.usage["openai"]["total_tokens"], 0)

    def test_a_state_dict_loaded_if_the_session_is_unchanged(self):
        state = self.optimizer.state_dict()
        version = self.optimizer.version
        self.prompt.append_grad("Changes the session's version.")
        with self.assertRaises(TextoptError) as raised:
            self.optimizer.load_state_dict(state, if_version=version)
        self.assertEqual(raised.exception.status, 412)
        self.optimizer.load_state_dict(state, if_version=TGD.attach(self.optimizer.id).version)

    def test_attach_reads_an_existing_session(self):
        attached = TGD.attach(self.optimizer.id)
        self.assertEqual(attached.param_groups[0]["params"][0].id, self.prompt.id)


class TrainingTest(unittest.TestCase):
    """Forward, evaluate and backward, with scripts/fake_model.py as every model: the forward model answers
    in upper case when its system prompt says so, the judge compares <OUTPUT> with <TARGET>, and the backward
    model asks for upper case when the evaluation quotes the output in upper case."""

    INPUTS = [{"text": "hello world"}, {"text": "good morning"}]
    TARGETS = ["HELLO WORLD", "GOOD MORNING"]

    def setUp(self):
        self.prompt = Parameter("Repeat the text.", role="system prompt")
        self.optimizer = TGD([self.prompt], model="gpt-4o-mini")
        self.chat = ChatCompletion(self.optimizer)
        self.messages = [{"role": "system", "content": [self.prompt]}, {"role": "user", "content": ["{text}"]}]

    def tearDown(self):
        self.optimizer.delete()

    def test_forward_exact_match_backward_and_step_teach_the_prompt_its_rule(self):
        outputs = self.chat(self.messages, self.INPUTS)
        self.assertEqual(list(outputs), ["hello world", "good morning"])
        loss = ExactMatchEvaluator()(outputs, self.TARGETS)
        self.assertEqual(loss.score, 0)
        self.assertIn('expected "HELLO WORLD", got "hello world"', loss.explanation)

        gradients = loss.backward()

        self.assertEqual([g["trace_id"] for g in gradients], outputs.traces)
        self.assertEqual([g["data"] for g in self.prompt.grad], ["Answer in upper case."] * 2)
        self.optimizer.step()
        self.assertIn("answer in upper case.", self.prompt.data.lower())
        self.assertEqual(ExactMatchEvaluator()(self.chat(self.messages, self.INPUTS), self.TARGETS).score, 1)

    def test_a_judge_scores_and_its_evaluation_is_kept_on_the_trace(self):
        outputs = self.chat(self.messages, self.INPUTS[:1])
        loss = LMJudgeEvaluator("The output is the input in capital letters.")(outputs, self.TARGETS[:1])
        self.assertEqual(loss.score, 0)
        self.assertEqual(outputs.trace(0)["evaluation"]["evaluator"], "llm_judge")
        self.assertEqual(outputs.trace(0)["messages"][0]["content"], "Repeat the text.")

    def test_scores_given_here_go_with_the_traces_to_backward(self):
        outputs = self.chat(self.messages, self.INPUTS)
        loss = DeterministicEvaluator(lambda output, target: (float(output == target), f"expected {target}"))(outputs, self.TARGETS)
        self.assertEqual(loss.score, 0)
        loss.backward()
        self.assertEqual([g["data"] for g in self.prompt.grad], ["Answer in upper case."] * 2)

    def test_backward_on_outputs_of_an_older_prompt_is_refused_as_stale(self):
        loss = ExactMatchEvaluator()(self.chat(self.messages, self.INPUTS[:1]), self.TARGETS[:1])
        self.prompt.patch(data="Repeat the text in upper case.")
        with self.assertRaises(TextoptError) as raised:
            loss.backward()
        self.assertEqual(raised.exception.status, 409)
        self.assertEqual(raised.exception.type, "https://textopt.dev/problems/stale_trace")
        self.assertEqual(raised.exception.problem["param_id"], self.prompt.id)

    def test_a_parameter_of_no_optimizer_cannot_be_sent(self):
        with self.assertRaises(ValueError):
            self.chat([{"role": "system", "content": [Parameter("Unbound.", role="prompt")]}], self.INPUTS)


class RunTest(unittest.TestCase):
    """fit(): the training run, with scripts/fake_model.py as every model (see TrainingTest)."""

    def setUp(self):
        self.prompt = Parameter("Repeat the text.", role="system prompt")
        self.optimizer = TGD([self.prompt], model="gpt-4o-mini")
        self.messages = [{"role": "system", "content": [self.prompt]}, {"role": "user", "content": ["{text}"]}]

    def tearDown(self):
        self.optimizer.delete()

    def test_fit_teaches_the_prompt_its_rule_and_reports_progress_on_the_way(self):
        seen = []
        run = self.optimizer.fit([({"text": "hello world"}, "HELLO WORLD"), {"inputs": {"text": "good morning"}, "target": "GOOD MORNING"}],
                                 validation=[({"text": "see you"}, "SEE YOU")], forward=self.messages,
                                 evaluator=ExactMatchEvaluator(), epochs=2, batch_size=1, shuffle_seed=7, keep_best=True,
                                 on_progress=lambda r: seen.append((r["status"], len(r["steps"]))), poll_interval=0.2, timeout=120)
        self.assertEqual(run["status"], "succeeded")
        self.assertEqual([(s["epoch"], s["batch"]) for s in run["steps"]], [(0, 0), (0, 1), (1, 0), (1, 1)])
        self.assertEqual([v["score"] for v in run["validation"]][0], 0)
        self.assertEqual(run["best"]["score"], 1)
        self.assertIn("answer in upper case.", self.prompt.data.lower(), "the Parameters hold what the run left")
        self.assertEqual(seen[-1], ("succeeded", 4))
        self.assertEqual(self.optimizer.runs()["items"][0]["id"], run["id"])

    def test_a_run_can_be_followed_and_cancelled(self):
        run = self.optimizer.fit([({"text": "hello world"}, "HELLO WORLD")] * 4, forward=(ChatCompletion(self.optimizer), self.messages),
                                 evaluator=LMJudgeEvaluator("The output is the input in capital letters."), epochs=3,
                                 batch_size=1, wait=False)
        self.assertIn(run["status"], ("queued", "running"))
        run.cancel()
        self.assertEqual(run.wait(poll_interval=0.2, timeout=120)["status"], "cancelled")

    def test_a_bad_run_raises_a_400_naming_the_field(self):
        with self.assertRaises(TextoptError) as raised:
            self.optimizer.fit([], forward=self.messages, evaluator=ExactMatchEvaluator())
        self.assertEqual(raised.exception.status, 400)
        self.assertEqual([e["field"] for e in raised.exception.errors], ["train"])


class ErrorTest(unittest.TestCase):

    def test_unknown_session_raises_the_problem(self):
        with self.assertRaises(TextoptError) as raised:
            TGD.attach("00000000-0000-4000-8000-000000000000")
        self.assertEqual(raised.exception.status, 404)
        self.assertEqual(raised.exception.type, "https://textopt.dev/problems/not-found")
        self.assertTrue(raised.exception.detail)

    def test_bad_option_raises_a_400_naming_the_field(self):
        with self.assertRaises(TextoptError) as raised:
            TGD([Parameter("x", role="y")], momentum=-1)
        self.assertEqual(raised.exception.status, 400)
        self.assertEqual(raised.exception.problem["status"], 400)
        self.assertTrue(any("momentum" in e["field"] for e in raised.exception.errors), raised.exception.problem)


class AuthorizationTest(unittest.TestCase):
    """The Bearer header, checked against a local recorder rather than the service (which may run keyless)."""

    def test_sends_the_api_key_as_a_bearer_token(self):
        seen = {}

        class Recorder(http.server.BaseHTTPRequestHandler):
            def log_message(self, *args):
                pass

            def do_GET(self):
                seen["authorization"] = self.headers.get("Authorization")
                body = json.dumps({"status": "UP"}).encode()
                self.send_response(200)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

        server = http.server.HTTPServer(("127.0.0.1", 0), Recorder)
        thread = threading.Thread(target=server.serve_forever, daemon=True)
        thread.start()
        try:
            url = f"http://127.0.0.1:{server.server_address[1]}"
            Client(url, api_key="k-123").get("/actuator/health")
            self.assertEqual(seen["authorization"], "Bearer k-123")
            old = os.environ.get("TEXTOPT_API_KEY")
            os.environ["TEXTOPT_API_KEY"] = "k-env"
            try:
                Client(url).get("/actuator/health")
            finally:
                if old is None:
                    del os.environ["TEXTOPT_API_KEY"]
                else:
                    os.environ["TEXTOPT_API_KEY"] = old
            self.assertEqual(seen["authorization"], "Bearer k-env")
        finally:
            server.shutdown()
            server.server_close()


if __name__ == "__main__":
    unittest.main()
