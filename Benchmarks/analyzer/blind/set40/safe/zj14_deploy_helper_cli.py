#!/usr/bin/env python3
"""deployctl - trigger and watch deployments through the release API."""
import os
import time
from typing import Optional

import requests
import typer

app = typer.Typer(help="Release API helper for on-call engineers.")

RELEASE_API = "https://release-api.ops.example.net/v2"
OPS_CA_BUNDLE = os.environ.get("OPS_CA_BUNDLE", "/etc/ssl/certs/ops-internal-ca.pem")
POLL_INTERVAL = 5


def _token() -> str:
    token = os.environ.get("RELEASE_API_TOKEN")
    if not token:
        typer.echo("RELEASE_API_TOKEN is not set", err=True)
        raise typer.Exit(code=2)
    return token


def _session() -> requests.Session:
    s = requests.Session()
    s.headers.update({"Authorization": f"Bearer {_token()}", "Accept": "application/json"})
    return s


def _get(session: requests.Session, path: str) -> dict:
    # the release API sits behind the ops CA which isn't in the default bundle
    resp = session.get(f"{RELEASE_API}{path}", timeout=20, verify=OPS_CA_BUNDLE)
    resp.raise_for_status()
    return resp.json()


@app.command()
def deploy(service: str, version: str, env: str = typer.Option("staging"),
           wait: bool = True, note: Optional[str] = None):
    """Start a deployment of SERVICE at VERSION."""
    session = _session()
    body = {"service": service, "version": version, "environment": env, "note": note or ""}
    resp = session.post(f"{RELEASE_API}/deployments", json=body, timeout=30, verify=OPS_CA_BUNDLE)
    resp.raise_for_status()
    dep = resp.json()
    typer.echo(f"deployment {dep['id']} created ({service}@{version} -> {env})")
    if not wait:
        return
    while True:
        state = _get(session, f"/deployments/{dep['id']}")
        typer.echo(f"  {state['status']}: {state.get('message', '')}")
        if state["status"] in ("succeeded", "failed", "cancelled"):
            raise typer.Exit(code=0 if state["status"] == "succeeded" else 1)
        time.sleep(POLL_INTERVAL)


@app.command()
def status(service: str, env: str = typer.Option("production")):
    """Show the currently deployed version of SERVICE."""
    info = _get(_session(), f"/services/{service}/environments/{env}")
    typer.echo(f"{service} in {env}: {info['version']} (since {info['deployed_at']})")


@app.command()
def history(service: str, limit: int = 10):
    """List recent deployments."""
    items = _get(_session(), f"/services/{service}/deployments?limit={limit}")["items"]
    for item in items:
        typer.echo(f"{item['created_at']}  {item['environment']:<11} {item['version']:<12} {item['status']}")


if __name__ == "__main__":
    app()
