"""Receives pushed odds updates (XML) from upstream trading partners."""
import logging
import os
from dataclasses import dataclass
from typing import Iterator, List

from flask import Flask, abort, jsonify, request
from lxml import etree

app = Flask(__name__)
log = logging.getLogger("odds.push")

PARTNER_KEYS = set(filter(None, os.environ.get("ODDS_PARTNER_KEYS", "").split(",")))


@dataclass
class PriceUpdate:
    event_id: str
    market: str
    selection: str
    price: float


class OddsFeedParser:
    """Turns a partner XML document into PriceUpdate rows."""

    def __init__(self) -> None:
        self._parser = etree.XMLParser(resolve_entities=True, load_dtd=True, no_network=False)

    def parse(self, payload: bytes) -> Iterator[PriceUpdate]:
        root = etree.fromstring(payload, parser=self._parser)  # VULN flow
        for event in root.iter("event"):
            event_id = event.get("id", "")
            for market in event.iter("market"):
                for sel in market.iter("selection"):
                    try:
                        price = float(sel.findtext("price", "0"))
                    except ValueError:
                        log.warning("bad price in event %r", event_id)
                        continue
                    yield PriceUpdate(event_id, market.get("type", ""), sel.findtext("name", ""), price)


feed_parser = OddsFeedParser()


def _store(updates: List[PriceUpdate]) -> int:
    # the real implementation hands these to the pricing service
    for u in updates:
        log.debug("price %r/%r/%r=%.3f", u.event_id, u.market, u.selection, u.price)
    return len(updates)


@app.route("/push/odds", methods=["POST"])
def push_odds():
    if request.headers.get("X-Partner-Key") not in PARTNER_KEYS:
        abort(401)
    body = request.get_data()
    try:
        updates = list(feed_parser.parse(body))
    except etree.XMLSyntaxError:
        log.info("rejected malformed odds document")
        abort(400)
    count = _store(updates)
    return jsonify({
        "accepted": count,
        "preview": [f"{u.event_id}:{u.selection}@{u.price}" for u in updates[:5]],
    })


if __name__ == "__main__":
    app.run(port=8081)
