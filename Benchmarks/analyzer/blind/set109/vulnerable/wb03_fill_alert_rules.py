"""Customer-defined alerting rules for bin sensors.

Facilities managers create rules such as
``fill_pct > 85 and hours_since_empty > 48`` in the portal; every incoming
reading is checked against the rules of the owning customer.
"""
import logging
from dataclasses import dataclass, field
from typing import Dict, List

from fastapi import FastAPI, HTTPException
from pydantic import BaseModel

log = logging.getLogger("alert_rules")
app = FastAPI(title="bin-alert-rules")

READING_FIELDS = ("fill_pct", "temperature_c", "tilt_deg", "battery_mv", "hours_since_empty")


class RuleIn(BaseModel):
    customer_id: int
    name: str
    condition: str
    notify: List[str] = []


class ReadingIn(BaseModel):
    customer_id: int
    bin_id: str
    fill_pct: float
    temperature_c: float = 0.0
    tilt_deg: float = 0.0
    battery_mv: float = 3600
    hours_since_empty: float = 0.0


@dataclass
class Rule:
    rule_id: int
    customer_id: int
    name: str
    condition: str
    notify: List[str] = field(default_factory=list)


class RuleStore:
    def __init__(self) -> None:
        self._rules: Dict[int, Rule] = {}
        self._next = 1

    def add(self, data: RuleIn) -> Rule:
        rule = Rule(self._next, data.customer_id, data.name, data.condition.strip(), list(data.notify))
        self._rules[rule.rule_id] = rule
        self._next += 1
        return rule

    def for_customer(self, customer_id: int) -> List[Rule]:
        return [r for r in self._rules.values() if r.customer_id == customer_id]


store = RuleStore()


def evaluate(rule: Rule, reading: Dict[str, float]) -> bool:
    scope = {k: reading.get(k, 0) for k in READING_FIELDS}
    try:
        return bool(eval(rule.condition, {}, scope))  # VULN flow
    except Exception as exc:  # noqa: BLE001 - a broken rule must not stop ingestion
        log.warning("rule %s failed: %s", rule.rule_id, exc)
        return False


@app.post("/rules", status_code=201)
def create_rule(data: RuleIn):
    if not data.condition.strip() or len(data.condition) > 200:
        raise HTTPException(status_code=400, detail="condition must be 1-200 characters")
    rule = store.add(data)
    return {"rule_id": rule.rule_id}


@app.get("/rules/{customer_id}")
def list_rules(customer_id: int):
    return [{"rule_id": r.rule_id, "name": r.name, "condition": r.condition}
            for r in store.for_customer(customer_id)]


@app.post("/readings/check")
def check_reading(reading: ReadingIn):
    values = reading.dict()
    fired = [r.name for r in store.for_customer(reading.customer_id) if evaluate(r, values)]
    if fired:
        log.info("bin %r fired %d rule(s)", reading.bin_id, len(fired))
    return {"bin_id": reading.bin_id, "fired": fired}
