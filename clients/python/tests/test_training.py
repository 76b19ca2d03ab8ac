"""Forward, evaluate, backward and training runs against a live textopt, with scripts/fake_model.py as
every model: the forward model answers in upper case when its system prompt says so, the judge compares
<OUTPUT> with <TARGET>, and the backward model asks for upper case when the evaluation quotes the output in
upper case."""
import unittest

from live import require_textopt
from textopt import (TGD, ChatCompletion, ConflictError, DeterministicEvaluator, ExactMatchEvaluator,
                     LMJudgeEvaluator, Parameter, ValidationError, Variable)

INPUTS = [{"text": "hello world"}, {"text": "good morning"}]
TARGETS = ["HELLO WORLD", "GOOD MORNING"]


def setUpModule():
    require_textopt()


class Trained(unittest.TestCase):

    def setUp(self):
        self.prompt = Parameter("Repeat the text.", role="system prompt")
        self.optimizer = TGD([self.prompt], model="gpt-4o-mini")
        self.chat = ChatCompletion(self.optimizer)
        self.messages = [{"role": "system", "content": [self.prompt]}, {"role": "user", "content": ["{text}"]}]

    def tearDown(self):
        self.optimizer.delete()


class TrainingTest(Trained):

    def test_forward_exact_match_backward_and_step_teach_the_prompt_its_rule(self):
        outputs = self.chat(self.messages, INPUTS)
        self.assertEqual(list(outputs), ["hello world", "good morning"])
        loss = ExactMatchEvaluator()(outputs, TARGETS)
        self.assertEqual(loss.score, 0)
        self.assertIn('expected "HELLO WORLD", got "hello world"', loss.explanation)

        gradients = loss.backward()

        self.assertEqual([g["trace_id"] for g in gradients], outputs.traces)
        self.assertEqual([g.data for g in self.prompt.grad], ["Answer in upper case."] * 2)
        self.optimizer.step()
        self.assertIn("answer in upper case.", self.prompt.data.lower())
        self.assertEqual(ExactMatchEvaluator()(self.chat(self.messages, INPUTS), TARGETS).score, 1)

    def test_an_afnio_closure_computes_the_grads_and_its_loss_is_what_step_returns(self):
        def closure():
            self.optimizer.clear_grad()
            loss = ExactMatchEvaluator()(self.chat(self.messages, INPUTS), TARGETS)
            loss.backward()
            return loss.variables

        score, explanation = self.optimizer.step(closure)

        self.assertIsInstance(score, Variable)
        self.assertEqual((score.data, score.role), (0, "score"))
        self.assertIn('expected "HELLO WORLD"', explanation.data)
        self.assertIn("answer in upper case.", self.prompt.data.lower())

    def test_a_judge_scores_and_its_evaluation_is_kept_on_the_trace(self):
        outputs = self.chat(self.messages, INPUTS[:1])
        loss = LMJudgeEvaluator("The output is the input in capital letters.")(outputs, TARGETS[:1])
        self.assertEqual(loss.score, 0)
        self.assertEqual(outputs.trace(0)["evaluation"]["evaluator"], "llm_judge")
        self.assertEqual(outputs.trace(0)["messages"][0]["content"], "Repeat the text.")

    def test_scores_given_here_go_with_the_traces_to_backward(self):
        outputs = self.chat(self.messages, INPUTS)
        loss = DeterministicEvaluator(lambda output, target: (float(output == target), f"expected {target}"))(outputs, TARGETS)
        self.assertEqual(loss.score, 0)
        loss.backward()
        self.assertEqual([g.data for g in self.prompt.grad], ["Answer in upper case."] * 2)

    def test_backward_on_outputs_of_an_older_prompt_is_refused_as_stale(self):
        loss = ExactMatchEvaluator()(self.chat(self.messages, INPUTS[:1]), TARGETS[:1])
        self.prompt.patch(data="Repeat the text in upper case.")
        with self.assertRaises(ConflictError) as raised:
            loss.backward()
        self.assertEqual(raised.exception.status, 409)
        self.assertEqual(raised.exception.type, "https://textopt.dev/problems/stale_trace")
        self.assertEqual(raised.exception.problem["param_id"], self.prompt.id)

    def test_a_parameter_of_no_optimizer_cannot_be_sent(self):
        with self.assertRaises(ValueError):
            self.chat([{"role": "system", "content": [Parameter("Unbound.", role="prompt")]}], INPUTS)


class RunTest(Trained):
    """fit(): the training run."""

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
        with self.assertRaises(ValidationError) as raised:
            self.optimizer.fit([], forward=self.messages, evaluator=ExactMatchEvaluator())
        self.assertEqual(raised.exception.status, 400)
        self.assertEqual([e["field"] for e in raised.exception.errors], ["train"])


if __name__ == "__main__":
    unittest.main()
