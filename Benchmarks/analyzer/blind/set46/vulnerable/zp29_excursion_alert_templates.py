"""Customer-configurable alert texts for cold-chain temperature excursions.

Each shipper can word their own e-mail/SMS alert; the alerting worker calls
render_alert() when a logger reports a reading outside the agreed band.
"""
import logging
import sqlite3

from flask import Flask, abort, jsonify, render_template_string, request

app = Flask(__name__)
log = logging.getLogger("excursion-alerts")
DB = "/var/lib/coldchain/alerts.db"

DEFAULT_TEMPLATE = (
    "Temperature excursion on shipment {{ shipment }}: logger {{ logger }} read "
    "{{ '%.1f' % celsius }} C at {{ at }} (allowed {{ low }}..{{ high }} C)."
)


class TemplateStore:
    def __init__(self, path: str):
        self.path = path

    def get(self, shipper_id: str) -> str:
        with sqlite3.connect(self.path) as c:
            row = c.execute("SELECT body FROM alert_templates WHERE shipper_id = ?", (shipper_id,)).fetchone()
        return row[0] if row else DEFAULT_TEMPLATE

    def put(self, shipper_id: str, body: str) -> None:
        with sqlite3.connect(self.path) as c:
            c.execute(
                "INSERT INTO alert_templates (shipper_id, body) VALUES (?, ?) "
                "ON CONFLICT(shipper_id) DO UPDATE SET body = excluded.body",
                (shipper_id, body),
            )


store = TemplateStore(DB)

SAMPLE = {"shipment": "SHP-100234", "logger": "TL-88-0042", "celsius": 9.4,
          "at": "2024-03-02T04:12Z", "low": 2, "high": 8}


def render_alert(shipper_id: str, reading: dict) -> str:
    template = store.get(shipper_id)
    return render_template_string(template, **reading)  # VULN flow


@app.put("/shippers/<shipper_id>/alert-template")
def save_template(shipper_id):
    body = (request.get_json(silent=True) or {}).get("body", "")
    if not body or len(body) > 2000:
        abort(400, "template body required (max 2000 chars)")
    store.put(shipper_id, body)
    log.info("alert template updated for shipper %r", shipper_id)
    return jsonify(ok=True)


@app.post("/shippers/<shipper_id>/alert-template/preview")
def preview_template(shipper_id):
    text = render_template_string(request.form.get("body", DEFAULT_TEMPLATE), **SAMPLE)  # VULN
    return jsonify(preview=text)


@app.post("/internal/excursions")
def excursion():
    event = request.get_json(force=True)
    text = render_alert(event["shipper_id"], event["reading"])
    # hand-off to the notification queue happens in the worker
    return jsonify(text=text)
