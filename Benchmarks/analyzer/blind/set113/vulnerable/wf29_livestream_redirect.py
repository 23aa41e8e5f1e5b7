"""Click-through tracker for memorial livestream links (Falcon).

Livestream buttons in obituary emails and on memorial pages point at
``/live/<memorial_id>/go?to=<stream url>`` so the family's keepsake report can show
how many people joined the service online.
"""
import logging
import os
import sqlite3
import time

import falcon

log = logging.getLogger("live_redirect")

DB_PATH = os.environ.get("LIVE_CLICKS_DB", "/var/lib/memorials/live_clicks.db")
FALLBACK = "https://memorials.heritagefuneral.example/m/{memorial_id}"


class ClickLog:
    def __init__(self, path: str):
        self.conn = sqlite3.connect(path, check_same_thread=False)
        self.conn.execute(
            "CREATE TABLE IF NOT EXISTS live_clicks "
            "(memorial_id INTEGER, clicked_at INTEGER, source TEXT, client TEXT)"
        )

    def record(self, memorial_id: int, source: str, client: str) -> None:
        with self.conn:
            self.conn.execute(
                "INSERT INTO live_clicks VALUES (?, ?, ?, ?)",
                (memorial_id, int(time.time()), source[:32], client),
            )

    def count(self, memorial_id: int) -> int:
        return self.conn.execute(
            "SELECT COUNT(*) FROM live_clicks WHERE memorial_id = ?", (memorial_id,)
        ).fetchone()[0]


class LiveLinkResource:
    def __init__(self, clicks: ClickLog):
        self.clicks = clicks

    def on_get(self, req, resp, memorial_id: int):
        target = req.get_param("to") or FALLBACK.format(memorial_id=memorial_id)
        source = req.get_param("src", default="web")
        self.clicks.record(memorial_id, source, req.remote_addr)
        raise falcon.HTTPFound(target)  # VULN flow


class LiveStatsResource:
    def __init__(self, clicks: ClickLog):
        self.clicks = clicks

    def on_get(self, req, resp, memorial_id: int):
        resp.media = {"memorial_id": memorial_id, "clicks": self.clicks.count(memorial_id)}


clicks = ClickLog(DB_PATH)
app = falcon.App()
app.add_route("/live/{memorial_id:int}/go", LiveLinkResource(clicks))
app.add_route("/live/{memorial_id:int}/stats", LiveStatsResource(clicks))
