import json
import re
import shlex
import ssl
import subprocess
import urllib.request
from typing import List
from urllib.parse import urlparse

import typer

app = typer.Typer(help="Roll out game-server builds to the regional fleet")
HOST_RE = re.compile(r"^[a-z0-9][a-z0-9.-]{0,252}$")
VERSION_RE = re.compile(r"^\d+\.\d+\.\d+(?:-[a-z0-9]+)?$")
SERVICES = {"matchmaker", "lobby", "gameserver"}


def fetch_release_manifest(manifest_url: str) -> dict:
    if urlparse(manifest_url).scheme != "https":
        raise typer.BadParameter("manifest URL must use https")
    ctx = ssl.create_default_context()
    with urllib.request.urlopen(manifest_url, context=ctx, timeout=15) as resp:
        return json.load(resp)


def remote_restart(host: str, service: str, version: str) -> int:
    remote = shlex.join(["sudo", "systemctl", "restart", f"{service}@{version}"])
    return subprocess.call(["ssh", "-o", "BatchMode=yes", f"deploy@{host}", remote])


@app.command()
def rollout(
    manifest_url: str,
    service: str = typer.Option(..., help="service to restart"),
    hosts: List[str] = typer.Option(..., "--host", help="target host, repeatable"),
    dry_run: bool = typer.Option(False, "--dry-run"),
):
    """Restart SERVICE on each host at the version pinned in the release manifest."""
    if service not in SERVICES:
        raise typer.BadParameter(f"service must be one of {sorted(SERVICES)}")
    bad_hosts = [h for h in hosts if not HOST_RE.match(h)]
    if bad_hosts:
        raise typer.BadParameter(f"invalid host names: {bad_hosts}")
    manifest = fetch_release_manifest(manifest_url)
    version = str(manifest["services"][service]["version"])
    if not VERSION_RE.match(version):
        raise typer.BadParameter(f"manifest pins an invalid version for {service}: {version!r}")
    failures = 0
    for host in hosts:
        if dry_run:
            typer.echo(f"[dry-run] {host}: restart {service}@{version}")
            continue
        rc = remote_restart(host, service, version)
        status = typer.style("ok", fg="green") if rc == 0 else typer.style(f"exit {rc}", fg="red")
        typer.echo(f"{host}: {status}")
        failures += int(rc != 0)
    raise typer.Exit(code=1 if failures else 0)


if __name__ == "__main__":
    app()
