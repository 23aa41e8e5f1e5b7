"""Receives OTA_HotelResNotifRQ pushes from the channel manager."""
import hmac
import logging
import os

from flask import Flask, Response, abort, request
from lxml import etree

app = Flask(__name__)
log = logging.getLogger("channel.ota")

OTA_NS = {"ota": "http://www.opentravel.org/OTA/2003/05"}
CHANNEL_SECRET = os.environ.get("CHANNEL_PUSH_SECRET", "")

OTA_PARSER = etree.XMLParser(resolve_entities=False, load_dtd=False, no_network=True, huge_tree=False)

ACK_TEMPLATE = (
    '<OTA_HotelResNotifRS xmlns="http://www.opentravel.org/OTA/2003/05" Version="1.0">'
    "<Success/><HotelReservations>{refs}</HotelReservations></OTA_HotelResNotifRS>"
)


def _text(node, path: str) -> str:
    found = node.find(path, OTA_NS)
    return (found.text or "").strip() if found is not None else ""


def parse_reservations(payload: bytes) -> list:
    root = etree.fromstring(payload, parser=OTA_PARSER)
    reservations = []
    for res in root.iterfind(".//ota:HotelReservation", OTA_NS):
        stay = res.find(".//ota:RoomStay", OTA_NS)
        span = stay.find("ota:TimeSpan", OTA_NS) if stay is not None else None
        uid = res.find("ota:UniqueID", OTA_NS)
        reservations.append({
            "channel_ref": uid.get("ID", "") if uid is not None else "",
            "given_name": _text(res, ".//ota:PersonName/ota:GivenName"),
            "surname": _text(res, ".//ota:PersonName/ota:Surname"),
            "email": _text(res, ".//ota:Email"),
            "room_type": stay.find(".//ota:RoomType", OTA_NS).get("RoomTypeCode") if stay is not None else "",
            "arrival": span.get("Start") if span is not None else "",
            "departure": span.get("End") if span is not None else "",
            "comments": _text(res, ".//ota:Comment/ota:Text"),
        })
    return reservations


def store_reservation(res: dict) -> str:
    from pms.bookings import upsert_channel_booking  # type: ignore

    return upsert_channel_booking(res)


@app.post("/channel/ota/reservations")
def receive_push():
    supplied = request.headers.get("X-Channel-Signature", "")
    if not CHANNEL_SECRET or not hmac.compare_digest(supplied, CHANNEL_SECRET):
        abort(401)
    body = request.get_data()
    try:
        reservations = parse_reservations(body)
    except etree.XMLSyntaxError as exc:
        log.warning("bad OTA payload: %r", exc)
        abort(400)
    refs = []
    for res in reservations:
        confirmation = store_reservation(res)
        refs.append(f'<HotelReservation><UniqueID Type="14" ID="{confirmation}"/></HotelReservation>')
    log.info("imported %d reservations from channel", len(refs))
    return Response(ACK_TEMPLATE.format(refs="".join(refs)), mimetype="application/xml")
