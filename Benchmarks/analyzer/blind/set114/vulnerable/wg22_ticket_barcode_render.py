"""Tornado app behind the handheld ticket checkers at the aquarium entrance.

Staff scan a barcode; the device opens /check?code=... and shows the result
page full-screen.
"""
import logging
from datetime import date

import tornado.ioloop
import tornado.web

log = logging.getLogger("ticket_check")

TICKETS: dict[str, dict] = {}


def load_tickets(path: str = "/var/lib/zoo/tickets_today.csv") -> None:
    with open(path) as fh:
        for line in fh:
            code, holder, kind, valid_on = line.rstrip("\n").split(",")
            TICKETS[code] = {"holder": holder, "kind": kind, "valid_on": valid_on, "used": False}


class BasePage(tornado.web.RequestHandler):
    def page(self, title: str, body: str, status: int = 200) -> None:
        self.set_status(status)
        self.write(  # VULN flow
            "<!doctype html><html><head><meta name='viewport' content='width=device-width'>"
            f"<title>{title}</title><link rel='stylesheet' href='/static/check.css'></head>"
            f"<body>{body}</body></html>"
        )


class CheckHandler(BasePage):
    def get(self):
        code = self.get_argument("code", "").strip()
        gate = self.get_argument("gate", "main")
        ticket = TICKETS.get(code)
        if ticket is None:
            log.info("unknown ticket %r at gate %r", code, gate)
            return self.page("Not found", f"<h1 class='bad'>Ticket {code} not recognised</h1>", 404)
        if ticket["valid_on"] != date.today().isoformat():
            return self.page("Wrong day", f"<h1 class='bad'>Valid on {ticket['valid_on']}</h1>", 409)
        if ticket["used"]:
            return self.page("Already used", "<h1 class='bad'>Already scanned</h1>", 409)
        ticket["used"] = True
        body = (
            f"<h1 class='ok'>Welcome, {ticket['holder']}</h1>"
            f"<p>{ticket['kind']} ticket &middot; gate {gate}</p>"
        )
        self.page("OK", body)


def make_app() -> tornado.web.Application:
    return tornado.web.Application(
        [(r"/check", CheckHandler)],
        static_path="/srv/zoo/ticket-check/static",
    )


if __name__ == "__main__":
    logging.basicConfig(level=logging.INFO)
    load_tickets()
    make_app().listen(8888, address="127.0.0.1")
    tornado.ioloop.IOLoop.current().start()
