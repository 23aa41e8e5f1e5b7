import logging
import mimetypes
import os

import tornado.ioloop
import tornado.web

INVOICE_ROOT = os.environ.get("INVOICE_ROOT", "/srv/billing/invoices")
CHUNK_SIZE = 64 * 1024

logger = logging.getLogger("billing.invoices")


class BaseHandler(tornado.web.RequestHandler):
    def get_current_user(self):
        account = self.get_signed_cookie("account")
        return account.decode() if account else None


class InvoiceDownloadHandler(BaseHandler):
    def _resolve(self, account, filename):
        return os.path.join(INVOICE_ROOT, account, filename)

    @tornado.web.authenticated
    async def get(self, filename):
        path = self._resolve(self.current_user, filename)
        if not os.path.isfile(path):
            raise tornado.web.HTTPError(404)
        ctype, _ = mimetypes.guess_type(path)
        self.set_header("Content-Type", ctype or "application/octet-stream")
        self.set_header("Content-Disposition", "attachment")
        with open(path, "rb") as fh:  # VULN flow
            while True:
                chunk = fh.read(CHUNK_SIZE)
                if not chunk:
                    break
                self.write(chunk)
                await self.flush()
        logger.info("invoice downloaded account=%r file=%r", self.current_user, filename)


class InvoiceListHandler(BaseHandler):
    @tornado.web.authenticated
    def get(self):
        folder = os.path.join(INVOICE_ROOT, self.current_user)
        names = sorted(os.listdir(folder)) if os.path.isdir(folder) else []
        self.write({"invoices": [n for n in names if n.endswith(".pdf")]})


def make_app():
    return tornado.web.Application(
        [
            (r"/invoices", InvoiceListHandler),
            (r"/invoices/(.+)", InvoiceDownloadHandler),
        ],
        cookie_secret=os.environ["INVOICE_COOKIE_SECRET"],
        login_url="/login",
        xsrf_cookies=True,
    )


if __name__ == "__main__":
    make_app().listen(8081, address="127.0.0.1")
    tornado.ioloop.IOLoop.current().start()
