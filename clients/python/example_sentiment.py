"""Optimizes a sentiment-classification prompt with textopt: evaluate → feedback → step → print.

    pip install ./clients/python     # once (add --no-build-isolation on a machine without a package index)
    TEXTOPT_URL=http://localhost:8080 python3 clients/python/example_sentiment.py [--epochs 3]

`classify` stands for your pipeline. Here it is a toy that only "understands" the labels the prompt
names, so that the example runs without a model of its own; replace it with a call to your LLM with
`prompt.data` as the system prompt. The feedback is what a critic (a person, or an LLM judge) would say
about the mistakes; textopt's model rewrites the prompt from it.
"""
import argparse

from textopt import TGD, Parameter, Variable

REVIEWS = [
    ("The battery lasts two days and the screen is gorgeous.", "positive"),
    ("It broke after a week and support never answered.", "negative"),
    ("It is a phone. It makes calls.", "neutral"),
    ("Oh great, another update that deletes my photos.", "negative"),
]
LABELS = ("positive", "negative", "neutral")


def classify(prompt, review):
    """Toy pipeline: answers the first label the prompt names whose cue words the review contains."""
    cues = {"positive": ("great", "gorgeous", "love", "lasts"), "negative": ("broke", "never", "deletes"),
            "neutral": ()}
    named = [label for label in LABELS if label in prompt.lower()]
    for label in named:
        if any(cue in review.lower() for cue in cues[label]) and not ("sarcas" in prompt.lower()
                                                                      and "oh great" in review.lower()):
            return label
    return "neutral" if "neutral" in named else "unknown"


def evaluate(prompt):
    """(accuracy, feedback texts) of the prompt over REVIEWS."""
    feedback = []
    correct = 0
    for review, label in REVIEWS:
        answer = classify(prompt, review)
        if answer == label:
            correct += 1
        else:
            feedback.append(f"For the review {review!r} the classifier answered {answer!r} but the right label "
                            f"is {label!r}. The prompt should name the labels positive, negative and neutral, "
                            f"ask for exactly one of them, and warn that sarcasm inverts the literal meaning.")
    return correct / len(REVIEWS), feedback


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--epochs", type=int, default=3)
    args = parser.parse_args()

    prompt = Parameter("Classify the sentiment.", role="system prompt for sentiment classification")
    optimizer = TGD([prompt], momentum=2, constraints=["Keep the prompt under 80 words."],
                    model="gpt-4o", temperature=1.0)
    print(f"session {optimizer.id}")
    for epoch in range(1, args.epochs + 1):
        accuracy, feedback = evaluate(prompt.data)
        print(f"epoch {epoch}: accuracy {accuracy:.2f}  prompt: {prompt.data!r}")
        if not feedback:
            print("every review is classified right; done")
            break
        optimizer.clear_grad()
        for text in feedback:
            prompt.append_grad(Variable(data=text, role="feedback on the sentiment prompt"))
        optimizer.step()
        print(f"  step {optimizer.last_step['step']}: {optimizer.last_step['params'][0]['status']}, "
              f"{optimizer.last_step['duration_ms']} ms, usage {optimizer.last_step['usage']}")
    accuracy, _ = evaluate(prompt.data)
    print(f"final accuracy {accuracy:.2f}  prompt: {prompt.data!r}")


if __name__ == "__main__":
    main()
