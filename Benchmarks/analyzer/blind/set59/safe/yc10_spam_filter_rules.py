"""Mail hosting panel: customer-defined spam filter rules and a rule tester."""
import logging
import re
from typing import List, Optional

from fastapi import APIRouter, Depends, HTTPException
from pydantic import BaseModel, Field

from .deps import current_domain, get_store

router = APIRouter(prefix="/mail/filters")
log = logging.getLogger("mail.filters")

HEADER_FIELDS = {"subject", "from", "to", "body"}


class FilterRule(BaseModel):
    name: str = Field(..., max_length=60)
    field: str = "subject"
    pattern: str = Field(..., max_length=500, description="literal text to look for")
    action: str = "junk"


class RuleTest(BaseModel):
    rule: FilterRule
    samples: List[dict]


def _field_value(message: dict, field: str) -> str:
    return str(message.get(field, ""))


def rule_matches(rule: FilterRule, message: dict) -> Optional[str]:
    text = _field_value(message, rule.field)
    hit = re.search(re.escape(rule.pattern), text, re.IGNORECASE)
    return hit.group(0) if hit else None


@router.post("/test")
def test_rule(payload: RuleTest, domain=Depends(current_domain)):
    if payload.rule.field not in HEADER_FIELDS:
        raise HTTPException(422, "unknown field")
    results = []
    for idx, message in enumerate(payload.samples[:200]):
        try:
            matched = rule_matches(payload.rule, message)
        except re.error as exc:
            raise HTTPException(422, f"invalid pattern: {exc}")
        results.append({"sample": idx, "matched": matched})
    return {"domain": domain.name, "rule": payload.rule.name, "results": results}


@router.post("")
def save_rule(rule: FilterRule, domain=Depends(current_domain), store=Depends(get_store)):
    if rule.field not in HEADER_FIELDS or rule.action not in {"junk", "reject", "discard"}:
        raise HTTPException(422, "invalid rule")
    store.add_rule(domain.id, rule.dict())
    log.info("filter rule %r saved for %r", rule.name, domain.name)
    return {"saved": True}
