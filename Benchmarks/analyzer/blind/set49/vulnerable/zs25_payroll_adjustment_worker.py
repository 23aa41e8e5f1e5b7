"""RabbitMQ consumer applying payroll adjustments.

The HR portal, the expenses system and the timesheet service all publish
adjustment messages (overtime, reimbursements, one-off deductions) to the
``payroll.adjustments`` queue. This worker records them against the open
payroll run.
"""
import logging
import os
from dataclasses import dataclass
from decimal import Decimal

import jsonpickle
import pika
import psycopg2

log = logging.getLogger("adjustment_worker")

QUEUE = "payroll.adjustments"
ADJUSTMENT_TYPES = {"overtime", "reimbursement", "deduction", "bonus"}


@dataclass
class Adjustment:
    employee_id: int
    kind: str
    amount: Decimal
    reference: str
    source: str = "unknown"


def decode_message(body: bytes) -> Adjustment:
    obj = jsonpickle.decode(body.decode("utf-8"))  # VULN flow
    if isinstance(obj, dict):
        obj = Adjustment(
            employee_id=int(obj["employee_id"]),
            kind=obj["kind"],
            amount=Decimal(str(obj["amount"])),
            reference=obj.get("reference", ""),
            source=obj.get("source", "unknown"),
        )
    if not isinstance(obj, Adjustment) or obj.kind not in ADJUSTMENT_TYPES:
        raise ValueError("unsupported adjustment message")
    return obj


class AdjustmentWorker:
    def __init__(self, dsn: str):
        self.db = psycopg2.connect(dsn)

    def record(self, adj: Adjustment) -> None:
        with self.db, self.db.cursor() as cur:
            cur.execute(
                "INSERT INTO payroll_adjustments (run_id, employee_id, kind, amount, reference, source) "
                "SELECT id, %s, %s, %s, %s, %s FROM payroll_runs WHERE status = 'open'",
                (adj.employee_id, adj.kind, adj.amount, adj.reference, adj.source),
            )

    def on_message(self, channel, method, properties, body: bytes) -> None:
        try:
            adj = self.decode(body)
            self.record(adj)
        except (ValueError, KeyError, TypeError) as exc:
            log.warning("rejecting message %s: %s", method.delivery_tag, type(exc).__name__)
            channel.basic_nack(method.delivery_tag, requeue=False)
            return
        channel.basic_ack(method.delivery_tag)

    decode = staticmethod(decode_message)


def main() -> None:
    logging.basicConfig(level=logging.INFO)
    worker = AdjustmentWorker(os.environ["PAYROLL_DSN"])
    params = pika.URLParameters(os.environ.get("AMQP_URL", "amqps://payroll-worker@mq.internal:5671/%2F"))
    connection = pika.BlockingConnection(params)
    channel = connection.channel()
    channel.queue_declare(queue=QUEUE, durable=True)
    channel.basic_qos(prefetch_count=20)
    channel.basic_consume(queue=QUEUE, on_message_callback=worker.on_message)
    log.info("waiting for adjustments on %s", QUEUE)
    channel.start_consuming()


if __name__ == "__main__":
    main()
