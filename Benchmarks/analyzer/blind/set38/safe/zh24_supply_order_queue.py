import json
import logging
import os
from dataclasses import dataclass, field
from decimal import Decimal
from typing import List

import boto3

logger = logging.getLogger()
logger.setLevel(logging.INFO)

dynamodb = boto3.resource("dynamodb")
orders_table = dynamodb.Table(os.environ["ORDERS_TABLE"])


@dataclass
class OrderLine:
    sku: str
    quantity: int
    unit_price: str


@dataclass
class SupplyOrder:
    order_id: str
    farm_id: str
    deliver_by: str
    lines: List[OrderLine] = field(default_factory=list)

    @property
    def total(self) -> Decimal:
        return sum((Decimal(l.unit_price) * l.quantity for l in self.lines), Decimal("0"))

    @classmethod
    def from_dict(cls, data: dict) -> "SupplyOrder":
        lines = [OrderLine(str(l["sku"]), int(l["quantity"]), str(Decimal(str(l["unit_price"])))) for l in data["lines"]]
        return cls(str(data["order_id"]), str(data["farm_id"]), str(data["deliver_by"]), lines)


def parse_order(body: str) -> SupplyOrder:
    order = SupplyOrder.from_dict(json.loads(body))
    if not isinstance(order, SupplyOrder) or not order.lines:
        raise ValueError("message is not a supply order")
    return order


def persist(order: SupplyOrder, message_id: str) -> None:
    orders_table.put_item(
        Item={
            "order_id": order.order_id,
            "farm_id": order.farm_id,
            "deliver_by": order.deliver_by,
            "lines": [{"sku": l.sku, "quantity": l.quantity, "unit_price": Decimal(l.unit_price)} for l in order.lines],
            "total": order.total,
            "source_message": message_id,
        },
        ConditionExpression="attribute_not_exists(order_id)",
    )


def lambda_handler(event, context):
    failures = []
    duplicate_error = orders_table.meta.client.exceptions.ConditionalCheckFailedException
    for record in event.get("Records", []):
        message_id = record["messageId"]
        try:
            order = parse_order(record["body"])
            persist(order, message_id)
        except duplicate_error:
            logger.info("duplicate order in message %r", message_id)
        except (ValueError, KeyError, TypeError, ArithmeticError) as exc:
            logger.warning("rejecting message %r: %r", message_id, exc)
            failures.append({"itemIdentifier": message_id})
    return {"batchItemFailures": failures}
