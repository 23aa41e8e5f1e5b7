"""Lightweight ticket triage console for the support back office."""
import logging

import tornado.ioloop
import tornado.web

from .store import TicketStore

log = logging.getLogger("triage")

PAGE_HEAD = """<!doctype html><html><head><title>Triage</title>
<link rel="stylesheet" href="/static/triage.css"></head><body>"""
PAGE_TAIL = "</body></html>"


def render_row(ticket):
    return (
        "<tr>"
        f"<td>{ticket['id']}</td>"
        f"<td>{ticket['customer_email']}</td>"
        f"<td><a href='/tickets/{ticket['id']}'>{ticket['subject']}</a></td>"
        f"<td>{ticket['status']}</td>"
        "</tr>"
    )


class BaseHandler(tornado.web.RequestHandler):
    def get_current_user(self):
        return self.get_signed_cookie("agent")

    @property
    def store(self) -> TicketStore:
        return self.application.settings["store"]


class TicketListHandler(BaseHandler):
    @tornado.web.authenticated
    def get(self):
        query = self.get_argument("q", "")
        tickets = self.store.search(query, limit=100)
        rows = "".join(render_row(t) for t in tickets)
        heading = f"<h2>{len(tickets)} tickets matching &quot;{query}&quot;</h2>"
        self.write(PAGE_HEAD)
        self.write(heading)  # VULN flow
        self.write("<table class='tickets'>" + rows + "</table>")  # VULN flow
        self.write(PAGE_TAIL)


class TicketDetailHandler(BaseHandler):
    @tornado.web.authenticated
    def get(self, ticket_id):
        ticket = self.store.get(int(ticket_id))
        if ticket is None:
            raise tornado.web.HTTPError(404)
        self.render("ticket.html", ticket=ticket)


def make_app(store):
    return tornado.web.Application(
        [
            (r"/tickets", TicketListHandler),
            (r"/tickets/(\d+)", TicketDetailHandler),
        ],
        cookie_secret=store.cookie_secret,
        login_url="/login",
        template_path="templates",
        xsrf_cookies=True,
        store=store,
    )


if __name__ == "__main__":
    logging.basicConfig(level=logging.INFO)
    store = TicketStore.from_env()
    make_app(store).listen(8890, address="127.0.0.1")
    tornado.ioloop.IOLoop.current().start()
