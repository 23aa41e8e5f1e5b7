"""Ingests XML listing sitemaps submitted by partner portals.

Partners POST their sitemap (urlset with <loc>/<lastmod>) and we queue the
listing URLs that changed since the last crawl.
"""
import io
import logging
import xml.sax
from xml.sax.handler import ContentHandler, feature_external_ges, feature_namespaces

import defusedxml.sax
from defusedxml import DefusedXmlException
from flask import Flask, jsonify, request

app = Flask(__name__)
log = logging.getLogger("sitemap_ingest")

MAX_BODY = 5 * 1024 * 1024


class SitemapHandler(ContentHandler):
    def __init__(self):
        super().__init__()
        self.entries = []
        self._current = None
        self._field = None
        self._buf = []

    def startElement(self, name, attrs):
        local = name.split(":")[-1]
        if local == "url":
            self._current = {}
        elif self._current is not None and local in ("loc", "lastmod", "changefreq"):
            self._field = local
            self._buf = []

    def characters(self, content):
        if self._field:
            self._buf.append(content)

    def endElement(self, name):
        local = name.split(":")[-1]
        if self._field and local == self._field:
            self._current[self._field] = "".join(self._buf).strip()
            self._field = None
        elif local == "url" and self._current is not None:
            if self._current.get("loc"):
                self.entries.append(self._current)
            self._current = None


def parse_sitemap(payload: bytes):
    handler = SitemapHandler()
    parser = defusedxml.sax.make_parser()
    parser.setFeature(feature_namespaces, False)
    parser.setFeature(feature_external_ges, False)
    parser.setContentHandler(handler)
    parser.parse(io.BytesIO(payload))
    return handler.entries


@app.route("/partners/<partner>/sitemap", methods=["POST"])
def ingest(partner):
    payload = request.get_data(cache=False)
    if not payload or len(payload) > MAX_BODY:
        return jsonify(error="empty or oversized sitemap"), 400
    try:
        entries = parse_sitemap(payload)
    except xml.sax.SAXParseException as exc:
        return jsonify(error=f"malformed XML at line {exc.getLineNumber()}"), 422
    except DefusedXmlException:
        return jsonify(error="DTDs and entities are not accepted"), 422
    log.info("partner %r submitted %d sitemap entries", partner, len(entries))
    return jsonify(partner=partner, queued=len(entries), first=entries[:5])
