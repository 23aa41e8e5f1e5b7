"""Renders supplier invoices to PDF for the accounts-payable team of the plant ERP."""
import hmac
import logging
import os
import subprocess
import tempfile

import tornado.ioloop
import tornado.web

logger = logging.getLogger("invoice_pdf")
INVOICE_HTML_DIR = os.environ.get("INVOICE_HTML_DIR", "/srv/erp/invoices/html")
RENDER_API_KEY = os.environ["INVOICE_RENDER_API_KEY"]


class ApiKeyHandler(tornado.web.RequestHandler):
    def prepare(self):
        supplied = self.request.headers.get("X-Api-Key", "")
        if not hmac.compare_digest(supplied, RENDER_API_KEY):
            raise tornado.web.HTTPError(401)


class InvoicePdfHandler(ApiKeyHandler):
    def initialize(self, html_dir):
        self.html_dir = html_dir

    def build_command(self, source, target, title, page_size):
        return (
            f"wkhtmltopdf --quiet --page-size {page_size} "
            f'--title "{title}" {source} {target}'
        )

    def get(self, invoice_no):
        title = self.get_argument("title", f"Invoice {invoice_no}")
        page_size = self.get_argument("page_size", "A4")
        source = os.path.join(self.html_dir, f"{invoice_no}.html")
        if not os.path.isfile(source):
            raise tornado.web.HTTPError(404)

        with tempfile.TemporaryDirectory(prefix="invoice-pdf-") as workdir:
            target = os.path.join(workdir, f"{invoice_no}.pdf")
            command = self.build_command(source, target, title, page_size)
            subprocess.run(command, shell=True, check=True, timeout=120)  # VULN flow
            with open(target, "rb") as fh:
                pdf = fh.read()

        logger.info("rendered invoice %s (%d bytes)", invoice_no, len(pdf))
        self.set_header("Content-Type", "application/pdf")
        self.set_header("Content-Disposition", f'inline; filename="invoice-{invoice_no}.pdf"')
        self.finish(pdf)


def make_app():
    return tornado.web.Application(
        [(r"/invoices/(\d{6,10})/pdf", InvoicePdfHandler, {"html_dir": INVOICE_HTML_DIR})],
    )


if __name__ == "__main__":
    logging.basicConfig(level=logging.INFO)
    make_app().listen(8890, address="127.0.0.1")
    tornado.ioloop.IOLoop.current().start()
