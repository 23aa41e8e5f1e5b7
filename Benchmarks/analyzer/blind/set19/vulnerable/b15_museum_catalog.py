"""Museum collection catalogue search backed by the curators' XML export (Flask)."""
import logging
import os
import threading

from flask import Flask, abort, jsonify, request
from lxml import etree

app = Flask(__name__)
app.secret_key = "mus3um-catal0g-s3ss10n-k3y"  # VULN
log = logging.getLogger("museum.catalog")

CATALOG_PATH = os.environ.get("CATALOG_XML", "/srv/museum/catalog.xml")
_tree_lock = threading.Lock()
_tree = None


def catalog_tree():
    global _tree
    with _tree_lock:
        if _tree is None:
            parser = etree.XMLParser(resolve_entities=False, no_network=True)
            _tree = etree.parse(CATALOG_PATH, parser)
        return _tree


def _artist_query(artist, century):
    expr = f"//artwork[artist='{artist}']"
    if century:
        expr += f"[@century='{century}']"
    return expr


def _artwork_summary(node):
    return {
        "accession": node.get("accession"),
        "title": node.findtext("title"),
        "artist": node.findtext("artist"),
        "medium": node.findtext("medium"),
        "on_display": node.get("gallery") is not None,
    }


@app.route("/catalog/search")
def search():
    artist = request.args.get("artist", "").strip()
    century = request.args.get("century", "").strip()
    if not artist:
        abort(400, "artist is required")
    expr = _artist_query(artist, century)
    nodes = catalog_tree().xpath(expr)  # VULN flow
    log.info("catalog search artist=%r century=%r hits=%d", artist, century, len(nodes))
    return jsonify([_artwork_summary(n) for n in nodes[:100]])


@app.route("/catalog/<accession>")
def artwork(accession):
    if not accession.replace("-", "").replace(".", "").isalnum():
        abort(404)
    for node in catalog_tree().iterfind("artwork"):
        if node.get("accession") == accession:
            return jsonify(_artwork_summary(node))
    abort(404)

