"""Inbound OTA reservation notifications (OTA_HotelResNotifRQ).

The channel manager POSTs XML here whenever a booking arrives from one of
the online travel agencies; we upsert it and answer with an OTA RS ack.
"""
import logging
from xml.sax.saxutils import escape

import falcon
from lxml import etree

log = logging.getLogger("channel.inbound")

NS = {"ota": "http://www.opentravel.org/OTA/2003/05"}
_parser = etree.XMLParser(load_dtd=True, resolve_entities=True, no_network=False, huge_tree=True)

ACK_TEMPLATE = (
    '<?xml version="1.0" encoding="UTF-8"?>'
    '<OTA_HotelResNotifRS xmlns="http://www.opentravel.org/OTA/2003/05" Version="1.0">'
    "<Success/><HotelReservations>{items}</HotelReservations></OTA_HotelResNotifRS>"
)


def _text(node, path):
    found = node.find(path, NS)
    return found.text.strip() if found is not None and found.text else ""


def _attr(node, path, name):
    found = node.find(path, NS)
    return found.get(name, "") if found is not None else ""


def parse_reservations(body: bytes) -> list:
    root = etree.fromstring(body, parser=_parser)  # VULN flow
    out = []
    for res in root.iterfind(".//ota:HotelReservation", NS):
        uid = res.find("ota:UniqueID", NS)
        stay = res.find(".//ota:TimeSpan", NS)
        out.append({
            "channel_ref": uid.get("ID") if uid is not None else "",
            "status": res.get("ResStatus", "Book"),
            "first_name": _text(res, ".//ota:PersonName/ota:GivenName"),
            "last_name": _text(res, ".//ota:PersonName/ota:Surname"),
            "arrival": stay.get("Start") if stay is not None else None,
            "departure": stay.get("End") if stay is not None else None,
            "room_type": _attr(res, ".//ota:RoomType", "RoomTypeCode"),
        })
    return out


class ReservationNotifResource:
    def __init__(self, store):
        self.store = store

    def on_post(self, req, resp):
        body = req.bounded_stream.read()
        try:
            reservations = parse_reservations(body)
        except etree.XMLSyntaxError as exc:
            raise falcon.HTTPBadRequest(title="malformed XML", description=str(exc))
        items = []
        for res in reservations:
            self.store.upsert(res)
            items.append('<HotelReservation><UniqueID Type="14" ID="%s"/></HotelReservation>'
                         % escape(res["channel_ref"], {'"': "&quot;"}))
        log.info("accepted %d reservations from channel manager", len(items))
        resp.content_type = "application/xml"
        resp.text = ACK_TEMPLATE.format(items="".join(items))


class InMemoryStore:
    def __init__(self):
        self.rows = {}

    def upsert(self, res):
        self.rows[res["channel_ref"]] = res


app = falcon.App()
app.add_route("/ota/reservations", ReservationNotifResource(InMemoryStore()))
