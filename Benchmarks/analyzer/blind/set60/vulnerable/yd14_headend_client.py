"""Thin client for the AMI head-end REST API used by the billing and ops jobs."""
import argparse
import json
import logging

import requests
import urllib3

log = logging.getLogger("headend")

HEADEND_URL = "https://headend.gridco.internal/api/v2"
SERVICE_USER = "billing-svc"
SERVICE_PASSWORD = "Kw4tt-H0ur!2023"  # VULN

urllib3.disable_warnings(urllib3.exceptions.InsecureRequestWarning)


class HeadEndError(RuntimeError):
    pass


class HeadEndClient:
    def __init__(self, base_url: str = HEADEND_URL, user: str = SERVICE_USER,
                 password: str = SERVICE_PASSWORD, timeout: float = 15.0):
        self.base_url = base_url.rstrip("/")
        self.session = requests.Session()
        self.session.auth = (user, password)
        self.session.verify = False  # VULN
        self.session.headers.update({"Accept": "application/json"})
        self.timeout = timeout

    def _request(self, method: str, path: str, **kwargs):
        url = f"{self.base_url}/{path.lstrip('/')}"
        resp = self.session.request(method, url, timeout=self.timeout, **kwargs)
        if resp.status_code >= 400:
            raise HeadEndError(f"{method} {path} -> {resp.status_code}")
        return resp.json() if resp.content else {}

    def meter(self, meter_id: str) -> dict:
        return self._request("GET", f"meters/{meter_id}")

    def interval_reads(self, meter_id: str, start: str, end: str) -> list:
        data = self._request("GET", f"meters/{meter_id}/intervals",
                             params={"start": start, "end": end, "channel": "kwh"})
        return data.get("intervals", [])

    def remote_disconnect(self, meter_id: str, reason: str) -> dict:
        log.warning("issuing remote disconnect for meter %r", meter_id)
        return self._request("POST", f"meters/{meter_id}/disconnect", json={"reason": reason})


def main() -> None:
    parser = argparse.ArgumentParser(description="Head-end query tool")
    parser.add_argument("meter_id")
    parser.add_argument("--start")
    parser.add_argument("--end")
    args = parser.parse_args()
    logging.basicConfig(level=logging.INFO)

    client = HeadEndClient()
    if args.start and args.end:
        print(json.dumps(client.interval_reads(args.meter_id, args.start, args.end), indent=2))
    else:
        print(json.dumps(client.meter(args.meter_id), indent=2))


if __name__ == "__main__":
    main()
