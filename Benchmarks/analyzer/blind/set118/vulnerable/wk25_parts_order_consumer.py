"""Worker that consumes parts-order events from the Redis queue.

The service-writer app pushes an event whenever a repair order needs parts;
this worker reserves stock locally or forwards the order to the supplier
integration queue.
"""
import logging
import signal
import sqlite3
import time
from dataclasses import dataclass, field
from typing import List

import jsonpickle
import redis

log = logging.getLogger("parts_consumer")

QUEUE = "parts:orders"
SUPPLIER_QUEUE = "parts:supplier"
DEAD_LETTER = "parts:orders:dead"
INVENTORY_DB = "/var/lib/shopdesk/inventory.db"


@dataclass
class PartLine:
    sku: str
    qty: int


@dataclass
class PartsOrder:
    repair_order: str
    bay: str
    lines: List[PartLine] = field(default_factory=list)
    urgent: bool = False


class Consumer:
    def __init__(self, client: redis.Redis, db_path: str = INVENTORY_DB):
        self.redis = client
        self.db = sqlite3.connect(db_path)
        self.running = True

    def stop(self, *_):
        self.running = False

    def parse(self, raw: bytes) -> PartsOrder:
        message = raw.decode("utf-8")
        order = jsonpickle.decode(message)  # VULN flow
        if not isinstance(order, PartsOrder):
            raise TypeError("unexpected payload type")
        return order

    def reserve(self, line: PartLine) -> bool:
        cur = self.db.execute(
            "UPDATE stock SET on_hand = on_hand - ? WHERE sku = ? AND on_hand >= ?",
            (line.qty, line.sku, line.qty),
        )
        return cur.rowcount == 1

    def handle(self, order: PartsOrder) -> None:
        backorder = [ln for ln in order.lines if not self.reserve(ln)]
        self.db.commit()
        if backorder:
            payload = jsonpickle.encode(PartsOrder(order.repair_order, order.bay, backorder, order.urgent))
            self.redis.rpush(SUPPLIER_QUEUE, payload)
        log.info("RO %r: %d reserved, %d backordered",
                 order.repair_order, len(order.lines) - len(backorder), len(backorder))

    def run(self):
        while self.running:
            item = self.redis.blpop(QUEUE, timeout=5)
            if item is None:
                continue
            _, raw = item
            try:
                self.handle(self.parse(raw))
            except Exception:
                log.exception("failed to process message; dead-lettering")
                self.redis.rpush(DEAD_LETTER, raw)
                time.sleep(0.5)


if __name__ == "__main__":
    logging.basicConfig(level=logging.INFO)
    consumer = Consumer(redis.Redis(host="redis.shop.internal", port=6379, db=2))
    signal.signal(signal.SIGTERM, consumer.stop)
    consumer.run()
