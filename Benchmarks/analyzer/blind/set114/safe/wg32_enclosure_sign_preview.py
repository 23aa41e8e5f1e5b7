"""Preview tool for the e-ink interpretation signs mounted on each enclosure.

Education staff type the sign text (species facts, feeding talk times) and
see a rendered preview before it is pushed to the sign controller.
"""
import logging
from datetime import date

from flask import Flask, abort, request

app = Flask(__name__)
log = logging.getLogger("sign_preview")

SIGN_SHELL = """<!doctype html>
<html><head><meta charset="utf-8"><link rel="stylesheet" href="/static/eink.css"></head>
<body class="sign {{ theme }}">
  <header><h1>{{ species }}</h1><p class="latin">{{ latin }}</p></header>
  <section class="body">{% for p in paragraphs %}<p>{{ p }}</p>{% endfor %}</section>
  <footer>Feeding talk: {{ talk_time }} &middot; Updated {{ updated }}</footer>
</body></html>"""

THEMES = {"savanna", "rainforest", "ocean", "nocturnal"}


def build_paragraphs(body_text: str) -> list[str]:
    return [p.strip() for p in body_text.split("\n\n") if p.strip()]


@app.route("/signs/preview", methods=["POST"])
def preview():
    from flask import render_template_string

    form = request.form
    theme = form.get("theme", "savanna")
    if theme not in THEMES:
        abort(400)
    paragraphs = build_paragraphs(form.get("body", ""))
    return render_template_string(
        SIGN_SHELL,
        paragraphs=paragraphs,
        theme=theme,
        species=form.get("species", ""),
        latin=form.get("latin", ""),
        talk_time=form.get("talk_time", "none today"),
        updated=date.today().strftime("%d %b %Y"),
    )


@app.route("/signs/health")
def health():
    return {"ok": True}
