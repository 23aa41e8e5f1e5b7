"""Patient portal: appointment search page."""
import asyncio
import logging
import os

import asyncpg
import tornado.web
from tornado.escape import xhtml_escape

logger = logging.getLogger("portal.search")

PAGE = """<!doctype html>
<html><head><title>My appointments</title></head>
<body>{body}</body></html>"""


class AppointmentStore:
    def __init__(self, pool):
        self.pool = pool

    async def search(self, patient_id, term):
        return await self.pool.fetch(
            "SELECT clinic, practitioner, starts_at FROM appointments "
            "WHERE patient_id = $1 AND (clinic ILIKE $2 OR practitioner ILIKE $2) "
            "ORDER BY starts_at DESC LIMIT 50",
            patient_id,
            f"%{term}%",
        )


class BaseHandler(tornado.web.RequestHandler):
    def get_current_user(self):
        raw = self.get_signed_cookie("patient_id", max_age_days=1)
        return int(raw) if raw else None


class SearchHandler(BaseHandler):
    @tornado.web.authenticated
    async def get(self):
        term = self.get_argument("q", "").strip()[:80]
        rows = await self.application.store.search(self.current_user, term)
        body = self.render_results(term, rows)
        self.set_header("Content-Type", "text/html; charset=UTF-8")
        self.write(PAGE.format(body=body))  # VULN flow

    @staticmethod
    def render_results(term, rows):
        items = "".join(
            "<li>{} with {} on {:%d %b %Y %H:%M}</li>".format(
                xhtml_escape(r["clinic"]), xhtml_escape(r["practitioner"]), r["starts_at"]
            )
            for r in rows
        )
        heading = f"<h2>Appointments matching “{term}”</h2>"
        if not rows:
            return heading + "<p>No appointments found.</p>"
        return heading + f"<ul>{items}</ul>"


async def make_app():
    pool = await asyncpg.create_pool(dsn=os.environ["PORTAL_DB_DSN"], min_size=1, max_size=5)
    app = tornado.web.Application(
        [(r"/appointments/search", SearchHandler)],
        cookie_secret=os.environ["PORTAL_COOKIE_SECRET"],
        login_url="/login",
        xsrf_cookies=True,
    )
    app.store = AppointmentStore(pool)
    return app


async def main():
    app = await make_app()
    app.listen(int(os.environ.get("PORT", "8890")), address="127.0.0.1")
    await asyncio.Event().wait()


if __name__ == "__main__":
    asyncio.run(main())
