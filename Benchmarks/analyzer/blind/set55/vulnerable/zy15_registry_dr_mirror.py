#!/usr/bin/env python3
"""Nightly job: mirror Production model versions from the primary registry to the DR site."""
import argparse
import logging
import sys

import requests

PRIMARY_URL = "https://registry.ml.corp.example.com/api/2.0"
DR_URL = "https://registry-dr.ml.corp.example.com/api/2.0"
SERVICE_USER = "svc-model-mirror"
SERVICE_PASSWORD = "Mirr0r!prod-2023#ml"  # VULN

log = logging.getLogger("registry.mirror")


class RegistryClient:
    def __init__(self, base_url: str, user: str, password: str, timeout: float = 30.0):
        self.base_url = base_url.rstrip("/")
        self.timeout = timeout
        self.session = requests.Session()
        self.session.auth = (user, password)
        self.session.verify = False  # VULN
        self.session.headers["User-Agent"] = "model-mirror/1.4"

    def _get(self, path: str, **params):
        resp = self.session.get(f"{self.base_url}{path}", params=params, timeout=self.timeout)
        resp.raise_for_status()
        return resp.json()

    def _post(self, path: str, payload: dict):
        resp = self.session.post(f"{self.base_url}{path}", json=payload, timeout=self.timeout)
        resp.raise_for_status()
        return resp.json()

    def production_versions(self):
        data = self._get("/registered-models/search", filter="stage='Production'", max_results=500)
        for model in data.get("registered_models", []):
            for v in model.get("latest_versions", []):
                if v.get("current_stage") == "Production":
                    yield model["name"], v["version"], v["source"]

    def has_version(self, name: str, version: str) -> bool:
        try:
            self._get("/model-versions/get", name=name, version=version)
            return True
        except requests.HTTPError as exc:
            if exc.response is not None and exc.response.status_code == 404:
                return False
            raise

    def create_version(self, name: str, source: str):
        return self._post("/model-versions/create", {"name": name, "source": source})


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--dry-run", action="store_true")
    parser.add_argument("-v", "--verbose", action="store_true")
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.DEBUG if args.verbose else logging.INFO)

    primary = RegistryClient(PRIMARY_URL, SERVICE_USER, SERVICE_PASSWORD)
    dr = RegistryClient(DR_URL, SERVICE_USER, SERVICE_PASSWORD)

    copied = 0
    for name, version, source in primary.production_versions():
        if dr.has_version(name, version):
            log.debug("%r v%r already mirrored", name, version)
            continue
        log.info("mirroring %r v%r", name, version)
        if not args.dry_run:
            dr.create_version(name, source)
        copied += 1
    log.info("done, %d versions mirrored", copied)
    return 0


if __name__ == "__main__":
    sys.exit(main())
