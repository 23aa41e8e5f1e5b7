"""Yard equipment checkout / return API (Falcon)."""
import logging
import sqlite3
from datetime import datetime, timezone

import falcon

log = logging.getLogger("yard.checkout")
DB_PATH = "/var/lib/yard/equipment.db"


def db() -> sqlite3.Connection:
    con = sqlite3.connect(DB_PATH)
    con.row_factory = sqlite3.Row
    return con


def now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


class CheckoutResource:
    def on_post(self, req: falcon.Request, resp: falcon.Response, asset_tag: str) -> None:
        body = req.get_media() or {}
        operator = str(body.get("operator", "")).strip()
        site = str(body.get("site_code", "")).strip()
        if not operator or not site:
            raise falcon.HTTPBadRequest(description="operator and site_code required")
        with db() as con:
            row = con.execute("SELECT status FROM assets WHERE tag = ?", (asset_tag,)).fetchone()
            if row is None:
                raise falcon.HTTPNotFound()
            if row["status"] != "available":
                raise falcon.HTTPConflict(description="asset not available")
            con.execute(
                "UPDATE assets SET status = 'out', holder = ?, site_code = ?, out_at = ? WHERE tag = ?",
                (operator, site, now(), asset_tag),
            )
        log.info("asset %r checked out by %r to site %r", asset_tag, operator, site)
        resp.media = {"asset": asset_tag, "status": "out"}


class ReturnResource:
    def on_post(self, req: falcon.Request, resp: falcon.Response, asset_tag: str) -> None:
        body = req.get_media() or {}
        hours = float(body.get("engine_hours", 0))
        damaged = bool(body.get("damaged", False))
        with db() as con:
            updated = con.execute(
                "UPDATE assets SET status = ?, holder = NULL, engine_hours = ?, in_at = ? "
                "WHERE tag = ? AND status = 'out'",
                ("inspection" if damaged else "available", hours, now(), asset_tag),
            ).rowcount
        if not updated:
            raise falcon.HTTPConflict(description="asset is not checked out")
        if damaged:
            log.warning("damage reported on %r: %r", asset_tag, body.get("damage_note", ""))
        resp.media = {"asset": asset_tag, "status": "returned"}


app = falcon.App()
app.add_route("/assets/{asset_tag}/checkout", CheckoutResource())
app.add_route("/assets/{asset_tag}/return", ReturnResource())
