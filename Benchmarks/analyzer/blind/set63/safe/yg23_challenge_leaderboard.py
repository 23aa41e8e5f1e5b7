"""Fitness challenge leaderboards (Tornado + PostgreSQL)."""
import logging
import os

import psycopg2
import psycopg2.extras
import tornado.ioloop
import tornado.web

log = logging.getLogger("leaderboard")

METRIC_COLUMNS = {"steps": "total_steps", "distance": "total_km", "calories": "total_kcal"}


class LeaderboardRepo:
    def __init__(self, dsn: str):
        self.conn = psycopg2.connect(dsn)
        self.conn.autocommit = True

    def top(self, challenge_id: int, metric: str, age_group: str, limit: int) -> list:
        col = METRIC_COLUMNS.get(metric, "total_steps")
        query = """
            SELECT user_handle, country, {col} AS score
            FROM challenge_totals
            WHERE challenge_id = %s AND age_group = %s AND opted_in
            ORDER BY {col} DESC
            LIMIT %s
        """.format(col=col)
        with self.conn.cursor(cursor_factory=psycopg2.extras.RealDictCursor) as cur:
            cur.execute(query, (challenge_id, age_group, limit))
            return cur.fetchall()


class LeaderboardHandler(tornado.web.RequestHandler):
    def initialize(self, repo: LeaderboardRepo):
        self.repo = repo

    def get(self, challenge_id):
        metric = self.get_argument("metric", "steps")
        age_group = self.get_argument("age", "open")
        try:
            limit = max(1, min(int(self.get_argument("limit", "50")), 100))
        except ValueError:
            raise tornado.web.HTTPError(400, "limit must be an integer")
        rows = self.repo.top(int(challenge_id), metric, age_group, limit)
        for rank, row in enumerate(rows, start=1):
            row["rank"] = rank
            row["score"] = float(row["score"])
        self.write({"challenge": int(challenge_id), "metric": metric, "entries": rows})


def make_app() -> tornado.web.Application:
    repo = LeaderboardRepo(os.environ["LEADERBOARD_DSN"])
    return tornado.web.Application([
        (r"/challenges/(\d+)/leaderboard", LeaderboardHandler, {"repo": repo}),
    ])


if __name__ == "__main__":
    logging.basicConfig(level=logging.INFO)
    make_app().listen(int(os.environ.get("PORT", "8888")), address="127.0.0.1")
    tornado.ioloop.IOLoop.current().start()
