"""Tornado handler rendering wiki pages with inline macros.

Macros look like  {{ macro: name(args) }} , e.g.
    {{ macro: today() }}
    {{ macro: count_open_tasks('SPRINT-12') }}
Space admins write them into page bodies; they are evaluated at render time.
"""
import ast
import datetime
import html
import logging
import re

from tornado import web

log = logging.getLogger("wiki.macros")
MACRO_RE = re.compile(r"\{\{\s*macro:\s*(.+?)\s*\}\}")
CALL_RE = re.compile(r"^(\w+)\((.*)\)$")


class MacroContext:
    def __init__(self, db, page):
        self.db = db
        self.page = page

    def namespace(self):
        return {
            "today": lambda: datetime.date.today().isoformat(),
            "page_title": lambda: self.page["title"],
            "count_open_tasks": self.count_open_tasks,
        }

    def count_open_tasks(self, sprint):
        row = self.db.execute(
            "SELECT count(*) FROM tasks WHERE sprint = ? AND status != 'done'", (sprint,)
        ).fetchone()
        return row[0]


def run_macro(source: str, ctx: MacroContext) -> str:
    ns = ctx.namespace()
    m = CALL_RE.match(source.strip())
    if not m or m.group(1) not in ns:
        raise ValueError("unknown macro")
    args = ast.literal_eval(f"({m.group(2)},)") if m.group(2).strip() else ()
    result = ns[m.group(1)](*args)
    return html.escape(str(result))


def expand_macros(body: str, ctx: MacroContext) -> str:
    def _sub(match):
        try:
            return run_macro(match.group(1), ctx)
        except Exception as exc:
            log.warning("macro failed on page %r: %r", ctx.page["slug"], exc)
            return '<span class="macro-error">macro error</span>'
    return MACRO_RE.sub(_sub, body)


class PageHandler(web.RequestHandler):
    def initialize(self, db):
        self.db = db

    def get(self, slug):
        row = self.db.execute("SELECT slug, title, body_html FROM pages WHERE slug = ?", (slug,)).fetchone()
        if row is None:
            raise web.HTTPError(404)
        page = {"slug": row[0], "title": row[1], "body": row[2]}
        body = expand_macros(page["body"], MacroContext(self.db, page))
        self.render("page.html", title=page["title"], body=body)


class MacroPreviewHandler(web.RequestHandler):
    def initialize(self, db):
        self.db = db

    def post(self):
        expr = self.get_body_argument("expr")
        ctx = MacroContext(self.db, {"slug": "preview", "title": "Preview"})
        try:
            self.write({"value": run_macro(expr, ctx)})
        except (ValueError, SyntaxError, TypeError):
            raise web.HTTPError(400)
