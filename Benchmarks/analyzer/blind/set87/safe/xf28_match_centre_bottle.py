"""Match centre helpers (Bottle): stats-widget proxy and outbound partner links."""
import logging
from urllib.parse import quote, urlparse

import bottle
import requests
from bottle import HTTPResponse, request, response

log = logging.getLogger("matchcentre")
app = bottle.Bottle()

WIDGET_TIMEOUT = 4
WIDGET_HOSTS = {"widgets.statsprovider.example"}
OUTBOUND_HOSTS = {"stats.partner.example", "tickets.partner.example", "promo.sportsbook.example"}
PARTNER_LINKS = {
    "stats": "https://stats.partner.example/match/",
    "tickets": "https://tickets.partner.example/event/",
}


def widget_source(params) -> str:
    src = params.get("src")
    if not src:
        match_id = params.get("match", "")
        src = f"https://widgets.statsprovider.example/v1/match/{quote(match_id, safe='')}.json"
    parsed = urlparse(src)
    if parsed.scheme != "https" or parsed.hostname not in WIDGET_HOSTS:
        raise ValueError("widget host not allowed")
    return src


@app.get("/widgets/match")
def match_widget():
    """Proxies the third-party stats widget so the browser avoids CORS issues."""
    try:
        url = widget_source(request.query)
        upstream = requests.get(url, timeout=WIDGET_TIMEOUT, allow_redirects=False)
    except (requests.RequestException, ValueError):
        return HTTPResponse(status=502, body="widget unavailable")
    response.content_type = upstream.headers.get("Content-Type", "application/json")
    return upstream.content


@app.get("/out/<partner>/<ref>")
def partner_link(partner, ref):
    base = PARTNER_LINKS.get(partner)
    if base is None:
        return HTTPResponse(status=404)
    bottle.redirect(base + quote(ref, safe=""))


@app.get("/out")
def generic_out():
    """Used by promo banners configured in the CMS."""
    target = request.query.get("to", "/")
    log.info("outbound click, campaign=%r", request.query.get("cmp", ""))
    parsed = urlparse(target)
    if parsed.scheme != "https" or parsed.hostname not in OUTBOUND_HOSTS:
        target = "/"
    bottle.redirect(target)


if __name__ == "__main__":
    bottle.run(app, host="127.0.0.1", port=8082)
