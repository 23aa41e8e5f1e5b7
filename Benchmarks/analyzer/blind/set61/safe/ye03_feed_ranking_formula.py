"""Experimental feed ranking: lets power users define their own scoring formula."""
import ast
import logging
import math
import operator
from typing import Dict, List

from fastapi import FastAPI, HTTPException
from pydantic import BaseModel

app = FastAPI(title="feed-lab")
log = logging.getLogger("feedlab")

SIGNALS = ("likes", "comments", "shares", "age_hours", "affinity")
FUNCS = {"log": math.log1p, "sqrt": math.sqrt}
BIN_OPS = {ast.Add: operator.add, ast.Sub: operator.sub, ast.Mult: operator.mul,
           ast.Div: operator.truediv, ast.Pow: operator.pow}

# stand-in for the post store
POSTS: Dict[int, dict] = {
    101: {"likes": 120, "comments": 14, "shares": 3, "age_hours": 5.0, "affinity": 0.8},
    102: {"likes": 9, "comments": 2, "shares": 0, "age_hours": 1.5, "affinity": 0.3},
    103: {"likes": 870, "comments": 61, "shares": 40, "age_hours": 30.0, "affinity": 0.1},
}


class RankRequest(BaseModel):
    formula: str
    post_ids: List[int]
    limit: int = 20


class RankedPost(BaseModel):
    post_id: int
    score: float


def _signal_env(post: dict) -> dict:
    return {name: float(post.get(name, 0)) for name in SIGNALS}


def _eval_node(node, env):
    if isinstance(node, ast.Expression):
        return _eval_node(node.body, env)
    if isinstance(node, ast.Constant) and isinstance(node.value, (int, float)):
        return float(node.value)
    if isinstance(node, ast.Name) and node.id in env:
        return env[node.id]
    if isinstance(node, ast.BinOp) and type(node.op) in BIN_OPS:
        left, right = _eval_node(node.left, env), _eval_node(node.right, env)
        if isinstance(node.op, ast.Pow) and abs(right) > 4:
            raise ValueError("exponent too large")
        return BIN_OPS[type(node.op)](left, right)
    if isinstance(node, ast.UnaryOp) and isinstance(node.op, ast.USub):
        return -_eval_node(node.operand, env)
    if (isinstance(node, ast.Call) and isinstance(node.func, ast.Name)
            and node.func.id in FUNCS and len(node.args) == 1 and not node.keywords):
        return FUNCS[node.func.id](_eval_node(node.args[0], env))
    raise ValueError("unsupported expression")


def score_posts(formula: str, post_ids: List[int]) -> List[RankedPost]:
    tree = ast.parse(formula, mode="eval")
    ranked = []
    for pid in post_ids:
        post = POSTS.get(pid)
        if post is None:
            continue
        env = _signal_env(post)
        value = _eval_node(tree, env)
        ranked.append(RankedPost(post_id=pid, score=float(value)))
    ranked.sort(key=lambda r: r.score, reverse=True)
    return ranked


@app.post("/v1/feed/rank", response_model=List[RankedPost])
def rank_feed(req: RankRequest):
    formula = req.formula.strip()
    if not formula or len(formula) > 500:
        raise HTTPException(status_code=400, detail="formula must be 1-500 chars")
    try:
        ranked = score_posts(formula, req.post_ids)
    except ZeroDivisionError:
        raise HTTPException(status_code=422, detail="formula divides by zero")
    except Exception as exc:  # noqa: BLE001
        log.info("formula rejected: %s", type(exc).__name__)
        raise HTTPException(status_code=422, detail="invalid formula")
    return ranked[: max(1, min(req.limit, 100))]
