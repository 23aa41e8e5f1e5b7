"""Kiosk check-in endpoint (Tornado).  Patients tap their name on the lobby
tablet; we mark the appointment arrived and write an audit trail."""
import json
import logging
from datetime import datetime, timezone

import tornado.ioloop
import tornado.web

audit = logging.getLogger("checkin.audit")
log = logging.getLogger("checkin")


class ArrivalBoard:
    def __init__(self):
        self.arrivals = {}

    def mark(self, appt_id: int, display_name: str, kiosk: str) -> dict:
        record = {
            "appointment": appt_id,
            "name": display_name,
            "kiosk": kiosk,
            "arrived_at": datetime.now(timezone.utc).isoformat(),
        }
        self.arrivals[appt_id] = record
        return record


def describe_arrival(record: dict, note: str):
    fmt = "ARRIVED appt=%d patient=%r kiosk=%r"
    args = [record["appointment"], record["name"], record["kiosk"]]
    if note:
        fmt += " note=%r"
        args.append(note)
    return fmt, args


class CheckInHandler(tornado.web.RequestHandler):
    def initialize(self, board: ArrivalBoard):
        self.board = board

    def post(self):
        try:
            body = json.loads(self.request.body or b"{}")
            appt_id = int(body["appointment_id"])
        except (ValueError, KeyError):
            self.set_status(400)
            self.finish({"error": "appointment_id required"})
            return
        name = body.get("display_name", "")
        note = body.get("note", "")
        kiosk = self.request.headers.get("X-Kiosk-Id", "lobby-1")
        record = self.board.mark(appt_id, name, kiosk)
        fmt, args = describe_arrival(record, note)
        audit.info(fmt, *args)
        self.finish({"ok": True, "arrived_at": record["arrived_at"]})


class BoardHandler(tornado.web.RequestHandler):
    def initialize(self, board: ArrivalBoard):
        self.board = board

    def get(self):
        self.finish({"arrivals": list(self.board.arrivals.values())})


def make_app() -> tornado.web.Application:
    board = ArrivalBoard()
    return tornado.web.Application([
        (r"/kiosk/checkin", CheckInHandler, {"board": board}),
        (r"/frontdesk/arrivals", BoardHandler, {"board": board}),
    ])


if __name__ == "__main__":
    logging.basicConfig(filename="/var/log/clinic/checkin.log", level=logging.INFO,
                        format="%(asctime)s %(name)s %(message)s")
    make_app().listen(8890, address="127.0.0.1")
    tornado.ioloop.IOLoop.current().start()
