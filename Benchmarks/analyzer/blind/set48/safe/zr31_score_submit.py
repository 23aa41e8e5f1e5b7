"""Score submission endpoint for the arcade leaderboard (Tornado).

The game client signs each submission so casual tampering with the HTTP
request does not put fake scores on the board.
"""
import hashlib
import hmac
import json
import logging
import os
import time

import tornado.ioloop
import tornado.web

from arcade.storage import ScoreBoard

log = logging.getLogger("arcade.scores")

SCORE_SECRET = os.environ["ARCADE_SCORE_SECRET"]
MAX_SKEW = 300
MAX_SCORE = 10_000_000


def expected_signature(body: bytes) -> str:
    return hmac.new(SCORE_SECRET.encode("utf-8"), body, hashlib.sha256).hexdigest()


class SubmitScoreHandler(tornado.web.RequestHandler):
    def initialize(self, board: ScoreBoard):
        self.board = board

    def post(self):
        body = self.request.body
        signature = self.request.headers.get("X-Score-Signature", "")
        if not hmac.compare_digest(signature, expected_signature(body)):
            raise tornado.web.HTTPError(401, reason="bad signature")
        try:
            data = json.loads(body)
            player = str(data["player"])[:24]
            score = int(data["score"])
            level = int(data.get("level", 1))
            sent_at = int(data["ts"])
        except (ValueError, KeyError, TypeError):
            raise tornado.web.HTTPError(400, reason="malformed submission")
        if abs(time.time() - sent_at) > MAX_SKEW:
            raise tornado.web.HTTPError(400, reason="stale submission")
        if not 0 <= score <= MAX_SCORE:
            raise tornado.web.HTTPError(422, reason="score out of range")
        rank = self.board.submit(player, score, level)
        log.info("score %d level %d submitted by %r -> rank %d", score, level, player, rank)
        self.write({"rank": rank})


class TopScoresHandler(tornado.web.RequestHandler):
    def initialize(self, board: ScoreBoard):
        self.board = board

    def get(self):
        limit = min(int(self.get_argument("limit", "20")), 100)
        self.write({"scores": self.board.top(limit)})


def make_app() -> tornado.web.Application:
    board = ScoreBoard()
    return tornado.web.Application([
        (r"/scores", SubmitScoreHandler, {"board": board}),
        (r"/scores/top", TopScoresHandler, {"board": board}),
    ])


if __name__ == "__main__":
    logging.basicConfig(level=logging.INFO)
    make_app().listen(8888, address="127.0.0.1")
    tornado.ioloop.IOLoop.current().start()
