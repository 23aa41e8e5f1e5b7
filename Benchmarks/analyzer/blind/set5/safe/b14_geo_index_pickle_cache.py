import csv
import os
import pickle
import sys
from pathlib import Path

CACHE_DIR = Path(os.environ.get("XDG_CACHE_HOME", Path.home() / ".cache")) / "geoindex"


def build_index(csv_path):
    index = {}
    with open(csv_path, newline="", encoding="utf-8") as fh:
        for row in csv.DictReader(fh):
            index.setdefault(row["country"], []).append((row["city"], float(row["lat"]), float(row["lon"])))
    return index


def load_index(csv_path):
    CACHE_DIR.mkdir(mode=0o700, parents=True, exist_ok=True)
    cache = CACHE_DIR / (Path(csv_path).stem + ".pickle")
    if cache.exists() and cache.stat().st_mtime >= os.stat(csv_path).st_mtime:
        with cache.open("rb") as fh:
            return pickle.load(fh)
    index = build_index(csv_path)
    fd = os.open(cache, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "wb") as fh:
        pickle.dump(index, fh)
    return index


if __name__ == "__main__":
    idx = load_index(sys.argv[1])
    for city, lat, lon in idx.get(sys.argv[2], []):
        print(f"{city}\t{lat:.4f}\t{lon:.4f}")
