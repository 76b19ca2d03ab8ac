"""A Python client for textopt in the words of afnio (`afnio.optim.TGD`). Standard library only.

    import textopt as hf

    prompt = hf.Parameter(data="Classify the sentiment.", role="system prompt for sentiment classification")
    optimizer = hf.TGD([prompt], momentum=2, constraints=[hf.Variable(data="Answer in one word.", role="constraint")],
                       model="gpt-4o")
    prompt.append_grad(hf.Variable(data="Ask for exactly one word.", role="feedback"))
    optimizer.step()                                # prompt.data is now the improved prompt
    optimizer.clear_grad()

    running = optimizer.step(asynchronous=True)     # 202: the step runs in textopt
    running.done(); running.result(timeout=60)

textopt is found at TEXTOPT_URL (default http://localhost:8080); TEXTOPT_API_KEY, when set, is sent as a
Bearer token. See clients/python/README.md for forward/evaluate/backward, training runs, retries and errors.
"""
from ._http import Client
from .errors import (AuthenticationError, BudgetExhaustedError, CallsFailedError, ConflictError, NotFoundError,
                     RateLimitedError, ServiceUnavailableError, StepFailedError, TextoptConnectionError,
                     TextoptError, ValidationError, VersionMismatchError)
from .optim import TGD
from .param_groups import ParamGroup
from .steps import StepHandle
from .training import (ChatCompletion, DeterministicEvaluator, ExactMatchEvaluator, HttpEvaluator, LMJudgeEvaluator,
                       Loss, Outputs, Run)
from .variable import Parameter, Variable

__version__ = "0.1.0"

__all__ = ["TGD", "ParamGroup", "Parameter", "Variable", "StepHandle", "Client", "ChatCompletion", "Outputs",
           "ExactMatchEvaluator", "LMJudgeEvaluator", "HttpEvaluator", "DeterministicEvaluator", "Loss", "Run",
           "TextoptError", "ValidationError", "AuthenticationError", "BudgetExhaustedError", "NotFoundError",
           "ConflictError", "VersionMismatchError", "RateLimitedError", "ServiceUnavailableError", "StepFailedError",
           "CallsFailedError", "TextoptConnectionError"]
