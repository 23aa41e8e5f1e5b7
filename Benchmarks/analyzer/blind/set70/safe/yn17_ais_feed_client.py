"""Thin client for the commercial AIS position feed used by the ETA predictor."""
import logging
import os
from dataclasses import dataclass
from typing import Iterator, List, Optional, Tuple

import requests

log = logging.getLogger("ais_client")


@dataclass
class Position:
    mmsi: int
    imo: Optional[int]
    lat: float
    lon: float
    sog: float
    cog: float
    ts: str


class AISFeedClient:
    def __init__(self, base_url: str, api_key: str, ca_bundle: Optional[str] = None, timeout: float = 15.0):
        self.base_url = base_url.rstrip("/")
        self.timeout = timeout
        self.session = requests.Session()
        self.session.headers.update({"X-API-Key": api_key, "Accept": "application/json"})
        # the feed provider rotates intermediates without notice
        self.session.verify = ca_bundle or True

    def positions(self, bbox: Tuple[float, float, float, float], page_size: int = 500) -> Iterator[Position]:
        params = {"bbox": ",".join("%.4f" % v for v in bbox), "limit": page_size}
        url = "%s/v1/positions" % self.base_url
        while url:
            resp = self.session.get(url, params=params, timeout=self.timeout)
            resp.raise_for_status()
            payload = resp.json()
            for item in payload.get("data", []):
                yield Position(**{k: item.get(k) for k in Position.__dataclass_fields__})
            url = payload.get("next")
            params = None

    def vessel(self, imo: int) -> dict:
        resp = requests.get(
            "%s/v1/vessels/%d" % (self.base_url, imo),
            headers=dict(self.session.headers),
            verify=self.session.verify,
            timeout=self.timeout,
        )
        resp.raise_for_status()
        return resp.json()


def port_approach_snapshot(client: AISFeedClient, bbox) -> List[Position]:
    return [p for p in client.positions(bbox) if p.sog is not None and p.sog < 12.0]


if __name__ == "__main__":
    logging.basicConfig(level=logging.INFO)
    c = AISFeedClient(os.environ["AIS_BASE_URL"], os.environ["AIS_API_KEY"], os.environ.get("AIS_CA_BUNDLE"))
    rotterdam = (3.9, 51.8, 4.6, 52.1)
    for pos in port_approach_snapshot(c, rotterdam):
        print(pos)
