"""Small feedback wall shown on the touchscreen kiosk outside the reptile house."""
import logging
import time
from collections import deque
from dataclasses import dataclass
from html import escape

from flask import Flask, Response, redirect, request, url_for

app = Flask(__name__)
log = logging.getLogger("feedback")

MAX_ENTRIES = 50


@dataclass
class Feedback:
    visitor: str
    exhibit: str
    comment: str
    posted: float


WALL: deque = deque(maxlen=MAX_ENTRIES)

PAGE_HEAD = """<!doctype html>
<html><head><meta charset="utf-8"><title>Reptile House - What did you think?</title>
<link rel="stylesheet" href="/static/kiosk.css"></head><body>
<h1>What did you think?</h1>
"""


def render_entry(fb: Feedback) -> str:
    when = time.strftime("%H:%M", time.localtime(fb.posted))
    return (
        '<div class="card">'
        f"<h3>{escape(fb.visitor)} on the {escape(fb.exhibit)}</h3>"
        f"<p>{escape(fb.comment)}</p><small>{when}</small></div>"
    )


@app.route("/wall")
def wall():
    filt = request.args.get("exhibit", "")
    parts = [PAGE_HEAD]
    if filt:
        parts.append(f"<p class='filter'>Showing comments about <b>{escape(filt)}</b></p>")
    for fb in reversed(WALL):
        if filt and fb.exhibit != filt:
            continue
        parts.append(render_entry(fb))
    parts.append("</body></html>")
    page = "".join(parts)
    return Response(page, mimetype="text/html")


@app.route("/wall", methods=["POST"])
def post_feedback():
    fb = Feedback(
        visitor=request.form.get("name", "Anonymous")[:40],
        exhibit=request.form.get("exhibit", "reptile house")[:40],
        comment=request.form.get("comment", "")[:500],
        posted=time.time(),
    )
    if fb.comment.strip():
        WALL.append(fb)
        log.info("feedback added for exhibit %r", fb.exhibit)
    return redirect(url_for("wall"))
