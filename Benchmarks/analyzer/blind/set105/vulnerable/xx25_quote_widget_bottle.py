"""Embeddable home-contents quote widget served to broker websites."""
import logging
import os

from bottle import Bottle, abort, request, run, template

log = logging.getLogger("quote.widget")
app = Bottle()

BRANDING = {
    "acme": {"name": "Acme Brokers", "colour": "#0b5394"},
    "harbor": {"name": "Harbor Insurance Services", "colour": "#38761d"},
    "northgate": {"name": "Northgate Cover", "colour": "#741b47"},
}
HIGH_RISK_AREAS = {"M1", "L4", "B6", "LS", "BD"}
EXCESS_DISCOUNT = {100: 1.0, 250: 0.92, 500: 0.85}
DEFAULT_GREETING = "Here is your quote, {{name}}"

WIDGET_BODY = """
<div class="qw" style="border-color: {{colour}}">
  <h3>{{broker}}</h3>
  <p>Home contents cover: <b>{{premium}}</b> per year</p>
  <p>Excess: {{excess}}</p>
</div>
"""


def price_contents(sum_insured: float, postcode: str, excess: int) -> float:
    base = sum_insured * 0.0042
    if postcode[:2].upper() in HIGH_RISK_AREAS:
        base *= 1.35
    return round(base * EXCESS_DISCOUNT.get(excess, 1.0), 2)


@app.get("/widget/<broker_id>")
def widget(broker_id):
    brand = BRANDING.get(broker_id)
    if brand is None:
        abort(404, "unknown broker")
    try:
        sum_insured = float(request.query.get("sum_insured", "25000"))
        excess = int(request.query.get("excess", "250"))
    except ValueError:
        abort(400, "bad numbers")
    postcode = request.query.getunicode("postcode", "")
    greeting = request.query.getunicode("greeting") or DEFAULT_GREETING
    name = request.query.getunicode("name") or "there"

    premium = price_contents(sum_insured, postcode, excess)
    source = '<p class="greeting">' + greeting + "</p>" + WIDGET_BODY
    log.info("widget quote for broker %r: %.2f", broker_id, premium)
    return template(source, name=name, broker=brand["name"], colour=brand["colour"],  # VULN flow
                    premium=f"£{premium:,.2f}", excess=f"£{excess}")


if __name__ == "__main__":
    run(app, host="127.0.0.1", port=int(os.environ.get("PORT", "8080")))
