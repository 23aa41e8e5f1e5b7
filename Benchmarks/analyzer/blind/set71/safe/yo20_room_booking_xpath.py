"""Meeting-room availability lookups against the facilities XML feed.

Facilities publishes bookings.xml every five minutes:

    <bookings>
      <booking id="881"><room>Orion</room><floor>3</floor>
        <organiser>jdoe</organiser><start>2024-05-02T09:00</start><end>...</end>
      </booking>
    </bookings>
"""
import logging
import os
import threading
import time

from lxml import etree
from tornado import web

log = logging.getLogger("rooms.xpath")
FEED_PATH = os.environ.get("BOOKINGS_XML", "/var/lib/facilities/bookings.xml")


class BookingFeed:
    def __init__(self, path: str, ttl: int = 300):
        self.path = path
        self.ttl = ttl
        self._tree = None
        self._loaded = 0.0
        self._lock = threading.Lock()

    def tree(self):
        with self._lock:
            if self._tree is None or time.time() - self._loaded > self.ttl:
                parser = etree.XMLParser(resolve_entities=False, no_network=True)
                self._tree = etree.parse(self.path, parser)
                self._loaded = time.time()
            return self._tree

    def bookings_for(self, room: str, day: str):
        expr = "//booking[room=$room and starts-with(start, $day)]"
        nodes = self.tree().xpath(expr, room=room, day=day)
        return [self._as_dict(n) for n in nodes]

    def bookings_by(self, organiser: str):
        return [self._as_dict(n) for n in self.tree().xpath("//booking[organiser=$who]", who=organiser)]

    @staticmethod
    def _as_dict(node):
        return {
            "id": node.get("id"),
            "room": node.findtext("room"),
            "floor": node.findtext("floor"),
            "organiser": node.findtext("organiser"),
            "start": node.findtext("start"),
            "end": node.findtext("end"),
        }


feed = BookingFeed(FEED_PATH)


class RoomDayHandler(web.RequestHandler):
    def get(self, room):
        day = self.get_argument("day")
        self.write({"room": room, "day": day, "bookings": feed.bookings_for(room, day)})


class OrganiserHandler(web.RequestHandler):
    def get(self):
        who = self.get_argument("user")
        self.write({"user": who, "bookings": feed.bookings_by(who)})


def make_app():
    return web.Application([
        (r"/rooms/([^/]+)/bookings", RoomDayHandler),
        (r"/bookings/mine", OrganiserHandler),
    ])
