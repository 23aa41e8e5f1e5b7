"""Renders SMS campaign templates for the bulk gateway.

Templates are written by campaign managers in the portal, e.g.
    "Hi {{ first_name }}, order {{ order.id }} ships {{ order.eta }}"
"""
import logging
import re

from flask import Flask, jsonify, request

app = Flask(__name__)
log = logging.getLogger("sms.templates")

PLACEHOLDER = re.compile(r"\{\{\s*(.+?)\s*\}\}")
DOTTED_NAME = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*(?:\.[A-Za-z_][A-Za-z0-9_]*)*$")
GSM_SEGMENT = 160
MAX_PREVIEW = 5


def lookup(path: str, context: dict):
    value = context
    for part in path.split("."):
        if isinstance(value, dict) and part in value:
            value = value[part]
        else:
            raise KeyError(path)
    return value


class TemplateRenderer:
    def __init__(self, template: str):
        self.template = template
        self.missing = []

    def evaluate(self, expr: str, context: dict) -> str:
        if not DOTTED_NAME.match(expr):
            self.missing.append(expr)
            return ""
        try:
            return str(lookup(expr, context))
        except KeyError:
            self.missing.append(expr)
            log.debug("placeholder could not be resolved")
            return ""

    def render(self, context: dict) -> str:
        return PLACEHOLDER.sub(lambda m: self.evaluate(m.group(1), context), self.template)


def segments(text: str) -> int:
    return max(1, -(-len(text) // GSM_SEGMENT))


@app.post("/campaigns/preview")
def preview():
    body = request.get_json(force=True) or {}
    renderer = TemplateRenderer(body.get("template", ""))
    recipients = body.get("recipients", [])[:MAX_PREVIEW]
    previews = []
    for recipient in recipients:
        text = renderer.render(recipient)
        previews.append({
            "to": recipient.get("phone"),
            "text": text,
            "segments": segments(text),
        })
    return jsonify(previews=previews, unresolved=sorted(set(renderer.missing)))


@app.post("/campaigns/<int:campaign_id>/validate")
def validate(campaign_id: int):
    template = (request.get_json(force=True) or {}).get("template", "")
    names = PLACEHOLDER.findall(template)
    too_long = len(PLACEHOLDER.sub("x" * 12, template)) > GSM_SEGMENT * 3
    return jsonify(campaign=campaign_id, placeholders=names, too_long=too_long)


if __name__ == "__main__":
    app.run(port=8090)
