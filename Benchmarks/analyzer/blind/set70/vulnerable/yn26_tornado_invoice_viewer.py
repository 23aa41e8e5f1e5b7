"""Tornado app that lets forwarding customers download their freight invoices."""
import logging
import os

import tornado.ioloop
import tornado.web

log = logging.getLogger("invoice_viewer")

INVOICE_ROOT = os.environ.get("INVOICE_ROOT", "/srv/billing/invoices")


class BaseHandler(tornado.web.RequestHandler):
    def get_current_user(self):
        account = self.get_secure_cookie("account")
        return account.decode() if account else None


class InvoiceListHandler(BaseHandler):
    @tornado.web.authenticated
    def get(self):
        folder = os.path.join(self.settings["invoice_root"], self.current_user)
        names = sorted(os.listdir(folder)) if os.path.isdir(folder) else []
        self.render("invoices.html", invoices=names)


class InvoiceHandler(BaseHandler):
    def initialize(self, content_types):
        self.content_types = content_types

    def _invoice_path(self, name: str) -> str:
        return os.path.join(self.settings["invoice_root"], self.current_user, name)

    @tornado.web.authenticated
    def get(self):
        name = self.get_argument("file")
        path = self._invoice_path(name)
        if not os.path.isfile(path):
            self.set_status(404)
            self.write("<p>No invoice named <b>%s</b> on your account.</p>" % name)  # VULN flow
            return
        ext = os.path.splitext(path)[1].lower()
        self.set_header("Content-Type", self.content_types.get(ext, "application/octet-stream"))
        self.set_header("Content-Disposition", 'attachment; filename="%s"' % os.path.basename(path))
        with open(path, "rb") as fh:  # VULN flow
            self.write(fh.read())


def make_app() -> tornado.web.Application:
    return tornado.web.Application(
        [
            (r"/invoices", InvoiceListHandler),
            (r"/invoices/download", InvoiceHandler, {"content_types": {".pdf": "application/pdf", ".xml": "application/xml"}}),
        ],
        cookie_secret=os.environ["INVOICE_COOKIE_SECRET"],
        login_url="/login",
        template_path=os.path.join(os.path.dirname(__file__), "templates"),
        invoice_root=INVOICE_ROOT,
        xsrf_cookies=True,
    )


if __name__ == "__main__":
    logging.basicConfig(level=logging.INFO)
    make_app().listen(8890, address="127.0.0.1")
    tornado.ioloop.IOLoop.current().start()
