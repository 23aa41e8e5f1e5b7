"""Falcon API exposing the apparatus/unit roster to station alerting systems."""
import logging
import os

import falcon
import psycopg2
import psycopg2.extras

log = logging.getLogger("roster.api")

DSN = os.environ.get("ROSTER_DSN", "dbname=cad user=roster_ro host=db1")
SORT_COLUMNS = {
    "unit_id": "unit_id",
    "type": "unit_type",
    "station": "station_id",
    "status": "status",
}
DIRECTIONS = {"asc": "ASC", "desc": "DESC"}


class Database:
    def __init__(self, dsn):
        self.dsn = dsn

    def query(self, sql, params=()):
        conn = psycopg2.connect(self.dsn)
        try:
            with conn.cursor(cursor_factory=psycopg2.extras.RealDictCursor) as cur:
                cur.execute(sql, params)
                return cur.fetchall()
        finally:
            conn.close()


class UnitCollection:
    def __init__(self, db):
        self.db = db

    def on_get(self, req, resp):
        station = req.get_param("station")
        unit_type = req.get_param("type")
        sort = SORT_COLUMNS.get(req.get_param("sort", default="unit_id"), "unit_id")
        direction = DIRECTIONS.get(req.get_param("dir", default="asc").lower(), "ASC")

        sql = "SELECT unit_id, unit_type, station_id, status, crew_count FROM units"
        where, params = [], []
        if station:
            where.append("station_id = %s")
            params.append(station)
        if unit_type:
            where.append("unit_type = %s")
            params.append(unit_type)
        if where:
            sql += " WHERE " + " AND ".join(where)
        sql += " ORDER BY " + sort + " " + direction

        resp.media = {"units": self.db.query(sql, params)}


class UnitItem:
    def __init__(self, db):
        self.db = db

    def on_get(self, req, resp, unit_id):
        rows = self.db.query(
            "SELECT unit_id, unit_type, station_id, status, crew_count FROM units WHERE unit_id = %s",
            (unit_id,),
        )
        if not rows:
            raise falcon.HTTPNotFound()
        resp.media = rows[0]


db = Database(DSN)
app = falcon.App()
app.add_route("/units", UnitCollection(db))
app.add_route("/units/{unit_id}", UnitItem(db))
