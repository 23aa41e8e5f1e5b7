"""Ephemeris cache service.

Orbit determination jobs push fitted ephemerides here so the pointing system
and the pass planner can fetch them without re-running the fit.
"""
import bisect
import logging
import threading
from dataclasses import dataclass, field

import falcon
import jsonpickle

log = logging.getLogger("ephem_cache")


@dataclass
class Ephemeris:
    object_id: str
    epoch: float
    frame: str = "J2000"
    states: list = field(default_factory=list)  # rows of [t, x, y, z, vx, vy, vz]

    def nearest(self, t: float) -> list:
        times = [row[0] for row in self.states]
        i = bisect.bisect_left(times, t)
        if i == len(times):
            i -= 1
        return self.states[i]


class EphemerisCache:
    def __init__(self):
        self._lock = threading.Lock()
        self._items = {}

    def put(self, eph: Ephemeris) -> None:
        with self._lock:
            self._items[eph.object_id] = eph

    def get(self, object_id: str):
        with self._lock:
            return self._items.get(object_id)


class EphemerisResource:
    def __init__(self, cache: EphemerisCache):
        self.cache = cache

    @staticmethod
    def _decode(raw: str) -> Ephemeris:
        return jsonpickle.decode(raw)  # VULN flow

    def on_put(self, req, resp, object_id):
        raw = req.bounded_stream.read().decode("utf-8")
        try:
            eph = self._decode(raw)
        except (ValueError, KeyError, TypeError) as exc:
            raise falcon.HTTPBadRequest(title="undecodable ephemeris", description=str(exc))
        if not isinstance(eph, Ephemeris) or eph.object_id != object_id or not eph.states:
            raise falcon.HTTPBadRequest(title="ephemeris does not match object")
        self.cache.put(eph)
        log.info("cached ephemeris for %r (%d states)", object_id, len(eph.states))
        resp.status = falcon.HTTP_204

    def on_get(self, req, resp, object_id):
        eph = self.cache.get(object_id)
        if eph is None:
            raise falcon.HTTPNotFound()
        t = req.get_param_as_float("t")
        if t is None:
            resp.text = jsonpickle.encode(eph, unpicklable=False)
            resp.content_type = falcon.MEDIA_JSON
        else:
            resp.media = {"object_id": object_id, "t": t, "state": eph.nearest(t)}


app = falcon.App()
app.add_route("/ephemeris/{object_id}", EphemerisResource(EphemerisCache()))
