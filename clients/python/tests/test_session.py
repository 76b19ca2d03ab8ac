"""The optimizer's session against a live textopt at TEXTOPT_URL whose model client is scripts/fake_model.py
(scripts/ci-api-checks.sh runs them so, against the installed package):

    TEXTOPT_URL=http://127.0.0.1:18182 python3 -m unittest discover -s clients/python/tests -v
"""
import json
import unittest

import textopt as hf
from live import require_textopt
from textopt import (TGD, NotFoundError, Parameter, TextoptError, ValidationError, Variable,
                     VersionMismatchError)


def setUpModule():
    require_textopt()


class SessionTest(unittest.TestCase):

    def setUp(self):
        self.prompt = Parameter("Classify the sentiment.", role="system prompt for sentiment classification")
        self.optimizer = TGD([self.prompt], momentum=2, constraints=["Answer in one word."], model="gpt-4o")

    def tearDown(self):
        try:
            self.optimizer.delete()
        except NotFoundError:
            pass

    def test_creates_a_session_with_the_given_defaults(self):
        self.assertTrue(self.prompt.id)
        self.assertEqual(self.optimizer.defaults["momentum"], 2)
        self.assertEqual(self.optimizer.defaults["constraints"], ["Answer in one word."])
        self.assertEqual(self.optimizer.defaults["completion_args"], {"model": "gpt-4o"})
        self.assertIs(self.optimizer.param_groups[0]["params"][0], self.prompt)

    def test_step_rewrites_a_parameter_with_feedback_and_keeps_its_grad(self):
        self.prompt.append_grad("Ask for exactly one word.", role="feedback on the prompt")
        self.assertEqual([(g.data, g.role) for g in self.prompt.grad], [("Ask for exactly one word.", "feedback on the prompt")])
        self.assertEqual(self.optimizer.step(), (None, None), "afnio's step returns (None, None) without a closure")
        self.assertNotEqual(self.prompt.data, "Classify the sentiment.")
        self.assertTrue(self.prompt.data)
        self.assertEqual(self.optimizer.last_step["params"][0]["status"], "updated")
        self.assertEqual(len(self.prompt.grad), 1, "a step never clears grad")

    def test_afnio_code_runs_as_written(self):
        prompt = hf.Parameter(data="Summarize the review.", role="summary prompt", requires_grad=True)
        optimizer = hf.TGD([prompt], model_client="openai", momentum=1, model="gpt-4o-mini")
        try:
            prompt.append_grad(hf.Variable(data="Use at most ten words.", role="feedback on the summary prompt"))
            self.assertIsInstance(prompt.grad[0], hf.Variable)
            self.assertEqual((prompt.grad[0].data, prompt.grad[0].role), ("Use at most ten words.", "feedback on the summary prompt"))

            def closure():
                return hf.Variable(data=0.5, role="score"), hf.Variable(data="one of two too long", role="explanation")

            score, explanation = optimizer.step(closure)

            self.assertEqual((score.data, explanation.data), (0.5, "one of two too long"))
            self.assertNotEqual(prompt.data, "Summarize the review.")
            optimizer.clear_grad()
            self.assertEqual(prompt.grad, [])
            self.assertEqual(optimizer.state_dict()["param_groups"][0]["momentum"], 1)
        finally:
            optimizer.delete()

    def test_grads_appended_before_creation_are_sent(self):
        other = Parameter("Summarize.", role="summary prompt")
        other.append_grad(Variable("Use at most ten words.", role="feedback"), context="a 40-word summary")
        optimizer = TGD([other])
        try:
            self.assertEqual([(g.data, g.context) for g in TGD.attach(optimizer.id).param_groups[0]["params"][0].grad],
                             [("Use at most ten words.", "a 40-word summary")])
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
        with self.assertRaises(ValidationError) as raised:
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
        with self.assertRaises(ValidationError):
            self.optimizer.param_groups[0]["momentum"] = -1

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
        with self.assertRaises(VersionMismatchError) as raised:
            self.optimizer.load_state_dict(state, if_version=version)
        self.assertEqual(raised.exception.status, 412)
        self.assertEqual(raised.exception.type, "https://textopt.dev/problems/precondition-failed")
        self.assertIsInstance(raised.exception, TextoptError)
        self.optimizer.load_state_dict(state, if_version=TGD.attach(self.optimizer.id).version)

    def test_attach_reads_an_existing_session(self):
        attached = TGD.attach(self.optimizer.id)
        self.assertEqual(attached.param_groups[0]["params"][0].id, self.prompt.id)


if __name__ == "__main__":
    unittest.main()
