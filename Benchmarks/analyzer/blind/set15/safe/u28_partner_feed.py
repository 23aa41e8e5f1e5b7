"""Imports hotel availability feeds (XML) pushed by channel-manager partners."""
import logging
import threading
import xml.sax
from dataclasses import dataclass, field
from xml.sax.handler import ContentHandler

import defusedxml.sax
from defusedxml import DefusedXmlException
from flask import Blueprint, abort, jsonify, request

logger = logging.getLogger("travel.feeds")
bp = Blueprint("feeds", __name__, url_prefix="/partners")


@dataclass
class RoomRate:
    hotel_code: str
    room_type: str
    date: str
    price: float
    available: int


@dataclass
class FeedResult:
    partner: str
    rates: list = field(default_factory=list)


class AvailabilityHandler(ContentHandler):
    def __init__(self):
        super().__init__()
        self.rates = []
        self._hotel = None
        self._attrs = None
        self._text = []

    def startElement(self, name, attrs):
        if name == "Hotel":
            self._hotel = attrs.get("code")
        elif name == "Rate":
            self._attrs = dict(attrs)
            self._text = []

    def characters(self, content):
        if self._attrs is not None:
            self._text.append(content)

    def endElement(self, name):
        if name == "Rate" and self._attrs is not None:
            self.rates.append(RoomRate(
                hotel_code=self._hotel, room_type=self._attrs["room"], date=self._attrs["date"],
                price=float("".join(self._text).strip()), available=int(self._attrs.get("avail", 0)),
            ))
            self._attrs = None


class FeedParser:
    def __init__(self):
        self._local = threading.local()

    def _parser(self):
        return defusedxml.sax.make_parser()

    def parse(self, partner: str, document: bytes) -> FeedResult:
        import io

        handler = AvailabilityHandler()
        parser = self._parser()
        parser.setContentHandler(handler)
        parser.parse(io.BytesIO(document))
        return FeedResult(partner=partner, rates=handler.rates)


feed_parser = FeedParser()


@bp.route("/<partner>/availability", methods=["POST"])
def push_availability(partner: str):
    from .partners import authenticate_partner, store_rates

    if not authenticate_partner(partner, request.headers.get("X-Partner-Key", "")):
        abort(401)
    try:
        result = feed_parser.parse(partner, request.get_data())
    except (xml.sax.SAXException, DefusedXmlException, KeyError, ValueError) as exc:
        logger.info("rejected feed from partner=%r: %r", partner, exc)
        return jsonify({"error": "malformed feed"}), 400
    store_rates(result.partner, result.rates)
    return jsonify({"accepted": len(result.rates)})
