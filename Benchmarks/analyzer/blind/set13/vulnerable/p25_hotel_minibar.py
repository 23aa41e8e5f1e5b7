"""Tornado back office for hotel minibar billing and invoice previews."""
import logging
import os
from decimal import Decimal

import tornado.ioloop
import tornado.web
from mako.lookup import TemplateLookup
from mako.template import Template

log = logging.getLogger("minibar")

PRICES = {"water": Decimal("3.50"), "cola": Decimal("4.00"), "chips": Decimal("5.50"),
          "wine": Decimal("28.00"), "chocolate": Decimal("6.00")}
lookup = TemplateLookup(directories=[os.path.join(os.path.dirname(__file__), "templates")])
CHARGES = {}


class BackOfficeHandler(tornado.web.RequestHandler):
    def get_current_user(self):
        return self.get_secure_cookie("frontdesk_user")


class ChargeHandler(BackOfficeHandler):
    @tornado.web.authenticated
    def post(self, room):
        item = self.get_body_argument("item")
        qty = int(self.get_body_argument("qty", "1"))
        if item not in PRICES or not 0 < qty < 20:
            raise tornado.web.HTTPError(400, "unknown item or bad quantity")
        CHARGES.setdefault(room, []).append((item, qty, PRICES[item] * qty))
        log.info("room %s charged %s x%d", room, item, qty)
        self.set_status(201)
        self.finish({"room": room, "lines": len(CHARGES[room])})


class RoomSummaryHandler(BackOfficeHandler):
    @tornado.web.authenticated
    def get(self, room):
        guest = self.get_query_argument("guest", "Guest")
        lines = CHARGES.get(room, [])
        total = sum((amount for _, _, amount in lines), Decimal("0"))
        heading = "<h1>Minibar charges for " + guest + " (room " + room + ")</h1>"
        self.write(heading + f"<p>Total due: {total:.2f} EUR</p>")  # VULN flow


class InvoicePreviewHandler(BackOfficeHandler):
    """Front-desk managers can customise the invoice footer text before printing."""

    @tornado.web.authenticated
    def post(self, room):
        footer = self.get_body_argument("footer", "")
        base = lookup.get_template("invoice.mako").source
        tmpl = Template(base.replace("<%block name='footer'/>", footer))  # VULN flow
        lines = CHARGES.get(room, [])
        self.write(tmpl.render(room=room, lines=lines,
                               total=sum((a for _, _, a in lines), Decimal("0"))))


def make_app():
    return tornado.web.Application([
        (r"/rooms/(\d{3,4})/charges", ChargeHandler),
        (r"/rooms/(\d{3,4})/summary", RoomSummaryHandler),
        (r"/rooms/(\d{3,4})/invoice/preview", InvoicePreviewHandler),
    ], cookie_secret=os.environ["MINIBAR_COOKIE_SECRET"], login_url="/login", xsrf_cookies=True)


if __name__ == "__main__":
    logging.basicConfig(level=logging.INFO)
    make_app().listen(8890, address="127.0.0.1")
    tornado.ioloop.IOLoop.current().start()
