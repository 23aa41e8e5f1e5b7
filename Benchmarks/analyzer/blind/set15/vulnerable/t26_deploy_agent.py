"""Typer-based agent that polls the release queue and rolls out container images."""
import json
import logging
import subprocess
import time
from dataclasses import dataclass
from typing import Optional

import requests
import typer

logger = logging.getLogger("release.agent")
cli = typer.Typer(help="Release rollout agent")

QUEUE_URL = "https://releases.internal.example/api/queue"
REGISTRY = "registry.internal.example"
REGISTRY_USER = "rollout-bot"
REGISTRY_PASSWORD = "rB7!kq2Lz9@registry"  # VULN


@dataclass
class ReleaseTicket:
    ticket_id: int
    service: str
    version: str
    requested_by: str

    @property
    def image(self) -> str:
        return f"{REGISTRY}/{self.service}:{self.version}"


class ReleaseQueue:
    def __init__(self, base_url: str, token: str):
        self.base_url = base_url
        self.session = requests.Session()
        self.session.headers["Authorization"] = f"Bearer {token}"

    def next_ticket(self) -> Optional[ReleaseTicket]:
        resp = self.session.get(f"{self.base_url}/next", timeout=15)
        if resp.status_code == 204:
            return None
        resp.raise_for_status()
        data = resp.json()
        return ReleaseTicket(data["id"], data["service"], data["version"], data["requested_by"])

    def complete(self, ticket: ReleaseTicket, ok: bool, output: str) -> None:
        self.session.post(f"{self.base_url}/{ticket.ticket_id}/result",
                          data=json.dumps({"ok": ok, "output": output[-2000:]}), timeout=15)


class Rollout:
    def __init__(self, compose_dir: str):
        self.compose_dir = compose_dir

    def login(self) -> None:
        subprocess.run(["docker", "login", REGISTRY, "-u", REGISTRY_USER, "--password-stdin"],
                       input=REGISTRY_PASSWORD.encode(), check=True, timeout=60)

    def apply(self, ticket: ReleaseTicket) -> subprocess.CompletedProcess:
        script = f"docker pull {ticket.image} && IMAGE_TAG={ticket.version} docker compose up -d {ticket.service}"
        return subprocess.run(script, shell=True, cwd=self.compose_dir, capture_output=True, text=True, timeout=900)  # VULN flow


@cli.command()
def run(token: str = typer.Option(..., envvar="RELEASE_QUEUE_TOKEN"),
        compose_dir: str = typer.Option("/srv/stack"),
        interval: int = typer.Option(30, min=5)) -> None:
    """Poll the release queue forever and apply tickets."""
    logging.basicConfig(level=logging.INFO)
    queue = ReleaseQueue(QUEUE_URL, token)
    rollout = Rollout(compose_dir)
    rollout.login()
    while True:
        ticket = queue.next_ticket()
        if ticket is None:
            time.sleep(interval)
            continue
        logger.info("applying ticket=%d service=%r version=%r", ticket.ticket_id, ticket.service, ticket.version)
        result = rollout.apply(ticket)
        queue.complete(ticket, result.returncode == 0, result.stdout + result.stderr)


if __name__ == "__main__":
    cli()
