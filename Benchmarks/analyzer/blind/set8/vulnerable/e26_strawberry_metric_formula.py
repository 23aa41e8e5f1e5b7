"""Derived-metrics GraphQL API for the analytics dashboards (strawberry)."""
import math
from datetime import date, timedelta

import strawberry
from fastapi import FastAPI
from strawberry.fastapi import GraphQLRouter

SAFE_FUNCS = {
    "sqrt": math.sqrt,
    "log": math.log,
    "abs": abs,
    "min": min,
    "max": max,
    "round": round,
}

# Stand-in for the warehouse client used in production.
DAILY = {
    "signups": [120, 131, 98, 143, 150, 161, 149],
    "activations": [80, 92, 61, 99, 104, 120, 101],
    "churned": [4, 6, 3, 5, 7, 2, 4],
}


def load_series(window_days: int) -> dict[str, float]:
    window = max(1, min(window_days, 7))
    return {name: float(sum(values[-window:])) for name, values in DAILY.items()}


def evaluate_formula(formula: str, variables: dict[str, float]) -> float:
    scope = dict(SAFE_FUNCS)
    scope.update(variables)
    return float(eval(formula, {"__builtins__": {}}, scope))  # VULN flow


@strawberry.type
class MetricResult:
    name: str
    value: float
    since: date


@strawberry.type
class Query:
    @strawberry.field
    def derived_metric(self, name: str, formula: str, window_days: int = 7) -> MetricResult:
        variables = load_series(window_days)
        value = evaluate_formula(formula, variables)
        return MetricResult(name=name, value=value, since=date.today() - timedelta(days=window_days))


schema = strawberry.Schema(query=Query)
app = FastAPI()
app.include_router(GraphQLRouter(schema), prefix="/graphql")
