"""Hyper-parameter sweep service: turns a search-space spec into trial configs.

A spec looks like::

    {"name": "xgb-depth", "metric": "val_auc", "trials": 30,
     "space": {"eta": "loguniform(1e-3, 0.3)", "max_depth": "randint(3, 10)",
               "booster": "choice(['gbtree', 'dart'])"}}
"""
import ast
import logging
import math
import random
import re
from typing import Dict, List

from fastapi import FastAPI, HTTPException
from pydantic import BaseModel, Field

log = logging.getLogger("sweeps")
app = FastAPI(title="sweeps")


def uniform(low, high):
    return lambda rng: rng.uniform(low, high)


def loguniform(low, high):
    return lambda rng: math.exp(rng.uniform(math.log(low), math.log(high)))


def randint(low, high):
    return lambda rng: rng.randint(low, high)


def choice(options):
    return lambda rng: rng.choice(list(options))


DISTRIBUTIONS = {"uniform": uniform, "loguniform": loguniform, "randint": randint, "choice": choice}
CALL_RE = re.compile(r"\s*([a-z_]+)\s*\((.*)\)\s*", re.DOTALL)


class SweepSpec(BaseModel):
    name: str
    metric: str
    trials: int = Field(20, ge=1, le=500)
    seed: int = 0
    space: Dict[str, str]


def parse_space(space: Dict[str, str]):
    samplers = {}
    for param, expr in space.items():
        match = CALL_RE.fullmatch(expr)
        if not match or match.group(1) not in DISTRIBUTIONS:
            raise ValueError(f"{param}: not a distribution")
        args = ast.literal_eval(f"({match.group(2)},)") if match.group(2).strip() else ()
        samplers[param] = DISTRIBUTIONS[match.group(1)](*args)
    return samplers


def sample_trials(samplers, n: int, seed: int) -> List[dict]:
    # seeded so a sweep can be replayed exactly
    rng = random.Random(seed)
    return [{p: s(rng) for p, s in samplers.items()} for _ in range(n)]


@app.post("/sweeps")
def create_sweep(spec: SweepSpec):
    try:
        samplers = parse_space(spec.space)
    except (SyntaxError, NameError, TypeError, ValueError) as exc:
        raise HTTPException(status_code=400, detail=f"bad search space: {exc}")
    trials = sample_trials(samplers, spec.trials, spec.seed)
    log.info("sweep %r: %d trials over %d params", spec.name, len(trials), len(samplers))
    return {"name": spec.name, "metric": spec.metric, "trials": trials}
