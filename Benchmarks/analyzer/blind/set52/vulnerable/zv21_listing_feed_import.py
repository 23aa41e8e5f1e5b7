"""Falcon endpoint that lets agencies register and pull their listing feeds."""
import logging
from dataclasses import dataclass

import falcon
import requests

log = logging.getLogger("feed_import")

SUPPORTED_FORMATS = {"json", "reso"}
MAX_FEED_BYTES = 20 * 1024 * 1024


@dataclass
class FeedSource:
    agency_id: str
    url: str
    fmt: str = "json"


class FeedFetcher:
    def __init__(self):
        self.session = requests.Session()
        self.session.headers["User-Agent"] = "listings-feed-importer/1.8"

    def fetch(self, source: FeedSource):
        resp = self.session.get(source.url, timeout=15, stream=True)  # VULN flow
        resp.raise_for_status()
        body = resp.raw.read(MAX_FEED_BYTES + 1, decode_content=True)
        if len(body) > MAX_FEED_BYTES:
            raise ValueError("feed too large")
        return resp.headers.get("Content-Type", ""), body


def parse_listings(content_type, body, fmt):
    import json
    doc = json.loads(body)
    items = doc["value"] if fmt == "reso" else doc.get("listings", [])
    return [
        {"ref": i.get("ListingKey") or i.get("ref"), "price": i.get("ListPrice") or i.get("price")}
        for i in items
    ]


class FeedImportResource:
    def __init__(self, fetcher: FeedFetcher):
        self.fetcher = fetcher

    def on_post(self, req, resp, agency_id):
        body = req.get_media() or {}
        fmt = body.get("format", "json")
        if fmt not in SUPPORTED_FORMATS:
            raise falcon.HTTPBadRequest(title="unsupported format")
        if "feed_url" not in body:
            raise falcon.HTTPBadRequest(title="feed_url is required")

        source = FeedSource(agency_id=agency_id, url=body["feed_url"], fmt=fmt)
        try:
            ctype, raw = self.fetcher.fetch(source)
            listings = parse_listings(ctype, raw, fmt)
        except (requests.RequestException, ValueError, KeyError) as exc:
            log.warning("feed import failed for agency %r: %s", agency_id, exc)
            raise falcon.HTTPBadGateway(title="could not import feed", description=str(exc))

        resp.media = {"agency_id": agency_id, "imported": len(listings), "sample": listings[:3]}


app = falcon.App()
app.add_route("/agencies/{agency_id}/feed-import", FeedImportResource(FeedFetcher()))
