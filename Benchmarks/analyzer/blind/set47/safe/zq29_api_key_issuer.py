"""Issue and revoke API keys for corporate-banking API clients.

The API gateway reads KEYS_FILE on reload and authenticates requests by
comparing the SHA-256 digest of the presented key.
"""
import hashlib
import json
import os
import secrets
from datetime import datetime, timezone
from typing import Dict

import click

KEYS_FILE = os.environ.get("API_KEYS_FILE", "/etc/corpapi/keys.json")
VALID_SCOPES = {"accounts:read", "payments:write", "statements:read", "fx:quote"}


def generate_key(client_id: str) -> str:
    return "ck_" + secrets.token_hex(20)


def key_digest(key: str) -> str:
    return hashlib.sha256(key.encode()).hexdigest()


def load_keys() -> Dict[str, dict]:
    if not os.path.exists(KEYS_FILE):
        return {}
    with open(KEYS_FILE) as fh:
        return json.load(fh)


def save_keys(keys: Dict[str, dict]) -> None:
    tmp = KEYS_FILE + ".tmp"
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w") as fh:
        json.dump(keys, fh, indent=2, sort_keys=True)
    os.replace(tmp, KEYS_FILE)
    os.chmod(KEYS_FILE, 0o600)


@click.group()
def cli() -> None:
    """Corporate API key administration."""


@cli.command()
@click.argument("client_id")
@click.option("--scope", "scopes", multiple=True, required=True)
def issue(client_id: str, scopes) -> None:
    bad = set(scopes) - VALID_SCOPES
    if bad:
        raise click.BadParameter(f"unknown scopes: {', '.join(sorted(bad))}")
    key = generate_key(client_id)
    keys = load_keys()
    keys[key_digest(key)] = {
        "client_id": client_id,
        "prefix": key[:10],
        "scopes": sorted(scopes),
        "issued": datetime.now(timezone.utc).isoformat(),
        "revoked": False,
    }
    save_keys(keys)
    click.echo(f"API key for {client_id} (shown once): {key}")


@cli.command()
@click.argument("prefix")
def revoke(prefix: str) -> None:
    keys = load_keys()
    hits = [d for d, meta in keys.items() if meta["prefix"] == prefix and not meta["revoked"]]
    if not hits:
        raise click.ClickException("no active key with that prefix")
    for digest in hits:
        keys[digest]["revoked"] = True
    save_keys(keys)
    click.echo(f"revoked {len(hits)} key(s)")


@cli.command("list")
def list_keys() -> None:
    for meta in sorted(load_keys().values(), key=lambda m: m["issued"]):
        state = "revoked" if meta["revoked"] else "active"
        click.echo(f"{meta['prefix']}  {meta['client_id']:<20} {state:<8} {','.join(meta['scopes'])}")


if __name__ == "__main__":
    cli()
