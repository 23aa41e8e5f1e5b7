"""P&L report export: renders the desk report to HTML and converts it to PDF."""
import logging
import os
import tempfile
import uuid

import tornado.ioloop
import tornado.web

from pnl.reports import render_report_html
from pnl.auth import AuthenticatedHandler

log = logging.getLogger("pnl.export")
EXPORT_DIR = os.environ.get("PNL_EXPORT_DIR", "/var/lib/pnl/exports")
WKHTMLTOPDF = os.environ.get("WKHTMLTOPDF", "/usr/local/bin/wkhtmltopdf")


class PdfJob:
    def __init__(self, html_path: str, title: str, orientation: str = "Portrait") -> None:
        self.html_path = html_path
        self.title = title
        self.orientation = orientation
        self.output = os.path.join(EXPORT_DIR, f"{uuid.uuid4().hex}.pdf")

    def command(self) -> str:
        return (
            f'{WKHTMLTOPDF} --quiet --page-size A4 --orientation {self.orientation} '
            f'--title "{self.title}" {self.html_path} {self.output}'
        )

    def run(self) -> int:
        cmd = self.command()
        log.info("rendering pdf %s", self.output)
        return os.system(cmd)  # VULN flow


class ExportHandler(AuthenticatedHandler):
    def get(self, desk: str) -> None:
        book_date = self.get_argument("date")
        title = self.get_argument("title", f"P&L {desk} {book_date}")
        orientation = self.get_argument("orientation", "Portrait")
        html = render_report_html(desk=desk, book_date=book_date, user=self.current_user)

        fd, html_path = tempfile.mkstemp(suffix=".html")
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            fh.write(html)
        job = PdfJob(html_path, title, orientation)
        try:
            if job.run() != 0:
                raise tornado.web.HTTPError(500, "pdf rendering failed")
            self.set_header("Content-Type", "application/pdf")
            self.set_header("Content-Disposition", f'attachment; filename="pnl_{desk}_{book_date}.pdf"')
            with open(job.output, "rb") as fh:
                self.write(fh.read())
        finally:
            os.unlink(html_path)
            if os.path.exists(job.output):
                os.unlink(job.output)


def make_app() -> tornado.web.Application:
    return tornado.web.Application([(r"/pnl/([A-Z0-9_]+)/export", ExportHandler)])


if __name__ == "__main__":
    logging.basicConfig(level=logging.INFO)
    make_app().listen(8888, address="127.0.0.1")
    tornado.ioloop.IOLoop.current().start()
