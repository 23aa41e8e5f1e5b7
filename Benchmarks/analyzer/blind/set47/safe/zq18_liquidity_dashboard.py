"""Intraday liquidity dashboard for the treasury operations desk."""
import logging
import os
from collections import defaultdict
from datetime import datetime, timezone
from decimal import Decimal

from flask import Flask, jsonify, render_template_string

from treasury.positions import fetch_intraday_positions
from treasury.sso import require_desk_user

app = Flask(__name__)
app.config["SECRET_KEY"] = os.environ["DASH_SECRET_KEY"]
app.config["SESSION_COOKIE_SECURE"] = True
app.config["SESSION_COOKIE_HTTPONLY"] = True

log = logging.getLogger("treasury.dashboard")

TEMPLATE = """<!doctype html>
<html><head><title>Intraday liquidity</title></head>
<body>
<h1>Intraday liquidity &mdash; {{ as_of.strftime('%H:%M:%S') }} UTC</h1>
<table>
<tr><th>Currency</th><th>Nostro balance</th><th>Queued out</th><th>Headroom</th></tr>
{% for ccy, row in totals.items() %}
<tr class="{{ 'alert' if row.headroom < 0 else '' }}">
  <td>{{ ccy }}</td><td>{{ '{:,.0f}'.format(row.balance) }}</td>
  <td>{{ '{:,.0f}'.format(row.queued) }}</td><td>{{ '{:,.0f}'.format(row.headroom) }}</td>
</tr>
{% endfor %}
</table>
</body></html>"""


class CurrencyTotals(dict):
    __getattr__ = dict.__getitem__


def aggregate(positions):
    totals = defaultdict(lambda: CurrencyTotals(balance=Decimal(0), queued=Decimal(0), buffer=Decimal(0)))
    for pos in positions:
        t = totals[pos["currency"]]
        t["balance"] += pos["balance"]
        t["queued"] += pos["queued_outflows"]
        t["buffer"] = max(t["buffer"], pos.get("min_buffer", Decimal(0)))
    for t in totals.values():
        t["headroom"] = t["balance"] - t["queued"] - t["buffer"]
    return dict(sorted(totals.items()))


@app.route("/")
@require_desk_user
def index():
    totals = aggregate(fetch_intraday_positions())
    return render_template_string(TEMPLATE, totals=totals, as_of=datetime.now(timezone.utc))


@app.route("/api/positions")
@require_desk_user
def positions_api():
    totals = aggregate(fetch_intraday_positions())
    return jsonify({ccy: {k: str(v) for k, v in row.items()} for ccy, row in totals.items()})


@app.route("/healthz")
def healthz():
    return {"status": "ok"}


if __name__ == "__main__":
    logging.basicConfig(level=logging.INFO)
    app.run(host=os.environ.get("DASH_BIND", "127.0.0.1"), port=int(os.environ.get("PORT", "8050")), debug=False)
