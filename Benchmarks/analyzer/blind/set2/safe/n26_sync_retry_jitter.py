import logging
import random
import time

import requests

log = logging.getLogger(__name__)
MIRRORS = ["https://mirror-a.example.net", "https://mirror-b.example.net", "https://mirror-c.example.net"]


def backoff_delays(attempts, base=0.5, cap=30.0):
    for attempt in range(attempts):
        yield random.uniform(0, min(cap, base * 2 ** attempt))


def fetch_manifest(path="/manifest.json", attempts=5):
    mirrors = MIRRORS[:]
    random.shuffle(mirrors)
    for delay, mirror in zip(backoff_delays(attempts), mirrors * attempts):
        try:
            resp = requests.get(mirror + path, timeout=10)
            resp.raise_for_status()
            return resp.json()
        except requests.RequestException as exc:
            log.warning("mirror %s failed (%s), retrying in %.1fs", mirror, exc, delay)
            time.sleep(delay)
    raise RuntimeError("all mirrors failed")
