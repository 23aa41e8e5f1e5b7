"""Falcon resource: search the slip register by boat name / registration."""
import json
import logging
import re
import sqlite3

import falcon

log = logging.getLogger("marina.slips")
DB_PATH = "/var/lib/marina/slips.db"


class SlipRepository:
    def __init__(self, path: str = DB_PATH):
        self.path = path

    def all_assignments(self):
        conn = sqlite3.connect(self.path)
        conn.row_factory = sqlite3.Row
        try:
            return [dict(r) for r in conn.execute(
                "SELECT slip, pier, boat_name, registration, loa_m, owner FROM assignments"
            )]
        finally:
            conn.close()


class SlipSearchResource:
    FIELDS = ("boat_name", "registration", "owner")

    def __init__(self, repo: SlipRepository):
        self.repo = repo

    def _matcher(self, req):
        term = req.get_param("q") or ""
        if req.get_param_as_bool("regex"):
            pattern = term
        else:
            pattern = ".*".join(term.split())
        flags = re.IGNORECASE if req.get_param_as_bool("icase", default=True) else 0
        return re.compile(pattern, flags)  # VULN flow

    def on_get(self, req, resp):
        try:
            matcher = self._matcher(req)
        except re.error as exc:
            raise falcon.HTTPBadRequest(title="bad pattern", description=str(exc))

        pier = req.get_param("pier")
        hits = []
        for row in self.repo.all_assignments():
            if pier and row["pier"] != pier:
                continue
            if any(matcher.search(str(row[f] or "")) for f in self.FIELDS):
                hits.append(row)

        log.info("slip search: %d hits", len(hits))
        resp.text = json.dumps({"count": len(hits), "results": hits[:100]})
        resp.content_type = falcon.MEDIA_JSON


class HealthResource:
    def on_get(self, req, resp):
        resp.media = {"ok": True}


def create_app() -> falcon.App:
    app = falcon.App()
    app.add_route("/slips/search", SlipSearchResource(SlipRepository()))
    app.add_route("/healthz", HealthResource())
    return app


app = create_app()
