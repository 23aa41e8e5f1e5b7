"""Cloud Function: fetch partner sports news feeds and return normalised JSON."""
import logging
from email.utils import parsedate_to_datetime

import functions_framework
import requests
from defusedxml import DefusedXmlException
from defusedxml import ElementTree as SafeET
from flask import jsonify

MAX_ITEMS = 25
USER_AGENT = "feed-normaliser/1.4 (+https://newsdesk.example.com/bots)"
FEEDS = {
    "football": "https://feeds.matchwire.example.com/football/latest.rss",
    "cricket": "https://feeds.matchwire.example.com/cricket/latest.rss",
    "tennis": "https://rss.courtside-news.example.net/atp-wta.xml",
}


def _published(raw):
    if not raw:
        return None
    try:
        return parsedate_to_datetime(raw).isoformat()
    except (TypeError, ValueError):
        return None


def normalise(xml_bytes):
    root = SafeET.fromstring(xml_bytes)
    items = []
    for item in root.iter("item"):
        items.append(
            {
                "title": (item.findtext("title") or "").strip(),
                "link": (item.findtext("link") or "").strip(),
                "published": _published(item.findtext("pubDate")),
            }
        )
        if len(items) >= MAX_ITEMS:
            break
    return items


@functions_framework.http
def sports_feed(request):
    if request.args.get("feed") not in FEEDS:
        return jsonify({"error": "unknown feed", "available": sorted(FEEDS)}), 400
    try:
        resp = requests.get(FEEDS[request.args["feed"]], timeout=8, headers={"User-Agent": USER_AGENT})
        resp.raise_for_status()
        items = normalise(resp.content)
    except (requests.RequestException, SafeET.ParseError, DefusedXmlException) as exc:
        logging.warning("feed fetch failed: %s", type(exc).__name__)
        message = "could not load feed"
        return jsonify({"error": message}), 502
    response = jsonify({"items": items, "count": len(items)})
    response.headers["Cache-Control"] = "public, max-age=120"
    return response
