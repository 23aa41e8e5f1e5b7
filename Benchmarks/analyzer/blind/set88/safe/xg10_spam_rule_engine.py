"""Tenant-defined spam rules for the inbound mail filter (FastAPI)."""
import logging
import re
from typing import Dict, List, Tuple

from fastapi import FastAPI, HTTPException
from pydantic import BaseModel, Field

app = FastAPI(title="mailfilter-rules")
log = logging.getLogger("mailfilter.rules")

FIELDS = {"subject", "body", "from"}
SPAM_THRESHOLD = 5.0


class Rule(BaseModel):
    name: str = Field(..., max_length=80)
    pattern: str = Field(..., max_length=500)
    field: str = "body"
    score: float = 1.0


class Message(BaseModel):
    subject: str = ""
    sender: str = ""
    body: str = ""


class TestRequest(BaseModel):
    rules: List[Rule]
    message: Message


RULES: Dict[str, List[Rule]] = {}


def field_value(msg: Message, field: str) -> str:
    return {"subject": msg.subject, "body": msg.body, "from": msg.sender}[field]


def keyword_regex(rule: Rule) -> "re.Pattern[str]":
    # rules are plain keywords/phrases; match them on word boundaries
    return re.compile(r"\b" + re.escape(rule.pattern) + r"\b", re.IGNORECASE)


def score_message(rules: List[Rule], msg: Message) -> Tuple[float, List[str]]:
    total = 0.0
    hits = []
    for rule in rules:
        text = field_value(msg, rule.field)
        if keyword_regex(rule).search(text):
            total += rule.score
            hits.append(rule.name)
    return total, hits


def validate_rules(rules: List[Rule]) -> None:
    for rule in rules:
        if rule.field not in FIELDS:
            raise HTTPException(422, f"rule {rule.name}: unknown field {rule.field}")
        if not rule.pattern.strip():
            raise HTTPException(422, f"rule {rule.name}: empty keyword")


@app.put("/tenants/{tenant}/rules")
def set_rules(tenant: str, rules: List[Rule]):
    validate_rules(rules)
    RULES[tenant] = rules
    return {"tenant": tenant, "rules": len(rules)}


@app.post("/tenants/{tenant}/score")
def score(tenant: str, msg: Message):
    total, hits = score_message(RULES.get(tenant, []), msg)
    return {"score": total, "spam": total >= SPAM_THRESHOLD, "hits": hits}


@app.post("/rules/test")
def test_rules(req: TestRequest):
    validate_rules(req.rules)
    total, hits = score_message(req.rules, req.message)
    return {"score": total, "hits": hits}
