"""Minimal alert board for the night shift, served off the sensor box."""
import json
import os

from flask import Flask, Response, request

ALERT_FILE = os.environ.get("ALERT_FILE", "/var/log/suricata/alerts.jsonl")
MAX_ALERTS = 300

app = Flask(__name__)

PAGE_TEMPLATE = """<!doctype html>
<html><head><title>Alert board</title>
<link rel="stylesheet" href="/static/board.css"></head>
<body>
<form method="get" action="/alerts"><input name="q" placeholder="filter"></form>
{header}
<table><tr><th>Time</th><th>Signature</th><th>Source</th><th>Detail</th></tr>
{rows}
</table></body></html>"""


def load_alerts(limit: int = MAX_ALERTS) -> list:
    alerts = []
    try:
        with open(ALERT_FILE, encoding="utf-8", errors="replace") as fh:
            for line in fh:
                try:
                    alerts.append(json.loads(line))
                except json.JSONDecodeError:
                    continue
    except FileNotFoundError:
        return []
    return alerts[-limit:]


def _row(alert: dict) -> str:
    sig = alert.get("alert", {}).get("signature", "?")
    sev = alert.get("alert", {}).get("severity", 3)
    src = f"{alert.get('src_ip', '')}:{alert.get('src_port', '')}"
    detail = alert.get("http", {}).get("http_user_agent") or alert.get("http", {}).get("url", "")
    return (
        f"<tr class='sev-{sev}'><td>{alert.get('timestamp', '')}</td>"
        f"<td>{sig}</td><td>{src}</td><td>{detail}</td></tr>"
    )


@app.route("/alerts")
def alerts():
    q = request.args.get("q", "").strip()
    items = load_alerts()
    if q:
        items = [a for a in items if q.lower() in json.dumps(a).lower()]
    rows = "\n".join(_row(a) for a in reversed(items))
    header = f"<h2>{len(items)} alerts matching {q}</h2>" if q else "<h2>Latest alerts</h2>"
    page = PAGE_TEMPLATE.format(header=header, rows=rows)
    return Response(page, mimetype="text/html")  # VULN flow


@app.route("/alerts.json")
def alerts_json():
    return Response(json.dumps(load_alerts()), mimetype="application/json")


if __name__ == "__main__":
    app.run(host="127.0.0.1", port=5601)
