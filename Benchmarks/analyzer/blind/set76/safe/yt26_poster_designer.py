"""Printable setlist / gig poster designer.

Bands write a small Jinja template in the dashboard (fonts, ordering, which
fields to show); we render it with the gig data for preview and print.
"""
import logging

from flask import Flask, Response, abort, jsonify, request
from jinja2 import TemplateError
from jinja2.sandbox import SandboxedEnvironment

from gigs.repository import GigRepository

app = Flask(__name__)
log = logging.getLogger("posters")
repo = GigRepository()

env = SandboxedEnvironment(autoescape=True, trim_blocks=True, lstrip_blocks=True)
env.filters["mmss"] = lambda secs: f"{int(secs) // 60}:{int(secs) % 60:02d}"

DEFAULT_TEMPLATE = """<h1>{{ gig.band }} @ {{ gig.venue }}</h1>
<ol>{% for s in songs %}<li>{{ s.title }} <small>{{ s.length|mmss }}</small></li>{% endfor %}</ol>"""


class PosterTemplate:
    def __init__(self, band_id: int, source: str):
        self.band_id = band_id
        self.source = source or DEFAULT_TEMPLATE

    def render(self, gig: dict) -> str:
        tpl = env.from_string(self.source)
        return tpl.render(gig=gig, songs=gig.get("songs", []))


def _gig_or_404(band_id: int, gig_id: int) -> dict:
    gig = repo.gig(band_id, gig_id)
    if gig is None:
        abort(404)
    return gig


@app.post("/bands/<int:band_id>/poster-template")
def save_template(band_id: int):
    source = request.get_data(as_text=True)
    if len(source) > 20_000:
        abort(413)
    repo.save_poster_template(band_id, source)
    return jsonify({"saved": True})


@app.post("/bands/<int:band_id>/gigs/<int:gig_id>/preview")
def preview(band_id: int, gig_id: int):
    gig = _gig_or_404(band_id, gig_id)
    poster = PosterTemplate(band_id, request.get_data(as_text=True))
    try:
        return Response(poster.render(gig), mimetype="text/html")
    except TemplateError as exc:
        return jsonify({"error": str(exc)}), 400


@app.get("/bands/<int:band_id>/gigs/<int:gig_id>/poster")
def poster(band_id: int, gig_id: int):
    gig = _gig_or_404(band_id, gig_id)
    poster = PosterTemplate(band_id, repo.poster_template(band_id))
    try:
        html = poster.render(gig)
    except TemplateError:
        log.exception("stored template for band %s is broken", band_id)
        html = PosterTemplate(band_id, "").render(gig)
    return Response(html, mimetype="text/html")

