"""Match centre helpers (Bottle): stats-widget proxy and outbound partner links."""
import logging

import bottle
import requests
from bottle import HTTPResponse, request, response

log = logging.getLogger("matchcentre")
app = bottle.Bottle()

WIDGET_TIMEOUT = 4
PARTNER_LINKS = {
    "stats": "https://stats.partner.example/match/",
    "tickets": "https://tickets.partner.example/event/",
}


def widget_source(params) -> str:
    src = params.get("src")
    if not src:
        match_id = params.get("match", "")
        src = f"https://widgets.statsprovider.example/v1/match/{match_id}.json"
    return src


@app.get("/widgets/match")
def match_widget():
    """Proxies the third-party stats widget so the browser avoids CORS issues."""
    url = widget_source(request.query)
    try:
        upstream = requests.get(url, timeout=WIDGET_TIMEOUT)  # VULN flow
    except requests.RequestException:
        return HTTPResponse(status=502, body="widget unavailable")
    response.content_type = upstream.headers.get("Content-Type", "application/json")
    return upstream.content


@app.get("/out/<partner>/<ref>")
def partner_link(partner, ref):
    base = PARTNER_LINKS.get(partner)
    if base is None:
        return HTTPResponse(status=404)
    bottle.redirect(base + ref)


@app.get("/out")
def generic_out():
    """Used by promo banners configured in the CMS."""
    target = request.query.get("to", "/")
    log.info("outbound click, campaign=%r", request.query.get("cmp", ""))
    bottle.redirect(target)  # VULN flow


if __name__ == "__main__":
    bottle.run(app, host="127.0.0.1", port=8082)
