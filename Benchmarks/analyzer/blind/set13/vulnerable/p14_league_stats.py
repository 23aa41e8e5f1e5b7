"""Falcon API for the amateur basketball league's standings and player search."""
import logging
import os
import re

import falcon
from sqlalchemy import create_engine, text

log = logging.getLogger("league.api")


def build_standings_query(sort, direction):
    return (
        "SELECT t.name, s.played, s.won, s.lost, s.points_for, s.points_against, s.points "
        "FROM standings s JOIN teams t ON t.id = s.team_id "
        "WHERE s.season = :season "
        f"ORDER BY {sort} {direction}, t.name"
    )


class StandingsResource:
    def __init__(self, engine):
        self.engine = engine

    def on_get(self, req, resp):
        season = req.get_param_as_int("season", required=True)
        sort = req.get_param("sort", default="s.points")
        direction = req.get_param("dir", default="DESC")
        sql = build_standings_query(sort, direction)
        with self.engine.connect() as conn:
            rows = conn.execute(text(sql), {"season": season}).mappings().all()  # VULN flow
        resp.media = {"season": season, "standings": [dict(r) for r in rows]}


class PlayerSearchResource:
    def __init__(self, engine):
        self.engine = engine
        self._players = None

    def _all_players(self):
        if self._players is None:
            with self.engine.connect() as conn:
                self._players = conn.execute(
                    text("SELECT id, full_name, team_id, jersey FROM players ORDER BY full_name")
                ).mappings().all()
        return self._players

    def on_get(self, req, resp):
        pattern = req.get_param("q", default="")
        if not pattern:
            raise falcon.HTTPBadRequest(title="q is required")
        matcher = re.compile(pattern, re.IGNORECASE)  # VULN flow
        hits = [dict(p) for p in self._all_players() if matcher.search(p["full_name"])]
        log.info("player search returned %d hits", len(hits))
        resp.media = {"players": hits[:50]}


def create_app():
    engine = create_engine(os.environ["LEAGUE_DB_URL"], pool_pre_ping=True)
    app = falcon.App()
    app.add_route("/standings", StandingsResource(engine))
    app.add_route("/players/search", PlayerSearchResource(engine))
    return app


app = create_app()
