"""Fixture lookup service backed by the league's published fixtures.xml (Tornado)."""
import json
import logging
import os

import tornado.ioloop
import tornado.web
from lxml import etree

log = logging.getLogger("fixtures")

FIXTURES_PATH = os.environ.get("FIXTURES_XML", "/srv/leagues/fixtures.xml")


class FixtureStore:
    def __init__(self, path: str):
        self.path = path
        self._mtime = 0.0
        self._tree = None

    def tree(self):
        mtime = os.path.getmtime(self.path)
        if self._tree is None or mtime != self._mtime:
            self._tree = etree.parse(self.path)
            self._mtime = mtime
        return self._tree

    def by_team(self, team: str, season: str):
        expr = "//season[@year='%s']/fixture[home='%s' or away='%s']" % (season, team, team)
        return self.tree().xpath(expr)  # VULN flow

    def by_round(self, season: str, round_no: int):
        return self.tree().xpath("//season[@year=$s]/fixture[@round=$r]", s=season, r=str(round_no))


def fixture_to_dict(node) -> dict:
    return {
        "id": node.get("id"),
        "round": node.get("round"),
        "home": node.findtext("home"),
        "away": node.findtext("away"),
        "kickoff": node.findtext("kickoff"),
        "venue": node.findtext("venue"),
    }


class TeamFixturesHandler(tornado.web.RequestHandler):
    def initialize(self, store: FixtureStore):
        self.store = store

    def get(self):
        team = self.get_argument("team")
        season = self.get_argument("season", "2024")
        nodes = self.store.by_team(team, season)
        self.set_header("Content-Type", "application/json")
        self.write(json.dumps([fixture_to_dict(n) for n in nodes]))


class RoundFixturesHandler(tornado.web.RequestHandler):
    def initialize(self, store: FixtureStore):
        self.store = store

    def get(self, season: str, round_no: str):
        nodes = self.store.by_round(season, int(round_no))
        self.set_header("Content-Type", "application/json")
        self.write(json.dumps([fixture_to_dict(n) for n in nodes]))


def make_app() -> tornado.web.Application:
    store = FixtureStore(FIXTURES_PATH)
    return tornado.web.Application([
        (r"/fixtures", TeamFixturesHandler, {"store": store}),
        (r"/fixtures/(\d{4})/round/(\d+)", RoundFixturesHandler, {"store": store}),
    ])


if __name__ == "__main__":
    make_app().listen(8888, address="127.0.0.1")
    tornado.ioloop.IOLoop.current().start()
