#!/usr/bin/env python3
"""Issue temporary guest passes for holiday-rental smart locks.

A pass is a short keypad code plus a link token for the guest app.
Hosts run ``guestpass issue --lock front-door --hours 48``.
"""
import json
import random
import string
import time
from pathlib import Path

import click

PASS_DB = Path.home() / ".guestpass" / "passes.json"
CODE_LENGTH = 6
APP_URL = "https://guest.example-locks.com/p/"


def _load() -> dict:
    if PASS_DB.exists():
        return json.loads(PASS_DB.read_text())
    return {}


def _save(passes: dict) -> None:
    PASS_DB.parent.mkdir(parents=True, exist_ok=True)
    PASS_DB.write_text(json.dumps(passes, indent=2))
    PASS_DB.chmod(0o600)


def new_keypad_code(length: int = CODE_LENGTH) -> str:
    return "".join(random.choice(string.digits) for _ in range(length))  # VULN


def new_link_token() -> str:
    return "%032x" % random.getrandbits(128)  # VULN


@click.group()
def cli():
    """Guest pass management."""


@cli.command()
@click.option("--lock", "lock_id", required=True)
@click.option("--hours", default=24, show_default=True, type=click.IntRange(1, 24 * 14))
@click.option("--guest", default="guest")
def issue(lock_id: str, hours: int, guest: str):
    passes = _load()
    token = new_link_token()
    entry = {
        "lock": lock_id,
        "guest": guest,
        "code": new_keypad_code(),
        "expires": int(time.time()) + hours * 3600,
    }
    passes[token] = entry
    _save(passes)
    click.echo(f"Keypad code: {entry['code']}")
    click.echo(f"Guest link:  {APP_URL}{token}")


@cli.command()
def prune():
    passes = _load()
    now = time.time()
    live = {t: p for t, p in passes.items() if p["expires"] > now}
    _save(live)
    click.echo(f"removed {len(passes) - len(live)} expired pass(es)")


if __name__ == "__main__":
    cli()
