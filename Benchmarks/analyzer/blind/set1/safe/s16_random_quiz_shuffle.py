import random

QUESTIONS = [
    {"q": "Capital of France?", "choices": ["Paris", "Lyon", "Nice", "Lille"]},
    {"q": "2 + 2 * 2?", "choices": ["6", "8", "4", "10"]},
    {"q": "Largest planet?", "choices": ["Jupiter", "Saturn", "Earth", "Mars"]},
]


def build_round(n=5, seed=None):
    rng = random.Random(seed)
    picked = rng.sample(QUESTIONS, k=min(n, len(QUESTIONS)))
    round_ = []
    for item in picked:
        choices = list(item["choices"])
        rng.shuffle(choices)
        round_.append({"q": item["q"], "choices": choices, "answer": item["choices"][0]})
    return round_
