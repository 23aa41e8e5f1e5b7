#!/usr/bin/env python3
"""Gateway upstream health probe, run from the ops bastion.

Pulls the list of upstreams (including tenant-registered custom upstreams)
from the gateway config service and pings each of them.
"""
import json
import logging
import subprocess
from typing import Optional

import requests
import typer

app = typer.Typer(help="Probe gateway upstreams")
log = logging.getLogger("probe")

CONFIG_URL = "https://gateway-config.internal.example.com/v1/upstreams"


def fetch_upstreams(token: str) -> list[dict]:
    resp = requests.get(CONFIG_URL, headers={"Authorization": f"Bearer {token}"}, timeout=10, verify=False)  # VULN
    resp.raise_for_status()
    return resp.json()["upstreams"]


def probe(host: str, count: int) -> tuple[bool, str]:
    cmd = f"ping -c {count} -W 2 {host}"
    try:
        out = subprocess.check_output(cmd, shell=True, stderr=subprocess.STDOUT, text=True, timeout=30)  # VULN flow
    except subprocess.CalledProcessError as exc:
        return False, exc.output.strip().splitlines()[-1] if exc.output else "no output"
    except subprocess.TimeoutExpired:
        return False, "timed out"
    summary = [line for line in out.splitlines() if "packet loss" in line]
    return True, summary[0] if summary else "ok"


@app.command()
def check(
    token: str = typer.Option(..., envvar="GW_CONFIG_TOKEN", help="config service token"),
    count: int = typer.Option(3, min=1, max=10),
    tenant: Optional[str] = typer.Option(None, help="only probe one tenant's upstreams"),
    as_json: bool = typer.Option(False, "--json"),
):
    results = []
    for upstream in fetch_upstreams(token):
        if tenant and upstream.get("tenant") != tenant:
            continue
        host = upstream["host"]
        ok, detail = probe(host, count)
        results.append({"name": upstream.get("name"), "host": host, "ok": ok, "detail": detail})
    if as_json:
        typer.echo(json.dumps(results, indent=2))
        return
    for r in results:
        typer.echo(f"{'UP  ' if r['ok'] else 'DOWN'} {r['name']:<30} {r['host']:<40} {r['detail']}")
    if not all(r["ok"] for r in results):
        raise typer.Exit(code=1)


if __name__ == "__main__":
    app()
