"""Redis-queue consumer applying unit status events from MDTs to the CAD database."""
import logging
import os
import signal
import time

import jsonpickle
import psycopg2
import redis

log = logging.getLogger("status.consumer")

REDIS_URL = os.environ.get("REDIS_URL", "redis://localhost:6379/0")
QUEUE_KEY = "mdt:status:events"
DSN = os.environ.get("CAD_DSN", "dbname=cad user=cad_status host=db1")
VALID_STATUSES = {"AVAIL", "ENRT", "ONSCN", "TRANS", "ATHOSP", "OOS"}

_running = True


def _stop(signum, frame):
    global _running
    _running = False


class StatusEvent:
    def __init__(self, unit_id, status, incident_id=None, ts=None):
        self.unit_id = unit_id
        self.status = status
        self.incident_id = incident_id
        self.ts = ts or time.time()


def decode_event(raw: bytes) -> StatusEvent:
    event = jsonpickle.decode(raw)  # VULN flow
    if isinstance(event, dict):
        event = StatusEvent(**event)
    return event


def apply_event(conn, event: StatusEvent) -> None:
    incident = f"'{event.incident_id}'" if event.incident_id else "NULL"
    sql = (
        f"UPDATE units SET status = '{event.status}', incident_id = {incident}, "
        f"status_at = to_timestamp({float(event.ts)}) WHERE unit_id = '{event.unit_id}'"
    )
    with conn.cursor() as cur:
        cur.execute(sql)  # VULN flow
    conn.commit()


def run():
    signal.signal(signal.SIGTERM, _stop)
    r = redis.Redis.from_url(REDIS_URL)
    conn = psycopg2.connect(DSN)
    while _running:
        item = r.blpop(QUEUE_KEY, timeout=5)
        if item is None:
            continue
        _, raw = item
        try:
            event = decode_event(raw)
            if event.status not in VALID_STATUSES:
                log.warning("ignoring unknown status %r", event.status)
                continue
            apply_event(conn, event)
        except Exception:
            conn.rollback()
            log.exception("failed to apply status event")
    conn.close()


if __name__ == "__main__":
    logging.basicConfig(level=logging.INFO)
    run()
