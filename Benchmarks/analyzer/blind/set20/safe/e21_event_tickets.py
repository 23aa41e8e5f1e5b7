"""Ticketing front end: seat-map fragments and the post-checkout bounce page."""
import json
import logging
import os
from typing import Dict, List
from urllib.parse import urlsplit

import tornado.ioloop
import tornado.web
from tornado.escape import xhtml_escape

log = logging.getLogger("tickets")

SEATS: Dict[str, Dict[str, List[str]]] = {
    "arena-2024-11-02": {"A": ["A1", "A2", "A7"], "B": ["B3"], "FLOOR": ["F12", "F13", "F14"]},
}


class BaseHandler(tornado.web.RequestHandler):
    def get_current_user(self):
        raw = self.get_secure_cookie("ticket_user")
        return json.loads(raw) if raw else None


def seat_list(free: List[str]) -> str:
    items = "".join(f"<li class='seat'>{xhtml_escape(s)}</li>" for s in free)
    return f"<section class='seatmap'><p>{len(free)} seats left</p><ul>{items}</ul></section>"


def local_path(target: str, default: str = "/events") -> str:
    parts = urlsplit(target)
    if parts.scheme or parts.netloc or not target.startswith("/") or target.startswith("//") or "\\" in target:
        return default
    return target


class SeatMapHandler(BaseHandler):
    def get(self, event_id: str):
        event = SEATS.get(event_id)
        if event is None:
            raise tornado.web.HTTPError(404)
        free = event.get(self.get_argument("section", "A"), [])
        self.set_header("Content-Type", "text/html; charset=UTF-8")
        self.write(f"<h2>Section {xhtml_escape(self.get_argument('section', 'A'))}</h2>")
        self.write(seat_list(free))


class CheckoutDoneHandler(BaseHandler):
    @tornado.web.authenticated
    def get(self):
        order = self.get_argument("order")
        log.info("checkout complete for order %r", order)
        self.redirect(local_path(self.get_argument("return_to", "/events")))


class HoldHandler(BaseHandler):
    @tornado.web.authenticated
    def post(self, event_id: str):
        seat = self.get_body_argument("seat")
        for section, free in SEATS.get(event_id, {}).items():
            if seat in free:
                free.remove(seat)
                self.write({"held": seat, "section": section})
                return
        raise tornado.web.HTTPError(409)


def make_app() -> tornado.web.Application:
    return tornado.web.Application(
        [
            (r"/events/([\w-]+)/seats", SeatMapHandler),
            (r"/events/([\w-]+)/hold", HoldHandler),
            (r"/checkout/done", CheckoutDoneHandler),
        ],
        cookie_secret=os.environ["TICKETS_COOKIE_SECRET"],
        login_url="/login",
        xsrf_cookies=True,
    )


if __name__ == "__main__":
    make_app().listen(8890, address="127.0.0.1")
    tornado.ioloop.IOLoop.current().start()
