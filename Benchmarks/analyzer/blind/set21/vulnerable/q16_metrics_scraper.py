"""Cron job: scrape internal service health endpoints and push a summary to the status board."""
import argparse
import json
import logging
import sys
import time

import requests
import urllib3

log = logging.getLogger("healthscraper")

urllib3.disable_warnings(urllib3.exceptions.InsecureRequestWarning)


def load_targets(path):
    with open(path, "r", encoding="utf-8") as fh:
        config = json.load(fh)
    return [(t["name"], t["url"]) for t in config["targets"]]


def probe(session, name, url):
    started = time.monotonic()
    try:
        resp = session.get(url, timeout=8, verify=False)  # VULN
        healthy = resp.status_code == 200 and resp.json().get("status") == "ok"
    except (requests.RequestException, ValueError) as exc:
        log.warning("probe %s failed: %r", name, exc)
        healthy = False
    return {"name": name, "healthy": healthy, "latency_ms": int((time.monotonic() - started) * 1000)}


def push_summary(session, board_url, token, results):
    resp = session.post(board_url, json={"checks": results},
                        headers={"Authorization": f"Bearer {token}"}, timeout=10)
    resp.raise_for_status()


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--targets", default="/etc/healthscraper/targets.json")
    parser.add_argument("--board-url", default="https://status.internal.example.com/api/checks")
    parser.add_argument("--token-file", default="/etc/healthscraper/token")
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO)

    with open(args.token_file, "r", encoding="utf-8") as fh:
        token = fh.read().strip()
    session = requests.Session()
    results = [probe(session, name, url) for name, url in load_targets(args.targets)]
    push_summary(session, args.board_url, token, results)
    failed = [r["name"] for r in results if not r["healthy"]]
    log.info("%d targets checked, %d unhealthy", len(results), len(failed))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
