"""Order lines and prices for the shop."""
from dataclasses import dataclass
from enum import Enum

MAX_QUANTITY = 10_000
MAX_UNIT_PRICE = 10**9
MAX_AMOUNT = 10**13


class Currency(Enum):
    EUR = "EUR"
    USD = "USD"
    JPY = "JPY"


_SYMBOL = {Currency.EUR: "\u20ac", Currency.USD: "$", Currency.JPY: "\u00a5"}
_MINOR_DIGITS = {Currency.EUR: 2, Currency.USD: 2, Currency.JPY: 0}


class InventoryError(Exception):
    """An order line or amount outside what the shop accepts."""


@dataclass
class Item:
    sku: str
    quantity: int
    unit_price: int  # in minor units (cents)


def line_total(item: Item) -> int:
    """Price of an order line in minor units.

    Raises:
        InventoryError: if the quantity is not in 0..10,000 or the unit price not in
            0..10**9 minor units.
    """
    if not 0 <= item.quantity <= MAX_QUANTITY:
        raise InventoryError("quantity out of range")
    if not 0 <= item.unit_price <= MAX_UNIT_PRICE:
        raise InventoryError("unit price out of range")
    return item.quantity * item.unit_price


def format_price(amount: int, currency: Currency) -> str:
    """Formats an amount in minor units: format_price(123456, Currency.EUR) == '\u20ac1,234.56'.

    Raises:
        InventoryError: if amount is negative or above 10**13 minor units.
    """
    if not 0 <= amount <= MAX_AMOUNT:
        raise InventoryError("amount out of range")
    symbol = _SYMBOL[currency]
    if _MINOR_DIGITS[currency] == 0:
        return f"{symbol}{amount:,}"
    major, minor = divmod(amount, 100)
    return f"{symbol}{major:,}.{minor:02d}"
