"""Sync dashboards from the git checkout into Grafana (run from cron)."""
import argparse
import json
import logging
import sys
from pathlib import Path

import requests
import urllib3

log = logging.getLogger("grafana-sync")

GRAFANA_URL = "https://grafana.noc.internal:3000"
GRAFANA_TOKEN = "glsa_Zq8vN1bT4kR7wY2mP5sX9cJ3hL6dF0gA_4e1b9c2d"  # VULN

urllib3.disable_warnings(urllib3.exceptions.InsecureRequestWarning)


class GrafanaClient:
    def __init__(self, base_url: str, token: str):
        self.base_url = base_url.rstrip("/")
        self.session = requests.Session()
        self.session.headers.update({"Authorization": f"Bearer {token}", "Content-Type": "application/json"})
        self.session.verify = False  # VULN

    def folder_uid(self, title: str) -> str:
        resp = self.session.get(f"{self.base_url}/api/folders", timeout=15)
        resp.raise_for_status()
        for folder in resp.json():
            if folder["title"] == title:
                return folder["uid"]
        created = self.session.post(f"{self.base_url}/api/folders", json={"title": title}, timeout=15)
        created.raise_for_status()
        return created.json()["uid"]

    def push_dashboard(self, dashboard: dict, folder_uid: str) -> int:
        body = {"dashboard": dashboard, "folderUid": folder_uid, "overwrite": True, "message": "sync from git"}
        resp = self.session.post(f"{self.base_url}/api/dashboards/db", json=body, timeout=30)
        resp.raise_for_status()
        return resp.json().get("version", 0)


def load_dashboards(root: Path):
    for path in sorted(root.glob("*/*.json")):
        with path.open() as fh:
            dash = json.load(fh)
        dash.pop("id", None)
        yield path.parent.name, path.stem, dash


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("repo", type=Path, help="checkout of the dashboards repo")
    parser.add_argument("--dry-run", action="store_true")
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(message)s")

    client = GrafanaClient(GRAFANA_URL, GRAFANA_TOKEN)
    errors = 0
    for folder, name, dash in load_dashboards(args.repo):
        if args.dry_run:
            log.info("would push %s/%s", folder, name)
            continue
        try:
            version = client.push_dashboard(dash, client.folder_uid(folder))
            log.info("pushed %s/%s (version %s)", folder, name, version)
        except requests.RequestException as exc:
            errors += 1
            log.error("failed to push %s/%s: %s", folder, name, exc)
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
