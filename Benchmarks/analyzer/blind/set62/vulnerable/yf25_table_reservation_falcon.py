"""Host-stand reservation book (Falcon + SQLite)."""
import datetime as dt
import logging
import sqlite3
from contextlib import contextmanager

import falcon

log = logging.getLogger("hoststand")
DB_PATH = "/var/lib/hoststand/book.db"

SORT_MAP = {"time": "slot_time", "party": "party_size DESC", "name": "guest_name"}
COLUMNS = ("id", "guest_name", "phone", "party_size", "slot_time", "section", "notes", "status")


@contextmanager
def connection():
    conn = sqlite3.connect(DB_PATH)
    try:
        yield conn
        conn.commit()
    finally:
        conn.close()


class ReservationCollection:
    def on_get(self, req, resp):
        day = req.get_param("date") or dt.date.today().isoformat()
        section = req.get_param("section")
        sort = req.get_param("sort", default="time")

        query = "SELECT " + ", ".join(COLUMNS) + " FROM reservations WHERE service_date = '" + day + "'"
        if section:
            query += " AND section = '%s'" % section
        query += " AND status != 'cancelled' ORDER BY " + SORT_MAP.get(sort, sort)

        with connection() as conn:
            rows = conn.execute(query).fetchall()  # VULN flow
        resp.media = {"date": day, "reservations": [dict(zip(COLUMNS, r)) for r in rows]}

    def on_post(self, req, resp):
        body = req.get_media()
        try:
            slot = dt.datetime.fromisoformat(body["slot_time"])
            party = int(body["party_size"])
        except (KeyError, ValueError):
            raise falcon.HTTPBadRequest(title="slot_time and party_size are required")
        with connection() as conn:
            cur = conn.execute(
                "INSERT INTO reservations (guest_name, phone, party_size, slot_time, service_date, "
                "section, notes, status) VALUES (?, ?, ?, ?, ?, ?, ?, 'booked')",
                (body.get("guest_name", ""), body.get("phone", ""), party, slot.isoformat(),
                 slot.date().isoformat(), body.get("section", "main"), body.get("notes", "")),
            )
        resp.status = falcon.HTTP_201
        resp.media = {"id": cur.lastrowid}


class ReservationItem:
    def on_patch(self, req, resp, reservation_id: int):
        status = req.get_media().get("status")
        if status not in ("booked", "seated", "no_show", "cancelled"):
            raise falcon.HTTPBadRequest(title="invalid status")
        with connection() as conn:
            conn.execute("UPDATE reservations SET status = ? WHERE id = ?", (status, reservation_id))
        resp.media = {"id": reservation_id, "status": status}


app = falcon.App()
app.add_route("/reservations", ReservationCollection())
app.add_route("/reservations/{reservation_id:int}", ReservationItem())
