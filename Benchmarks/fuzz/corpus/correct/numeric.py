"""Number helpers: clamping and integer parsing."""
from typing import Optional


def clamp(value: float, low: float, high: float) -> float:
    """Limits value to the closed interval [low, high].

    Raises:
        ValueError: if low is greater than high, or any argument is NaN.
    """
    if value != value or low != low or high != high:
        raise ValueError("NaN cannot be clamped")
    if low > high:
        raise ValueError("low must not exceed high")
    if value < low:
        return low
    if value > high:
        return high
    return value


def parse_int(text: str, default: Optional[int] = None) -> int:
    """Parses a base-10 integer; surrounding whitespace and '_' between digits are allowed.

    A blank text gives default when one is passed.

    Raises:
        ValueError: if text is not a base-10 integer (or is blank and no default is given).
    """
    if not text.strip():
        if default is None:
            raise ValueError("empty text and no default")
        return default
    return int(text, 10)
