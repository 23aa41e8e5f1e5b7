"""Admin CLI for partner access to the climate data archive.

  archive-access issue-key  <partner>        create an API key for a partner
  archive-access sign-url   <partner> <path>  make a time-limited download link
  archive-access check-url  <url>            verify a download link
"""
import hashlib
import hmac
import json
import os
import secrets
import string
import time
from pathlib import Path
from urllib.parse import parse_qs, urlencode, urlsplit

import typer

app = typer.Typer(help="Climate archive partner access")

ARCHIVE_BASE = "https://archive.example-weather.net/dl"
KEYS_FILE = Path(os.environ.get("ARCHIVE_KEYS_FILE", "/etc/wxarchive/partner_keys.json"))
KEY_ALPHABET = string.ascii_letters + string.digits


def signing_secret() -> str:
    return os.environ["ARCHIVE_URL_SECRET"]


def _signature(partner: str, path: str, expires: int) -> str:
    payload = f"{partner}|{path}|{expires}"
    return hmac.new(signing_secret().encode(), payload.encode(), hashlib.sha256).hexdigest()


def _load_keys() -> dict:
    return json.loads(KEYS_FILE.read_text()) if KEYS_FILE.exists() else {}


@app.command("issue-key")
def issue_key(partner: str, length: int = typer.Option(40, min=32)):
    keys = _load_keys()
    key = "".join(secrets.choice(KEY_ALPHABET) for _ in range(length))
    keys[partner] = {"key_sha256": hashlib.sha256(key.encode()).hexdigest(),
                     "issued": int(time.time())}
    KEYS_FILE.write_text(json.dumps(keys, indent=2))
    typer.echo(f"API key for {partner} (shown once): {key}")


@app.command("sign-url")
def sign_url(partner: str, path: str, hours: int = typer.Option(24, min=1, max=168)):
    expires = int(time.time()) + hours * 3600
    query = urlencode({"p": partner, "e": expires, "s": _signature(partner, path, expires)})
    typer.echo(f"{ARCHIVE_BASE}/{path.lstrip('/')}?{query}")


@app.command("check-url")
def check_url(url: str):
    parts = urlsplit(url)
    qs = parse_qs(parts.query)
    path = parts.path[len(urlsplit(ARCHIVE_BASE).path):].lstrip("/")
    try:
        partner, expires, sig = qs["p"][0], int(qs["e"][0]), qs["s"][0]
    except (KeyError, ValueError):
        typer.echo("malformed link", err=True)
        raise typer.Exit(2)
    if expires < time.time():
        typer.echo("link expired")
        raise typer.Exit(1)
    ok = hmac.compare_digest(sig, _signature(partner, path, expires))
    typer.echo("valid" if ok else "INVALID signature")
    raise typer.Exit(0 if ok else 1)


if __name__ == "__main__":
    app()
