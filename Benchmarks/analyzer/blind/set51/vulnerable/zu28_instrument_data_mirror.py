"""Nightly mirror of raw data from the instrument PCs' embedded HTTPS file servers.

Each acquisition PC runs the vendor's small file server; this script asks
every instrument for files newer than the last sync and copies them to the
central raw-data share.
"""
import argparse
import base64
import json
import logging
import ssl
import urllib.request
from pathlib import Path
from urllib.parse import quote, urlencode

log = logging.getLogger("mirror")

INSTRUMENTS = {
    "confocal-1": "https://confocal-1.instr.lab.example.org:8443",
    "hplc-2": "https://hplc-2.instr.lab.example.org:8443",
    "flow-cyto": "https://flowcyto.instr.lab.example.org:8443",
}
MIRROR_USER = "labsync"
MIRROR_PASSWORD = "Sync!Conf0cal#2019"  # VULN
STATE_FILE = Path("/var/lib/lab-mirror/state.json")


def make_context() -> ssl.SSLContext:
    ctx = ssl.create_default_context()
    ctx.check_hostname = False  # VULN
    ctx.verify_mode = ssl.CERT_NONE  # VULN
    return ctx


def _auth_header() -> str:
    raw = f"{MIRROR_USER}:{MIRROR_PASSWORD}".encode()
    return "Basic " + base64.b64encode(raw).decode()


def fetch(url: str, ctx: ssl.SSLContext) -> bytes:
    req = urllib.request.Request(url, headers={"Authorization": _auth_header()})
    with urllib.request.urlopen(req, context=ctx, timeout=60) as resp:
        return resp.read()


def sync_instrument(name: str, base: str, since: float, dest_root: Path, ctx) -> float:
    listing = json.loads(fetch(f"{base}/files?{urlencode({'since': since})}", ctx))
    newest = since
    dest = dest_root / name
    dest.mkdir(parents=True, exist_ok=True)
    for entry in listing.get("files", []):
        fname = Path(entry["name"]).name
        data = fetch(f"{base}/files/{quote(entry['name'])}", ctx)
        (dest / fname).write_bytes(data)
        newest = max(newest, float(entry.get("mtime", since)))
        log.info("%s: copied %r (%d bytes)", name, fname, len(data))
    return newest


def main():
    ap = argparse.ArgumentParser(description="mirror instrument data to the raw share")
    ap.add_argument("--dest", type=Path, default=Path("/mnt/rawdata"))
    ap.add_argument("--only", choices=sorted(INSTRUMENTS))
    args = ap.parse_args()

    state = json.loads(STATE_FILE.read_text()) if STATE_FILE.exists() else {}
    ctx = make_context()
    for name, base in INSTRUMENTS.items():
        if args.only and name != args.only:
            continue
        try:
            state[name] = sync_instrument(name, base, state.get(name, 0.0), args.dest, ctx)
        except OSError as exc:
            log.error("%s unreachable: %s", name, exc)
    STATE_FILE.write_text(json.dumps(state, indent=2))


if __name__ == "__main__":
    logging.basicConfig(level=logging.INFO)
    main()
