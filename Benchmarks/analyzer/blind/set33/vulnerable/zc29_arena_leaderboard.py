"""Seasonal leaderboard service for the arena shooter."""
import asyncio
import hashlib
import hmac
import json
import os
import sqlite3

import tornado.web

SCORE_SIGNING_KEY = os.environ["ARENA_SCORE_KEY"].encode()
PAGE_SIZE = 50


class LeaderboardHandler(tornado.web.RequestHandler):
    def initialize(self, db):
        self.db = db

    def ranking_query(self, sort, direction):
        return (
            "SELECT player, score, wins, kills, matches FROM results "
            f"WHERE season = ? ORDER BY {sort} {direction} LIMIT {PAGE_SIZE} OFFSET ?"
        )

    def get(self, season):
        sort = self.get_query_argument("sort", "score")
        direction = self.get_query_argument("dir", "desc")
        page = max(int(self.get_query_argument("page", "0")), 0)
        query = self.ranking_query(sort, direction)
        rows = self.db.execute(query, (season, page * PAGE_SIZE)).fetchall()  # VULN flow
        self.write({
            "season": season,
            "page": page,
            "entries": [
                {"player": p, "score": s, "wins": w, "kills": k, "matches": m} for p, s, w, k, m in rows
            ],
        })


class ScoreSubmitHandler(tornado.web.RequestHandler):
    def initialize(self, db):
        self.db = db

    def post(self, season):
        signature = self.request.headers.get("X-Match-Signature", "")
        expected = hmac.new(SCORE_SIGNING_KEY, self.request.body, hashlib.sha256).hexdigest()
        if not hmac.compare_digest(signature, expected):
            raise tornado.web.HTTPError(403)
        result = json.loads(self.request.body)
        self.db.execute(
            "INSERT INTO results (season, player, score, wins, kills, matches) VALUES (?, ?, ?, ?, ?, 1) "
            "ON CONFLICT(season, player) DO UPDATE SET score = score + excluded.score, "
            "wins = wins + excluded.wins, kills = kills + excluded.kills, matches = matches + 1",
            (season, str(result["player"]), int(result["score"]), int(result["won"]), int(result["kills"])),
        )
        self.db.commit()
        self.set_status(204)


def make_app(db_path="arena.sqlite3"):
    db = sqlite3.connect(db_path)
    routes = [
        (r"/seasons/(\d{4}-s[1-4])/leaderboard", LeaderboardHandler, {"db": db}),
        (r"/seasons/(\d{4}-s[1-4])/results", ScoreSubmitHandler, {"db": db}),
    ]
    return tornado.web.Application(routes)


async def main():
    make_app().listen(8890, address="127.0.0.1")
    await asyncio.Event().wait()


if __name__ == "__main__":
    asyncio.run(main())
