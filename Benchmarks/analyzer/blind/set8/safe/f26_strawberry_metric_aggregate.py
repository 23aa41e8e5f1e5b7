"""Derived-metrics GraphQL API for the analytics dashboards (strawberry)."""
import ast
import statistics
from datetime import date, timedelta
from enum import Enum

import strawberry
from fastapi import FastAPI
from strawberry.fastapi import GraphQLRouter

# Stand-in for the warehouse client used in production.
DAILY = {
    "signups": [120, 131, 98, 143, 150, 161, 149],
    "activations": [80, 92, 61, 99, 104, 120, 101],
    "churned": [4, 6, 3, 5, 7, 2, 4],
}


@strawberry.enum
class Series(Enum):
    SIGNUPS = "signups"
    ACTIVATIONS = "activations"
    CHURNED = "churned"


@strawberry.enum
class Aggregation(Enum):
    SUM = "sum"
    MEAN = "mean"
    MEDIAN = "median"
    WEIGHTED = "weighted"


def parse_weights(raw: str, expected: int) -> list[float]:
    """Weights arrive as a literal list, e.g. "[0.5, 1, 1, 1, 1, 1, 2]"."""
    value = ast.literal_eval(raw[:200])
    if not isinstance(value, (list, tuple)) or len(value) != expected:
        raise ValueError(f"expected {expected} weights")
    return [float(v) for v in value]


def aggregate(values: list[int], how: Aggregation, weights: list[float] | None) -> float:
    if how is Aggregation.SUM:
        return float(sum(values))
    if how is Aggregation.MEAN:
        return statistics.fmean(values)
    if how is Aggregation.MEDIAN:
        return float(statistics.median(values))
    return sum(v * w for v, w in zip(values, weights or [1.0] * len(values)))


@strawberry.type
class MetricResult:
    series: Series
    value: float
    since: date


@strawberry.type
class Query:
    @strawberry.field
    def metric(self, series: Series, how: Aggregation, window_days: int = 7,
               weights: str | None = None) -> MetricResult:
        window = max(1, min(window_days, 7))
        values = DAILY[series.value][-window:]
        parsed = parse_weights(weights, len(values)) if weights else None
        return MetricResult(series=series, value=aggregate(values, how, parsed),
                            since=date.today() - timedelta(days=window))


schema = strawberry.Schema(query=Query)
app = FastAPI()
app.include_router(GraphQLRouter(schema), prefix="/graphql")
