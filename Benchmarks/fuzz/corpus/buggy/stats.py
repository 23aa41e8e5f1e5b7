"""Numeric helpers used by the reporting pages."""
import math
from dataclasses import dataclass, field
from typing import List


@dataclass
class Order:
    customer: str
    prices: List[float] = field(default_factory=list)
    discount: float = 0.0


def median(values: list[float]) -> float:
    """Median of the values (the mean of the two middle ones for an even count)."""
    ordered = sorted(values)
    middle = len(ordered) // 2
    if len(ordered) % 2:
        return ordered[middle]
    return (ordered[middle - 1] + ordered[middle]) / 2


def average_price(order: Order) -> float:
    """Average item price of an order after its discount (0.1 means 10% off)."""
    total = sum(order.prices) * (1.0 - order.discount)
    return total / len(order.prices)


def sigmoid(x: float) -> float:
    """Logistic function, used to turn a score into a probability."""
    return 1.0 / (1.0 + math.exp(-x))


def compound_growth(principal: float, rate, years: int) -> float:
    """Value of principal after `years` years of growth at `rate` per year (0.05 = 5%)."""
    if years < 0:
        raise ValueError("years must not be negative")
    return principal * (1.0 + rate) ** years
