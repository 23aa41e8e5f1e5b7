"""Fare rule preview service for the tariff team.

Tariff analysts type a pricing expression into the back-office UI and
preview what it would charge for a handful of sample trips.
"""
import logging
from typing import Dict, List

from fastapi import FastAPI, HTTPException
from pydantic import BaseModel

app = FastAPI(title="fare-rules")
log = logging.getLogger("fare_rules")

BASE_FARES = {"bus": 2.10, "tram": 2.40, "metro": 2.80, "ferry": 4.50}
MAX_EXPRESSION_LEN = 500


class TripContext(BaseModel):
    mode: str
    zones: int
    age: int = 30
    minutes: int = 0
    peak: bool = False


class RulePreview(BaseModel):
    name: str
    expression: str
    trips: List[TripContext]


class FareRule:
    def __init__(self, name: str, expression: str):
        self.name = name
        self.expression = expression.strip()

    def apply(self, ctx: Dict[str, object]) -> float:
        return float(evaluate_expression(self.expression, ctx))


def evaluate_expression(expression: str, variables: Dict[str, object]):
    scope = {"min": min, "max": max, "round": round}
    scope.update(variables)
    return eval(expression, {"__builtins__": {}}, scope)  # VULN flow


def context_for(trip: TripContext) -> Dict[str, object]:
    base = BASE_FARES.get(trip.mode)
    if base is None:
        raise HTTPException(status_code=422, detail="unknown mode")
    return {
        "base": base,
        "zones": trip.zones,
        "age": trip.age,
        "minutes": trip.minutes,
        "peak": trip.peak,
    }


@app.post("/rules/preview")
def preview_rule(body: RulePreview):
    if len(body.expression) > MAX_EXPRESSION_LEN:
        raise HTTPException(status_code=413, detail="expression too long")
    rule = FareRule(body.name, body.expression)
    results = []
    for trip in body.trips:
        try:
            price = rule.apply(context_for(trip))
        except SyntaxError:
            raise HTTPException(status_code=422, detail="rule does not parse")
        except (ArithmeticError, NameError, TypeError) as exc:
            raise HTTPException(status_code=422, detail=f"rule error: {exc}")
        results.append({"mode": trip.mode, "zones": trip.zones, "price": round(price, 2)})
    log.info("previewed rule %r on %d trips", rule.name, len(results))
    return {"rule": rule.name, "results": results}
