"""SQS consumer Lambda that ingests marketplace orders sent as YAML by partner feeds."""
import logging
import os
from dataclasses import asdict, dataclass
from decimal import Decimal
from typing import List

import boto3
import yaml

dynamodb = boto3.resource("dynamodb")
orders_table = dynamodb.Table(os.environ["ORDERS_TABLE"])
logger = logging.getLogger()
logger.setLevel(logging.INFO)


@dataclass
class OrderLine:
    sku: str
    quantity: int
    unit_price: Decimal


@dataclass
class Order:
    order_id: str
    partner: str
    currency: str
    lines: List[OrderLine]

    @property
    def total(self) -> Decimal:
        return sum((l.unit_price * l.quantity for l in self.lines), Decimal("0"))


def parse_order(body: str) -> Order:
    document = yaml.load(body, Loader=yaml.SafeLoader)
    lines = [
        OrderLine(sku=str(l["sku"]), quantity=int(l["qty"]), unit_price=Decimal(str(l["price"])))
        for l in document["lines"]
    ]
    if not lines:
        raise ValueError("order without lines")
    return Order(
        order_id=str(document["order_id"]),
        partner=str(document["partner"]),
        currency=str(document.get("currency", "EUR")),
        lines=lines,
    )


def persist(order: Order) -> None:
    item = asdict(order)
    item["total"] = order.total
    orders_table.put_item(Item=item, ConditionExpression="attribute_not_exists(order_id)")


def handler(event, context):
    failures = []
    for record in event.get("Records", []):
        try:
            order = parse_order(record["body"])
            persist(order)
            logger.info("stored order %r from %r", order.order_id, order.partner)
        except (KeyError, ValueError, TypeError, yaml.YAMLError) as exc:
            logger.warning("rejecting message %r: %s", record.get("messageId"), type(exc).__name__)
            failures.append({"itemIdentifier": record["messageId"]})
    return {"batchItemFailures": failures}
