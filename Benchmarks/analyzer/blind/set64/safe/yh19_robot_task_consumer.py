"""Task consumer for the pick-robot cell controller.

The WMS dispatcher pushes pick tasks onto a Redis list per cell. Each task
carries the source bin, destination tote and the SKU quantity to move.
"""
import json
import logging
import os
import signal
import time
from dataclasses import dataclass, field
from typing import List

import redis

CELL_ID = os.environ.get("CELL_ID", "cell-04")
REDIS_URL = os.environ.get("WMS_REDIS_URL", "redis://wms-redis.plant.local:6379/2")
TASK_KEY = "wms:tasks:%s" % CELL_ID
DONE_KEY = "wms:done:%s" % CELL_ID

log = logging.getLogger("cell.consumer")


@dataclass
class PickTask:
    task_id: str
    sku: str
    qty: int
    source_bin: str
    dest_tote: str
    waypoints: List[str] = field(default_factory=list)


class TaskConsumer:
    def __init__(self, client, robot):
        self.client = client
        self.robot = robot
        self.running = True

    def stop(self, *_):
        self.running = False

    def next_task(self):
        item = self.client.blpop(TASK_KEY, timeout=5)
        if item is None:
            return None
        _key, raw = item
        return self.decode(raw)

    @staticmethod
    def decode(raw):
        data = json.loads(raw)
        if not isinstance(data, dict):
            raise TypeError("unexpected task type %r" % type(data))
        return PickTask(
            task_id=str(data["task_id"]),
            sku=str(data["sku"]),
            qty=int(data["qty"]),
            source_bin=str(data["source_bin"]),
            dest_tote=str(data["dest_tote"]),
            waypoints=[str(w) for w in data.get("waypoints", [])],
        )

    def run(self):
        while self.running:
            try:
                task = self.next_task()
            except (TypeError, KeyError, ValueError) as exc:
                log.error("bad task payload: %r", exc)
                continue
            if task is None:
                continue
            started = time.monotonic()
            ok = self.robot.execute_pick(task.source_bin, task.dest_tote, task.sku, task.qty)
            self.client.rpush(DONE_KEY, "%s:%s:%.1f" % (task.task_id, "ok" if ok else "fail",
                                                         time.monotonic() - started))


def main():
    from cellctl.robot import RobotArm

    logging.basicConfig(level=logging.INFO)
    consumer = TaskConsumer(redis.Redis.from_url(REDIS_URL), RobotArm.connect())
    signal.signal(signal.SIGTERM, consumer.stop)
    consumer.run()


if __name__ == "__main__":
    main()
