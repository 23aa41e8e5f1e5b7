"""Tariff engine for partner councils on the shared commercial-waste platform.

Each council uploads its own pricing routine (compiled on their side with the
SDK's ``wbtariff build`` command) and we run it when pricing their customers'
collections for the billing period.
"""
import logging
import marshal
import os
from decimal import Decimal

import redis
from flask import Flask, abort, jsonify, request

app = Flask(__name__)
log = logging.getLogger("tariffs")

r = redis.Redis.from_url(os.environ["REDIS_URL"])
MAX_BLOB = 256 * 1024


def council_from_key() -> str:
    key = request.headers.get("X-Api-Key", "")
    council = r.hget("partner:keys", key) if key else None
    if council is None:
        abort(401)
    return council.decode()


class TariffCache:
    def __init__(self, client) -> None:
        self.client = client
        self._fns = {}

    def store(self, council: str, blob: bytes) -> None:
        self.client.set(f"tariff:{council}", blob)
        self._fns.pop(council, None)

    def price_fn(self, council: str):
        if council not in self._fns:
            blob = self.client.get(f"tariff:{council}")
            if blob is None:
                raise KeyError(council)
            ns = {"Decimal": Decimal}
            exec(marshal.loads(blob), ns)  # VULN flow
            self._fns[council] = ns["price"]
        return self._fns[council]


tariffs = TariffCache(r)


@app.put("/tariff")
def upload_tariff():
    council = council_from_key()
    blob = request.get_data()
    if not blob or len(blob) > MAX_BLOB:
        abort(400, "tariff must be 1 byte - 256 KiB")
    tariffs.store(council, blob)
    log.info("tariff updated for council %r (%d bytes)", council, len(blob))
    return "", 204


@app.post("/price")
def price_collections():
    council = council_from_key()
    lines = (request.get_json(silent=True) or {}).get("collections", [])
    try:
        fn = tariffs.price_fn(council)
    except KeyError:
        abort(404, "no tariff uploaded")
    priced = []
    for line in lines:
        amount = Decimal(str(fn(line["stream"], int(line["lifts"]), float(line.get("weight_kg", 0)))))
        priced.append({**line, "amount": str(amount.quantize(Decimal("0.01")))})
    return jsonify(priced=priced, total=str(sum(Decimal(p["amount"]) for p in priced)))
