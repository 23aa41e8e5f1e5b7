"""UDP collector for the hill-top weather stations.

Each station sends one JSON datagram per minute.  Stations may also
carry a per-sensor correction expression set by the field technician,
e.g. ``"x * 1.02 - 0.3"``.
"""
import ast
import json
import logging
import operator
import os
import re
import socketserver
import sqlite3
import threading
import time

log = logging.getLogger("wx.collector")

DB_PATH = "observations.sqlite3"
_db_lock = threading.Lock()
_db = sqlite3.connect(DB_PATH, check_same_thread=False)
_db.execute("CREATE TABLE IF NOT EXISTS obs (station TEXT, sensor TEXT, ts REAL, value REAL)")

STATION_RE = re.compile(r"^[a-z0-9_-]{1,32}$")
_BINOPS = {ast.Add: operator.add, ast.Sub: operator.sub, ast.Mult: operator.mul, ast.Div: operator.truediv}
_UNARY = {ast.USub: operator.neg, ast.UAdd: operator.pos}


def _evaluate(node, x):
    if isinstance(node, ast.Expression):
        return _evaluate(node.body, x)
    if isinstance(node, ast.Constant) and isinstance(node.value, (int, float)):
        return float(node.value)
    if isinstance(node, ast.Name) and node.id == "x":
        return x
    if isinstance(node, ast.BinOp) and type(node.op) in _BINOPS:
        return _BINOPS[type(node.op)](_evaluate(node.left, x), _evaluate(node.right, x))
    if isinstance(node, ast.UnaryOp) and type(node.op) in _UNARY:
        return _UNARY[type(node.op)](_evaluate(node.operand, x))
    raise ValueError("unsupported element in correction expression")


def apply_correction(expression, raw_value):
    if not expression:
        return raw_value
    if len(expression) > 64:
        raise ValueError("correction expression too long")
    return _evaluate(ast.parse(expression, mode="eval"), raw_value)


def store(station, readings):
    now = time.time()
    with _db_lock, _db:
        _db.executemany("INSERT INTO obs VALUES (?, ?, ?, ?)",
                        [(station, sensor, now, value) for sensor, value in readings.items()])


class StationHandler(socketserver.BaseRequestHandler):
    def handle(self):
        data, _sock = self.request
        try:
            msg = json.loads(data.decode("utf-8"))
            station = msg["station"]
            sensors = msg["sensors"]
        except (ValueError, KeyError, UnicodeDecodeError):
            log.warning("malformed datagram from %s", self.client_address[0])
            return
        if not isinstance(station, str) or not STATION_RE.fullmatch(station):
            log.warning("bad station id from %s", self.client_address[0])
            return
        log.info("datagram from station " + station)
        readings = {}
        for name, spec in sensors.items():
            try:
                readings[name] = apply_correction(spec.get("correction"), float(spec["value"]))
            except (ValueError, TypeError, KeyError, SyntaxError, ZeroDivisionError, AttributeError) as exc:
                log.warning("sensor %r: %s", name, exc)
        if readings:
            store(station, readings)


class CollectorServer(socketserver.ThreadingMixIn, socketserver.UDPServer):
    daemon_threads = True


if __name__ == "__main__":
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(message)s")
    listen = (os.environ.get("WX_LISTEN_ADDR", "127.0.0.1"), int(os.environ.get("WX_PORT", "9750")))
    with CollectorServer(listen, StationHandler) as server:
        server.serve_forever()
