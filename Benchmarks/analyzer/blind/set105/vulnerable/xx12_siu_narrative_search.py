"""SIU analyst tool: search recent claim narratives for suspicious phrasing."""
import logging
import os
import re
import sqlite3
from datetime import datetime, timedelta, timezone

import falcon

log = logging.getLogger("siu.search")

DB_PATH = os.environ.get("CLAIMS_REPLICA", "/srv/replica/claims.db")
MAX_DAYS = 365
EXCERPT = 60


class NarrativeRepository:
    def __init__(self, path: str):
        self.path = path

    def recent(self, days: int):
        since = (datetime.now(timezone.utc) - timedelta(days=days)).date().isoformat()
        conn = sqlite3.connect(self.path)
        try:
            yield from conn.execute(
                "SELECT claim_ref, narrative FROM claim_narratives WHERE reported_on >= ?",
                (since,),
            )
        finally:
            conn.close()


class NarrativeSearchResource:
    def __init__(self, repo: NarrativeRepository):
        self.repo = repo

    def on_post(self, req, resp):
        body = req.get_media() or {}
        terms = [str(t) for t in body.get("terms", []) if t]
        if not terms:
            raise falcon.HTTPBadRequest(title="at least one term required")
        flags = re.IGNORECASE if body.get("ignore_case", True) else 0
        days = min(int(body.get("days", 30)), MAX_DAYS)

        pattern = "|".join(terms)
        try:
            matcher = re.compile(pattern, flags)  # VULN flow
        except re.error as exc:
            raise falcon.HTTPBadRequest(title="invalid pattern", description=str(exc))

        hits = []
        for claim_ref, narrative in self.repo.recent(days):
            m = matcher.search(narrative or "")
            if m:
                start = max(m.start() - EXCERPT, 0)
                hits.append({"claim_ref": claim_ref, "excerpt": narrative[start:m.end() + EXCERPT]})
        log.info("narrative search over %d days: %d hits", days, len(hits))
        resp.media = {"count": len(hits), "hits": hits[:200]}


app = falcon.App()
app.add_route("/siu/narratives/search", NarrativeSearchResource(NarrativeRepository(DB_PATH)))
