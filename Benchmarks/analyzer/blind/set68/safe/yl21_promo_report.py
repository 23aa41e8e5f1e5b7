"""Promotion performance report for the merchandising dashboard (Falcon)."""
import logging
import os
from datetime import date, timedelta

import falcon
import psycopg2
import psycopg2.extras

log = logging.getLogger("reports.promo")

COLUMNS = "campaign, store_id, day, redemptions, discount_total"
SORT_COLUMNS = {
    "redemptions": "redemptions",
    "discount": "discount_total",
    "day": "day",
    "store": "store_id",
    "campaign": "campaign",
}


class PromoReportResource:
    default_sort = "redemptions"

    def __init__(self, dsn: str) -> None:
        self.dsn = dsn

    def _build_query(self, campaign, store, sort: str, direction: str) -> str:
        sql = f"SELECT {COLUMNS} FROM promo_daily WHERE day >= %(since)s"
        if campaign:
            sql += " AND campaign = %(campaign)s"
        if store is not None:
            sql += " AND store_id = %(store)s"
        sql += f" ORDER BY {SORT_COLUMNS[sort]} {direction} LIMIT 500"
        return sql

    def on_get(self, req: falcon.Request, resp: falcon.Response) -> None:
        since = req.get_param_as_date("since") or (date.today() - timedelta(days=30))
        campaign = req.get_param("campaign")
        store = req.get_param_as_int("store")
        sort = req.get_param("sort") or self.default_sort
        if sort not in SORT_COLUMNS:
            raise falcon.HTTPBadRequest(title="bad sort", description=f"sort must be one of {sorted(SORT_COLUMNS)}")
        direction = "DESC" if req.get_param_as_bool("desc", default=True) else "ASC"

        sql = self._build_query(campaign, store, sort, direction)
        try:
            with psycopg2.connect(self.dsn) as conn:
                with conn.cursor(cursor_factory=psycopg2.extras.RealDictCursor) as cur:
                    cur.execute(sql, {"since": since, "store": store, "campaign": campaign})
                    rows = cur.fetchall()
        except psycopg2.Error:
            log.exception("promo report query failed")
            raise falcon.HTTPInternalServerError(title="report unavailable")

        for row in rows:
            row["day"] = row["day"].isoformat()
            row["discount_total"] = float(row["discount_total"])
        resp.media = {"since": since.isoformat(), "count": len(rows), "rows": rows}


app = falcon.App()
app.add_route("/reports/promotions", PromoReportResource(os.environ.get("REPORTS_DSN", "dbname=reports")))
