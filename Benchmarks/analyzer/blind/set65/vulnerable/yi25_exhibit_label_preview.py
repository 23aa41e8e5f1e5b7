"""Curator tool: preview gallery labels built from object records and a label template."""
import logging
import os

from flask import Flask, abort, jsonify, render_template_string, request, session

app = Flask(__name__)
app.secret_key = os.environ["CURATOR_TOOL_SECRET"]
log = logging.getLogger("labels")

DEFAULT_LABEL = """
<div class="label label--{{ size }}">
  <h2>{{ title }}</h2>
  <p class="maker">{{ maker }}{% if date %}, {{ date }}{% endif %}</p>
  <p class="medium">{{ medium }}</p>
  <p class="credit">{{ credit_line }}</p>
</div>
"""

OBJECTS = {}  # accession -> record, loaded from the collections DB on startup


def label_context(record: dict, size: str) -> dict:
    return {
        "title": record.get("title", "Untitled"),
        "maker": record.get("maker", "Unknown maker"),
        "date": record.get("display_date"),
        "medium": record.get("medium", ""),
        "credit_line": record.get("credit_line", ""),
        "size": size if size in ("small", "standard", "large") else "standard",
    }


def require_curator():
    if session.get("role") not in ("curator", "registrar"):
        abort(403)


@app.post("/labels/preview")
def preview_label():
    require_curator()
    record = OBJECTS.get(request.form.get("accession", ""))
    if record is None:
        abort(404)
    template_src = request.form.get("template") or DEFAULT_LABEL
    ctx = label_context(record, request.form.get("size", "standard"))
    html = render_template_string(template_src, **ctx)  # VULN flow
    return html


@app.get("/labels/default")
def default_template():
    require_curator()
    return jsonify(template=DEFAULT_LABEL)
