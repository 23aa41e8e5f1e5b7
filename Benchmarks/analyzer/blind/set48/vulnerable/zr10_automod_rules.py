"""Automod: board owners define filter rules that are applied to new posts."""
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


def first_match(rules: List[Rule], text: str) -> Optional[Rule]:
    for rule in rules:
        if re.search(rule.pattern, text, re.IGNORECASE):  # VULN flow
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
        match = re.compile(body.pattern, re.IGNORECASE).search(body.sample)  # VULN
    except re.error as exc:
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
