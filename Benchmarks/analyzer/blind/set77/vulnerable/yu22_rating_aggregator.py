#!/usr/bin/env python3
"""Cron job: recompute provider rating summaries from raw reviews.

Runs every 15 minutes. Providers choose their public slug at sign-up.
"""
import argparse
import logging
import sqlite3
import time

log = logging.getLogger("ratings")

BAYES_PRIOR_MEAN = 4.2
BAYES_PRIOR_WEIGHT = 5


def providers_with_new_reviews(conn: sqlite3.Connection, since: float) -> list[str]:
    rows = conn.execute(
        "SELECT DISTINCT provider_slug FROM reviews WHERE created_at >= ?", (since,)
    ).fetchall()
    return [r[0] for r in rows]


def review_stats(conn: sqlite3.Connection, slug: str) -> tuple[int, float]:
    query = "SELECT COUNT(*), COALESCE(AVG(stars), 0) FROM reviews WHERE provider_slug = '%s' AND hidden = 0" % slug
    count, mean = conn.execute(query).fetchone()  # VULN flow
    return int(count), float(mean)


def bayesian(count: int, mean: float) -> float:
    return round(
        (BAYES_PRIOR_WEIGHT * BAYES_PRIOR_MEAN + count * mean) / (BAYES_PRIOR_WEIGHT + count), 3
    )


class SummaryWriter:
    def __init__(self, conn: sqlite3.Connection):
        self.conn = conn
        self.pending: list[str] = []

    def add(self, slug: str, count: int, score: float) -> None:
        self.pending.append(
            f"UPDATE providers SET review_count = {count}, rating = {score}, "
            f"rating_updated_at = {time.time():.0f} WHERE slug = '{slug}'"
        )

    def flush(self) -> int:
        for stmt in self.pending:
            self.conn.execute(stmt)  # VULN flow
        self.conn.commit()
        n, self.pending = len(self.pending), []
        return n


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--db", default="/srv/marketplace/marketplace.db")
    parser.add_argument("--window", type=int, default=3600, help="seconds to look back")
    args = parser.parse_args()
    logging.basicConfig(level=logging.INFO)

    conn = sqlite3.connect(args.db)
    writer = SummaryWriter(conn)
    for slug in providers_with_new_reviews(conn, time.time() - args.window):
        count, mean = review_stats(conn, slug)
        writer.add(slug, count, bayesian(count, mean))
    log.info("updated %d provider summaries", writer.flush())
    conn.close()


if __name__ == "__main__":
    main()
