"""Tornado service that proxies FX rates for multi-currency invoicing.

The invoicing UI lets firms pick their preferred rate provider from the
list configured below.
"""
import json
import logging
import re
from decimal import Decimal

import httpx
import tornado.ioloop
import tornado.web

log = logging.getLogger("fx")

PROVIDERS = {
    "frankfurter": "https://api.frankfurter.app",
    "ecb-mirror": "https://fx.ledgerly.example/ecb",
}
DEFAULT_PROVIDER = "frankfurter"
CURRENCY_LIST_RE = re.compile(r"^[A-Z]{3}(,[A-Z]{3}){0,20}$")


def build_rate_url(provider: str, base: str, symbols: str) -> str:
    root = PROVIDERS[provider]
    return f"{root}/latest?from={base}&to={symbols}"


def normalise(payload: dict) -> dict:
    rates = payload.get("rates", {})
    return {code: str(Decimal(str(value))) for code, value in rates.items()}


class RateHandler(tornado.web.RequestHandler):
    async def get(self):
        base = self.get_argument("base", "EUR").upper()
        symbols = self.get_argument("symbols", "USD,GBP,CHF").upper()
        provider = self.get_argument("provider", DEFAULT_PROVIDER)
        if provider not in PROVIDERS or not CURRENCY_LIST_RE.match(base) or not CURRENCY_LIST_RE.match(symbols):
            raise tornado.web.HTTPError(400)
        url = build_rate_url(provider, base, symbols)

        async with httpx.AsyncClient(follow_redirects=False) as client:
            try:
                upstream = await client.get(url, timeout=8.0)
            except httpx.HTTPError as exc:
                log.warning("rate provider error: %r", str(exc))
                raise tornado.web.HTTPError(502)

        if upstream.status_code != 200:
            self.set_status(502)
            self.write({"error": "provider returned %d" % upstream.status_code, "body": upstream.text[:500]})
            return
        try:
            rates = normalise(upstream.json())
        except (ValueError, json.JSONDecodeError):
            self.set_status(502)
            self.write({"error": "unexpected provider payload", "body": upstream.text[:500]})
            return
        self.write({"base": base, "rates": rates})


def make_app():
    return tornado.web.Application([(r"/fx/rates", RateHandler)])


if __name__ == "__main__":
    logging.basicConfig(level=logging.INFO)
    make_app().listen(8870, address="127.0.0.1")
    tornado.ioloop.IOLoop.current().start()
