"""Game-server fleet config lookup: resolves map rotation and rules for a region."""
import logging
import os
from functools import lru_cache

from flask import Flask, abort, jsonify, request
from lxml import etree

app = Flask(__name__)
log = logging.getLogger("fleetcfg")

FLEET_XML = os.environ.get("FLEET_XML", "/etc/arenaforge/fleet.xml")


@lru_cache(maxsize=1)
def fleet_tree() -> etree._ElementTree:
    parser = etree.XMLParser(resolve_entities=False, no_network=True)
    return etree.parse(FLEET_XML, parser)


class RotationQuery:
    def __init__(self, region: str, playlist: str):
        self.region = region
        self.playlist = playlist

    def expression(self) -> str:
        expr = "/fleet/region[@code='" + self.region + "']"
        expr += "/playlist[@name='" + self.playlist + "']/map"
        return expr


@app.get("/config/rotation")
def rotation():
    region = request.args.get("region", "eu-west")
    playlist = request.args.get("playlist", "ranked")
    q = RotationQuery(region, playlist)
    maps = fleet_tree().xpath(q.expression())  # VULN flow
    if not maps:
        abort(404)
    return jsonify([
        {"name": m.get("name"), "weight": int(m.get("weight", "1")), "mode": m.get("mode")}
        for m in maps
    ])


@app.get("/config/rules/<ruleset>")
def rules(ruleset: str):
    nodes = fleet_tree().xpath(f"//ruleset[@id='{ruleset}']/rule")  # VULN flow
    return jsonify({n.get("key"): n.text for n in nodes})


@app.get("/config/regions")
def regions():
    return jsonify(sorted(fleet_tree().xpath("/fleet/region/@code")))
