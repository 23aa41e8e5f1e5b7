"""Point-forecast proxy.

The mobile app calls this instead of hitting the providers directly so we can
cache responses and hide provider keys. Partners can also point the proxy at
their own forecast endpoint through the ``upstream`` parameter.
"""
import logging
import os
from urllib.parse import urlsplit

import httpx
import tornado.ioloop
import tornado.web

log = logging.getLogger("forecast.proxy")

PROVIDERS = {
    "nws": "https://api.weather.gov/points/{lat:.4f},{lon:.4f}",
    "openmeteo": "https://api.open-meteo.com/v1/forecast?latitude={lat:.4f}&longitude={lon:.4f}&hourly=temperature_2m",
}
PARTNER_HOSTS = frozenset(
    h.strip() for h in os.environ.get("PARTNER_FORECAST_HOSTS", "").split(",") if h.strip()
)
USER_AGENT = "wx-forecast-proxy/2.3 (ops@example-weather.net)"


def build_upstream_url(source: str, lat: float, lon: float, upstream: str = None) -> str:
    if upstream:
        template = upstream
    else:
        template = PROVIDERS.get(source)
        if template is None:
            raise KeyError(source)
    url = template.format(lat=lat, lon=lon)
    parts = urlsplit(url)
    if upstream and (parts.scheme != "https" or parts.hostname not in PARTNER_HOSTS):
        raise ValueError("upstream host not allowed")
    return url


class ForecastProxyHandler(tornado.web.RequestHandler):
    async def get(self):
        try:
            lat = float(self.get_argument("lat"))
            lon = float(self.get_argument("lon"))
        except ValueError:
            raise tornado.web.HTTPError(400, "lat/lon must be numeric")
        if not (-90 <= lat <= 90 and -180 <= lon <= 180):
            raise tornado.web.HTTPError(400, "lat/lon out of range")

        source = self.get_argument("source", "nws")
        upstream = self.get_argument("upstream", None)
        try:
            url = build_upstream_url(source, lat, lon, upstream)
        except (KeyError, IndexError, ValueError):
            raise tornado.web.HTTPError(400, "unknown forecast source")

        async with httpx.AsyncClient(headers={"User-Agent": USER_AGENT},
                                     follow_redirects=False) as client:
            try:
                upstream_resp = await client.get(url, timeout=10.0)
            except httpx.HTTPError as exc:
                log.warning("upstream error: %s", type(exc).__name__)
                raise tornado.web.HTTPError(502)

        self.set_status(upstream_resp.status_code)
        self.set_header("Content-Type", "application/json")
        self.set_header("Cache-Control", "public, max-age=600")
        self.write(upstream_resp.content)


def make_app():
    return tornado.web.Application([(r"/v1/forecast", ForecastProxyHandler)])


if __name__ == "__main__":
    logging.basicConfig(level=logging.INFO)
    make_app().listen(int(os.environ.get("PORT", "8000")), address="127.0.0.1")
    tornado.ioloop.IOLoop.current().start()
