"""Automod: board owners define filter rules that are applied to new posts.

Rule patterns are word lists; each comma separated entry is matched as a
whole word, case-insensitively.
"""
import logging
import re
from typing import List, Optional

from fastapi import Depends, FastAPI, HTTPException
from pydantic import BaseModel, Field

from forum.auth import current_user, require_board_owner
from forum.store import BoardStore

app = FastAPI()
log = logging.getLogger("forum.automod")
store = BoardStore()


class Rule(BaseModel):
    name: str = Field(max_length=60)
    pattern: str = Field(max_length=500)
    action: str = Field(default="hold", pattern="^(hold|reject|flag)$")


class RuleTest(BaseModel):
    pattern: str = Field(max_length=500)
    sample: str = Field(max_length=20000)


class Verdict(BaseModel):
    action: Optional[str] = None
    rule: Optional[str] = None


def compile_words(pattern: str) -> "re.Pattern[str]":
    words = [w.strip() for w in pattern.split(",") if w.strip()]
    if not words:
        raise ValueError("rule has no words")
    alternation = "|".join(re.escape(w) for w in words)
    return re.compile(r"\b(?:" + alternation + r")\b", re.IGNORECASE)


def first_match(rules: List[Rule], text: str) -> Optional[Rule]:
    for rule in rules:
        if compile_words(rule.pattern).search(text):
            return rule
    return None


@app.put("/boards/{slug}/automod")
def save_rules(slug: str, rules: List[Rule], owner=Depends(require_board_owner)):
    store.set_rules(slug, [r.dict() for r in rules])
    log.info("board %r automod updated by %s (%d rules)", slug, owner.id, len(rules))
    return {"saved": len(rules)}


@app.post("/boards/{slug}/automod/test")
def test_rule(slug: str, body: RuleTest, owner=Depends(require_board_owner)):
    try:
        match = compile_words(body.pattern).search(body.sample)
    except ValueError as exc:
        raise HTTPException(status_code=400, detail=f"bad pattern: {exc}")
    return {"matched": bool(match), "span": match.span() if match else None}


@app.post("/boards/{slug}/posts/check", response_model=Verdict)
def check_post(slug: str, payload: dict, user=Depends(current_user)):
    text = str(payload.get("body", ""))
    rules = [Rule(**r) for r in store.get_rules(slug)]
    rule = first_match(rules, text)
    if rule is None:
        return Verdict()
    log.info("post by %s on %r hit automod rule %r", user.id, slug, rule.name)
    return Verdict(action=rule.action, rule=rule.name)
