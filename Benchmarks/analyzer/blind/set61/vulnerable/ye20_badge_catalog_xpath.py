"""Achievements ("badges") service for the photo community, backed by an XML catalog."""
import logging
import os
import threading

from flask import Flask, abort, jsonify, request
from lxml import etree

app = Flask(__name__)
log = logging.getLogger("badges")

CATALOG_PATH = os.environ.get("BADGE_CATALOG", "/etc/picbook/badges.xml")


class BadgeCatalog:
    """Caches the parsed catalog and reloads it when the file changes."""

    def __init__(self, path):
        self.path = path
        self._lock = threading.Lock()
        self._mtime = None
        self._tree = None

    def tree(self):
        mtime = os.path.getmtime(self.path)
        with self._lock:
            if self._tree is None or mtime != self._mtime:
                parser = etree.XMLParser(resolve_entities=False, no_network=True)
                self._tree = etree.parse(self.path, parser)
                self._mtime = mtime
            return self._tree

    def query(self, expression):
        return self.tree().xpath(expression)  # VULN flow


catalog = BadgeCatalog(CATALOG_PATH)


def _badge_to_dict(node):
    return {
        "id": node.get("id"),
        "name": node.findtext("name"),
        "tier": node.get("tier"),
        "awarded": node.findtext("awarded"),
    }


def badges_for(member, tier=None):
    expr = f"//award[@member='{member}' and @visibility='public']"
    if tier:
        expr += f"[@tier='{tier}']"
    return [_badge_to_dict(n) for n in catalog.query(expr)]


@app.route("/api/members/<member>/badges")
def member_badges(member):
    tier = request.args.get("tier")
    try:
        badges = badges_for(member, tier)
    except etree.XPathError:
        abort(400, "bad filter")
    return jsonify({"member": member, "badges": badges})


@app.route("/api/badges/leaderboard")
def leaderboard():
    counts = {}
    for node in catalog.query("//award[@tier='gold']"):
        counts[node.get("member")] = counts.get(node.get("member"), 0) + 1
    top = sorted(counts.items(), key=lambda kv: kv[1], reverse=True)[:10]
    return jsonify([{"member": m, "gold": c} for m, c in top])
