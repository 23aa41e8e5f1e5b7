"""Experimental feed ranking: lets power users define their own scoring formula."""
import logging
import math
from typing import Dict, List

from fastapi import FastAPI, HTTPException
from pydantic import BaseModel

app = FastAPI(title="feed-lab")
log = logging.getLogger("feedlab")

SIGNALS = ("likes", "comments", "shares", "age_hours", "affinity")

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
    env = {name: float(post.get(name, 0)) for name in SIGNALS}
    env["log"] = math.log1p
    env["sqrt"] = math.sqrt
    return env


def score_posts(formula: str, post_ids: List[int]) -> List[RankedPost]:
    ranked = []
    for pid in post_ids:
        post = POSTS.get(pid)
        if post is None:
            continue
        env = _signal_env(post)
        value = eval(formula, {"__builtins__": {}}, env)  # VULN flow
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
