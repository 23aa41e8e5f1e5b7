import logging
import os
import threading
import time

import requests
import yaml

log = logging.getLogger("config")
CONFIG_URL = os.environ.get("CONFIG_URL", "https://config.internal.example.com/services/billing.yaml")
CA_BUNDLE = os.environ.get("CONFIG_CA_BUNDLE", "/etc/ssl/certs/internal-ca.pem")
REFRESH_SECONDS = int(os.environ.get("CONFIG_REFRESH", "300"))

_current = {}
_lock = threading.Lock()


def fetch_remote():
    resp = requests.get(CONFIG_URL, timeout=10, verify=CA_BUNDLE)
    resp.raise_for_status()
    return resp.text


def parse(text):
    data = yaml.safe_load(text)
    if data is not None and not isinstance(data, dict):
        raise yaml.YAMLError("top-level mapping expected")
    return data or {}


def refresh():
    try:
        data = parse(fetch_remote())
    except (requests.RequestException, yaml.YAMLError) as exc:
        log.warning("config refresh failed: %s", exc)
        return False
    with _lock:
        _current.clear()
        _current.update(data)
    log.info("config refreshed, %d keys", len(_current))
    return True


def get(key, default=None):
    with _lock:
        return _current.get(key, default)


def _loop():
    while True:
        time.sleep(REFRESH_SECONDS)
        refresh()


def start():
    refresh()
    threading.Thread(target=_loop, name="config-refresh", daemon=True).start()
