"""Tornado handlers for saving / restoring a planned driving route.

The web client keeps the current route in a compact snapshot string so it can
be bookmarked or shared, and posts it back here to rehydrate the planner.
"""
import base64
import logging
import pickle
import zlib

import tornado.escape
import tornado.ioloop
import tornado.web

log = logging.getLogger("route_snapshot")


class Waypoint:
    def __init__(self, lat, lon, label=""):
        self.lat, self.lon, self.label = lat, lon, label

    def as_dict(self):
        return {"lat": self.lat, "lon": self.lon, "label": self.label}


class RouteState:
    def __init__(self, waypoints, mode="driving", avoid=()):
        self.waypoints = list(waypoints)
        self.mode = mode
        self.avoid = list(avoid)


def encode_snapshot(state: RouteState) -> str:
    return base64.urlsafe_b64encode(zlib.compress(pickle.dumps(state))).decode()


def decode_snapshot(blob: str) -> RouteState:
    raw = zlib.decompress(base64.urlsafe_b64decode(blob.encode()))
    return pickle.loads(raw)  # VULN flow


class SnapshotHandler(tornado.web.RequestHandler):
    def post(self):
        body = tornado.escape.json_decode(self.request.body or b"{}")
        points = [Waypoint(p["lat"], p["lon"], p.get("label", "")) for p in body.get("waypoints", [])]
        state = RouteState(points, body.get("mode", "driving"), body.get("avoid", []))
        self.write({"snapshot": encode_snapshot(state)})


class RestoreHandler(tornado.web.RequestHandler):
    def post(self):
        blob = self.get_body_argument("snapshot", default="")
        if not blob:
            raise tornado.web.HTTPError(400, "snapshot missing")
        try:
            state = decode_snapshot(blob)
        except (ValueError, zlib.error, pickle.UnpicklingError) as exc:
            log.info("bad snapshot: %s", exc)
            raise tornado.web.HTTPError(400, "invalid snapshot")
        self.write({
            "mode": state.mode,
            "avoid": state.avoid,
            "waypoints": [w.as_dict() for w in state.waypoints],
        })


def make_app():
    return tornado.web.Application([
        (r"/route/snapshot", SnapshotHandler),
        (r"/route/restore", RestoreHandler),
    ])


if __name__ == "__main__":
    logging.basicConfig(level=logging.INFO)
    make_app().listen(8888, address="127.0.0.1")
    tornado.ioloop.IOLoop.current().start()
