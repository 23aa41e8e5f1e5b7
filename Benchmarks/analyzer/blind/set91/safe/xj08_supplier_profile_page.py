"""Public supplier profile pages shown to buyers browsing the catalogue."""
import logging
from html import escape

import bottle
from bottle import abort, request, response, route

from catalogue.store import SupplierStore

log = logging.getLogger("catalogue.profile")
store = SupplierStore.from_env()

PAGE = """<!doctype html>
<html><head><title>{title} - Supplier profile</title>
<link rel="stylesheet" href="/static/catalogue.css"></head>
<body>
<header><a href="/suppliers">&larr; All suppliers</a></header>
<main>
  <h1>{title}</h1>
  <p class="tagline">{tagline}</p>
  <section class="about">{about}</section>
  <h2>Certifications</h2>
  <ul>{certs}</ul>
  {search_note}
</main>
</body></html>
"""


def render_certifications(certs):
    items = []
    for c in certs:
        items.append("<li>%s (expires %s)</li>" % (escape(c["name"]), escape(str(c["expires_on"]))))
    return "".join(items) or "<li>None on file</li>"


def render_profile(supplier, highlight=None):
    note = ""
    if highlight:
        note = '<p class="note">Showing results matching <b>%s</b></p>' % escape(highlight)
    return PAGE.format(
        title=escape(supplier["display_name"]),
        tagline=escape(supplier.get("tagline") or ""),
        about=escape(supplier.get("about") or ""),
        certs=render_certifications(supplier.get("certifications", [])),
        search_note=note,
    )


@route("/suppliers/<slug>")
def supplier_profile(slug):
    supplier = store.by_slug(slug)
    if supplier is None or not supplier.get("published"):
        abort(404, "Supplier not found")
    response.content_type = "text/html; charset=utf-8"
    html = render_profile(supplier, request.query.getunicode("q"))
    return html


@route("/suppliers/<slug>/preview")
def supplier_preview(slug):
    # lets a logged-in vendor preview the page before publishing
    supplier = store.by_slug(slug, include_unpublished=True)
    if supplier is None:
        abort(404, "Supplier not found")
    response.content_type = "text/html; charset=utf-8"
    return render_profile(supplier)


app = bottle.default_app()
