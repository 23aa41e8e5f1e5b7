"""Import match fixtures published by partner federations as XML."""
import logging
from datetime import datetime

from flask import Flask, jsonify, request
from lxml import etree

app = Flask(__name__)
log = logging.getLogger("fixtures.import")

FIXTURE_PARSER = etree.XMLParser(load_dtd=True, resolve_entities=True, no_network=False)
MAX_UPLOAD = 2 * 1024 * 1024


class Fixture:
    __slots__ = ("home", "away", "kickoff", "venue", "round")

    def __init__(self, home, away, kickoff, venue, round_):
        self.home = home
        self.away = away
        self.kickoff = kickoff
        self.venue = venue
        self.round = round_

    def to_dict(self) -> dict:
        return {
            "home": self.home,
            "away": self.away,
            "kickoff": self.kickoff.isoformat(),
            "venue": self.venue,
            "round": self.round,
        }


def _text(node, tag: str) -> str:
    return (node.findtext(tag) or "").strip()


def parse_fixtures(xml_bytes: bytes) -> list:
    root = etree.fromstring(xml_bytes, FIXTURE_PARSER)  # VULN flow
    fixtures = []
    for node in root.iterfind(".//fixture"):
        kickoff = datetime.fromisoformat(_text(node, "kickoff"))
        fixtures.append(
            Fixture(_text(node, "home"), _text(node, "away"), kickoff,
                    _text(node, "venue"), node.get("round", "1"))
        )
    return fixtures


@app.post("/federations/<fed>/fixtures")
def import_fixtures(fed):
    upload = request.files.get("file")
    if upload is None:
        return jsonify(error="file missing"), 400
    data = upload.read(MAX_UPLOAD + 1)
    if len(data) > MAX_UPLOAD:
        return jsonify(error="file too large"), 413
    try:
        fixtures = parse_fixtures(data)
    except (etree.XMLSyntaxError, ValueError) as exc:
        log.warning("fixture upload from %r rejected: %r", fed, exc)
        return jsonify(error="invalid fixture document"), 400
    log.info("imported %d fixtures for federation %r", len(fixtures), fed)
    return jsonify(imported=len(fixtures), fixtures=[f.to_dict() for f in fixtures])
