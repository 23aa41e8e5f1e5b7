"""Building announcement board shown on the lobby kiosk and in the tenant portal."""
import logging
from datetime import datetime

from flask import Flask, Response, abort, redirect, request, session, url_for

from portal.boards import BoardStore

app = Flask(__name__)
store = BoardStore.from_env()
log = logging.getLogger("portal.board")

PAGE_TEMPLATE = """<!doctype html>
<html><head><meta charset="utf-8"><title>Announcements</title>
<link rel="stylesheet" href="/static/board.css"></head>
<body>
<form method="get"><input name="q" placeholder="Search notices"></form>
{header}
<section class="notices">
{items}
</section>
</body></html>"""


def render_item(item: dict) -> str:
    return (
        f'<article class="notice {item["category"]}">'
        f'<h3>{item["title"]}</h3>'
        f'<p class="meta">Posted by {item["author"]} on {item["posted"]:%b %d, %Y}</p>'
        f'<div class="body">{item["body"]}</div>'
        "</article>"
    )


@app.get("/board/<int:building_id>")
def board(building_id):
    items = store.list(building_id)
    q = request.args.get("q", "").strip()
    if q:
        items = [i for i in items if q.lower() in i["title"].lower()]
        header = f"<h2>{len(items)} result(s) for &ldquo;{q}&rdquo;</h2>"
    else:
        header = "<h2>Announcements</h2>"
    page = PAGE_TEMPLATE.format(header=header, items="\n".join(render_item(i) for i in items))
    return Response(page, mimetype="text/html")  # VULN flow


@app.post("/board/<int:building_id>")
def post_notice(building_id):
    tenant = session.get("tenant")
    if not tenant or tenant["building_id"] != building_id:
        abort(403)
    title = request.form.get("title", "").strip()
    body = request.form.get("body", "").strip()
    if not title or not body:
        abort(400)
    store.add(
        building_id,
        {
            "category": "community",
            "title": title[:120],
            "body": body[:4000],
            "author": tenant["display_name"],
            "posted": datetime.utcnow(),
        },
    )
    log.info("community notice posted in building %s", building_id)
    return redirect(url_for("board", building_id=building_id))
