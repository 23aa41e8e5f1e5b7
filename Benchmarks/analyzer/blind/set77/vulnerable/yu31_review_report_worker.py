"""Background worker that files "report this review" submissions for moderators.

The web app pushes one JSON document per report onto the ``reviews:reports``
Redis list: {"review_id": 123, "reporter_id": 55, "category": "spam", "reason": "..."}
"""
import json
import logging
import os
import time

import psycopg2
import redis

log = logging.getLogger("review-reports")

REPORT_QUEUE = "reviews:reports"
CATEGORIES = {"spam", "offensive", "fake", "conflict_of_interest", "other"}
AUTO_HIDE_THRESHOLD = 3


class ReportRepository:
    def __init__(self, dsn: str):
        self.conn = psycopg2.connect(dsn)

    def file_report(self, report: dict) -> int:
        sql = (
            "INSERT INTO review_reports (review_id, reporter_id, category, reason, created_at) "
            "VALUES ({review_id}, {reporter_id}, '{category}', '{reason}', now()) RETURNING id"
        ).format(**report)
        with self.conn, self.conn.cursor() as cur:
            cur.execute(sql)  # VULN flow
            return cur.fetchone()[0]

    def open_report_count(self, review_id: int) -> int:
        with self.conn, self.conn.cursor() as cur:
            cur.execute(
                "SELECT COUNT(*) FROM review_reports WHERE review_id = %s AND resolved_at IS NULL",
                (review_id,),
            )
            return cur.fetchone()[0]

    def hide_review(self, review_id: int) -> None:
        with self.conn, self.conn.cursor() as cur:
            cur.execute("UPDATE reviews SET hidden = true WHERE id = %s", (review_id,))


def normalise(raw: bytes) -> dict:
    data = json.loads(raw)
    category = data.get("category", "other")
    return {
        "review_id": int(data["review_id"]),
        "reporter_id": int(data["reporter_id"]),
        "category": category if category in CATEGORIES else "other",
        "reason": str(data.get("reason", ""))[:1000],
    }


def process(repo: ReportRepository, raw: bytes) -> None:
    report = normalise(raw)
    report_id = repo.file_report(report)
    log.info("report %s filed against review %s: %s" % (report_id, report["review_id"], report["reason"]))  # VULN flow
    if repo.open_report_count(report["review_id"]) >= AUTO_HIDE_THRESHOLD:
        repo.hide_review(report["review_id"])
        log.info("review %s auto-hidden pending moderation", report["review_id"])


def main() -> None:
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(message)s")
    queue = redis.Redis.from_url(os.environ.get("REDIS_URL", "redis://localhost:6379/2"))
    repo = ReportRepository(os.environ["REPORTS_DB_DSN"])
    while True:
        item = queue.blpop([REPORT_QUEUE], timeout=10)
        if item is None:
            continue
        try:
            process(repo, item[1])
        except (ValueError, KeyError, psycopg2.Error):
            log.exception("dropping malformed report")
            time.sleep(0.2)


if __name__ == "__main__":
    main()
