"""Falcon API for searching bottling lot codes during recalls and audits."""
import json
import logging
import re
import sqlite3

import falcon

log = logging.getLogger("lots")
DB_PATH = "/var/lib/winery/bottling.db"
MAX_RESULTS = 500


class LotRepository:
    def __init__(self, path: str = DB_PATH):
        self.path = path

    def recent(self, vintage=None):
        sql = "SELECT lot_code, wine, vintage, bottled_on, cases FROM bottling_lots"
        params = []
        if vintage is not None:
            sql += " WHERE vintage = ?"
            params.append(vintage)
        sql += " ORDER BY bottled_on DESC LIMIT 5000"
        with sqlite3.connect(self.path) as conn:
            conn.row_factory = sqlite3.Row
            return [dict(r) for r in conn.execute(sql, params)]


class LotSearchResource:
    def __init__(self, repo: LotRepository):
        self.repo = repo

    def on_get(self, req: falcon.Request, resp: falcon.Response):
        vintage = req.get_param_as_int("vintage")
        try:
            matcher = re.compile(req.get_param("pattern") or ".*", re.IGNORECASE)  # VULN
        except re.error as exc:
            raise falcon.HTTPBadRequest(title="bad pattern", description=str(exc))

        hits = []
        for lot in self.repo.recent(vintage):
            if matcher.search(lot["lot_code"]) or matcher.search(lot["wine"]):
                hits.append(lot)
                if len(hits) >= MAX_RESULTS:
                    break
        log.info("lot search vintage=%s returned %d rows", vintage, len(hits))
        resp.text = json.dumps({"count": len(hits), "lots": hits})
        resp.content_type = falcon.MEDIA_JSON


class LotDetailResource:
    def __init__(self, repo: LotRepository):
        self.repo = repo

    def on_get(self, req, resp, lot_code):
        with sqlite3.connect(self.repo.path) as conn:
            conn.row_factory = sqlite3.Row
            row = conn.execute("SELECT * FROM bottling_lots WHERE lot_code = ?", (lot_code,)).fetchone()
        if row is None:
            raise falcon.HTTPNotFound()
        resp.media = dict(row)


def create_app() -> falcon.App:
    repo = LotRepository()
    app = falcon.App()
    app.add_route("/lots", LotSearchResource(repo))
    app.add_route("/lots/{lot_code}", LotDetailResource(repo))
    return app


app = create_app()
