"""Operator dashboard: tenant overview pages (Tornado)."""
import logging

import tornado.web
from tornado.escape import xhtml_escape

from ops.store import TenantStore

log = logging.getLogger("ops.dashboard")

PAGE = """<!doctype html>
<html><head><title>{title}</title><link rel="stylesheet" href="/static/ops.css"></head>
<body>
<form method="get" action="/tenants"><input name="q" value="{query}"><button>Search</button></form>
<p>{count} tenants matching <b>{query}</b></p>
<table class="tenants">
<tr><th>Name</th><th>Plan</th><th>Owner</th><th>Seats</th></tr>
{rows}
</table>
</body></html>"""

ROW = '<tr><td><a href="/tenants/{id}">{name}</a></td><td>{plan}</td><td>{owner_email}</td><td>{seats}</td></tr>'


def render_rows(tenants):
    return "\n".join(ROW.format(**{k: xhtml_escape(str(v)) for k, v in t.items()}) for t in tenants)


class BaseHandler(tornado.web.RequestHandler):
    def get_current_user(self):
        return self.get_secure_cookie("ops_user")

    @property
    def store(self) -> TenantStore:
        return self.application.settings["tenant_store"]


class TenantListHandler(BaseHandler):
    @tornado.web.authenticated
    async def get(self):
        query = self.get_argument("q", "").strip()
        tenants = await self.store.search(query, limit=200)
        page = PAGE.format(title="Tenants", query=xhtml_escape(query), count=len(tenants), rows=render_rows(tenants))
        self.set_header("Content-Type", "text/html; charset=utf-8")
        self.write(page)


class TenantDetailHandler(BaseHandler):
    @tornado.web.authenticated
    async def get(self, tenant_id):
        tenant = await self.store.get(tenant_id)
        if tenant is None:
            raise tornado.web.HTTPError(404)
        note = tenant.get("support_note") or "none"
        html = (
            f"<h1>{xhtml_escape(tenant['name'])}</h1>"
            f"<p>Plan: {xhtml_escape(tenant['plan'])} &middot; Seats: {int(tenant['seats'])}</p>"
            f"<p>Support note: {xhtml_escape(note)}</p>"
        )
        self.set_header("Content-Type", "text/html; charset=utf-8")
        self.write(html)


def make_app(store: TenantStore, cookie_secret: str) -> tornado.web.Application:
    return tornado.web.Application(
        [
            (r"/tenants", TenantListHandler),
            (r"/tenants/([0-9a-f-]{36})", TenantDetailHandler),
        ],
        cookie_secret=cookie_secret,
        login_url="/login",
        xsrf_cookies=True,
        tenant_store=store,
    )
