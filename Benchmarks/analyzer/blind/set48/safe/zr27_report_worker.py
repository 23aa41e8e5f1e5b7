"""Consumes abuse reports filed by forum members and updates the moderation
queue. Reports arrive on a Redis list as JSON from the web tier."""
import json
import logging
import os
import signal
import time

import psycopg2
import redis

log = logging.getLogger("forum.reports")
QUEUE = "forum:reports"
AUTO_HIDE_THRESHOLD = 5
_running = True


def _stop(*_args):
    global _running
    _running = False


class ReportProcessor:
    def __init__(self, conn):
        self.conn = conn

    def record(self, report: dict) -> int:
        post_id = int(report["post_id"])
        reporter = report.get("reporter", "anonymous")
        reason = report.get("reason", "").strip()[:500]
        log.info("report on post %d by %r: %r", post_id, reporter, reason)
        with self.conn.cursor() as cur:
            cur.execute(
                "INSERT INTO post_reports (post_id, reporter, reason, created_at) "
                "VALUES (%s, %s, %s, now())", (post_id, reporter, reason)
            )
            cur.execute("SELECT count(*) FROM post_reports WHERE post_id = %s", (post_id,))
            (count,) = cur.fetchone()
            if count >= AUTO_HIDE_THRESHOLD:
                cur.execute(
                    "UPDATE posts SET hidden = true, hidden_reason = 'auto: reports' WHERE id = %s",
                    (post_id,),
                )
        self.conn.commit()
        return count


def main() -> None:
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(name)s %(message)s")
    signal.signal(signal.SIGTERM, _stop)
    r = redis.Redis.from_url(os.environ.get("REDIS_URL", "redis://localhost:6379/1"))
    conn = psycopg2.connect(os.environ["FORUM_DSN"])
    processor = ReportProcessor(conn)

    while _running:
        item = r.brpop(QUEUE, timeout=5)
        if item is None:
            continue
        try:
            report = json.loads(item[1])
            count = processor.record(report)
            if count == AUTO_HIDE_THRESHOLD:
                r.publish("forum:modalerts", json.dumps({"post_id": report["post_id"], "reports": count}))
        except (ValueError, KeyError):
            log.warning("malformed report dropped")
        except psycopg2.Error:
            conn.rollback()
            log.exception("database error, requeueing report")
            r.rpush(QUEUE, item[1])
            time.sleep(1)
    conn.close()


if __name__ == "__main__":
    main()
