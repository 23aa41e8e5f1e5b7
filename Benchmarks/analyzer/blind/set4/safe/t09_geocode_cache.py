import hashlib
import os
import pickle
import time
from pathlib import Path

import requests

CACHE_DIR = Path(os.environ.get("XDG_CACHE_HOME", Path.home() / ".cache")) / "geotool"
CACHE_TTL = 7 * 24 * 3600
GEOCODE_URL = "https://nominatim.openstreetmap.org/search"


def _cache_path(query: str) -> Path:
    digest = hashlib.sha256(query.encode("utf-8")).hexdigest()
    return CACHE_DIR / f"{digest}.pkl"


def _load_cached(path: Path):
    if not path.exists() or time.time() - path.stat().st_mtime > CACHE_TTL:
        return None
    with path.open("rb") as fh:
        return pickle.load(fh)


def geocode(query: str):
    path = _cache_path(query)
    cached = _load_cached(path)
    if cached is not None:
        return cached
    resp = requests.get(GEOCODE_URL, params={"q": query, "format": "json", "limit": 1}, timeout=10)
    resp.raise_for_status()
    hits = resp.json()
    result = (float(hits[0]["lat"]), float(hits[0]["lon"])) if hits else ()
    CACHE_DIR.mkdir(mode=0o700, parents=True, exist_ok=True)
    tmp = path.with_suffix(".tmp")
    with tmp.open("wb") as fh:
        pickle.dump(result, fh, protocol=pickle.HIGHEST_PROTOCOL)
    tmp.replace(path)
    return result
