import html
import os

import functions_framework
import requests

ALERTS_API = "https://api.weather.gov/alerts/active"
USER_AGENT = os.environ.get("ALERTS_USER_AGENT", "farm-alerts/1.0 (ops@example.org)")
SECURITY_HEADERS = {"X-Content-Type-Options": "nosniff", "Cache-Control": "public, max-age=300"}


def fetch_alerts(area):
    resp = requests.get(
        ALERTS_API,
        params={"area": area, "status": "actual"},
        headers={"User-Agent": USER_AGENT, "Accept": "application/geo+json"},
        timeout=8,
    )
    resp.raise_for_status()
    for feature in resp.json().get("features", []):
        props = feature.get("properties", {})
        yield props.get("event", ""), props.get("severity", ""), props.get("headline", "")


def render_page(area, farm_name, alerts):
    items = "".join(
        f"<li><b>{html.escape(event)}</b> ({html.escape(severity)}): {html.escape(headline)}</li>"
        for event, severity, headline in alerts
    )
    return (
        "<!doctype html><html><head><meta charset='utf-8'><title>Frost &amp; storm alerts</title></head><body>"
        f"<h1>Alerts for {html.escape(farm_name)} ({area})</h1>"
        f"<ul>{items or '<li>No active alerts</li>'}</ul></body></html>"
    )


@functions_framework.http
def farm_alerts(request):
    area = request.args.get("area", "").strip().upper()
    farm_name = request.args.get("farm", "your farm")
    if len(area) != 2 or not area.isascii() or not area.isalpha():
        return ("area must be a two-letter state code", 400, {"Content-Type": "text/plain"})
    try:
        alerts = list(fetch_alerts(area))
    except requests.RequestException:
        return ("weather service unavailable", 502, {"Content-Type": "text/plain"})
    page = render_page(area, farm_name, alerts)
    return (page, 200, {"Content-Type": "text/html; charset=utf-8", **SECURITY_HEADERS})
