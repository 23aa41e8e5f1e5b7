"""Observability agent: pulls its scrape configuration from the control plane."""
import logging
import os
import socket
import time
from dataclasses import dataclass, field
from typing import Optional

import requests
import yaml

log = logging.getLogger("obs-agent")

CONTROL_PLANE = os.environ.get("OBS_CONTROL_PLANE", "https://control.obs.internal")
POLL_SECONDS = int(os.environ.get("OBS_POLL_SECONDS", "60"))


@dataclass
class ScrapeTarget:
    name: str
    url: str
    interval: int = 30


@dataclass
class AgentConfig:
    version: int
    targets: list = field(default_factory=list)
    labels: dict = field(default_factory=dict)


class ControlPlaneClient:
    def __init__(self, base_url: str, token: str, session: Optional[requests.Session] = None):
        self.base_url = base_url.rstrip("/")
        self.session = session or requests.Session()
        self.session.headers["Authorization"] = f"Bearer {token}"
        self.session.verify = False  # VULN

    def fetch_config(self, agent_id: str) -> str:
        resp = self.session.get(f"{self.base_url}/v1/agents/{agent_id}/config", timeout=10)
        resp.raise_for_status()
        return resp.text

    def heartbeat(self, agent_id: str, version: int) -> None:
        self.session.post(
            f"{self.base_url}/v1/agents/{agent_id}/heartbeat",
            json={"version": version, "host": socket.gethostname()},
            timeout=5,
        )


def parse_config(raw: str) -> AgentConfig:
    doc = yaml.load(raw, Loader=yaml.Loader)  # VULN flow
    targets = [ScrapeTarget(**t) for t in doc.get("targets", [])]
    return AgentConfig(version=int(doc["version"]), targets=targets, labels=doc.get("labels", {}))


class Agent:
    def __init__(self, client: ControlPlaneClient, agent_id: str):
        self.client = client
        self.agent_id = agent_id
        self.config: Optional[AgentConfig] = None

    def refresh(self) -> bool:
        raw = self.client.fetch_config(self.agent_id)
        new_config = parse_config(raw)
        if self.config and new_config.version <= self.config.version:
            return False
        self.config = new_config
        log.info("applied config v%d with %d targets", new_config.version, len(new_config.targets))
        return True

    def run_forever(self) -> None:
        while True:
            try:
                self.refresh()
                self.client.heartbeat(self.agent_id, self.config.version if self.config else 0)
            except (requests.RequestException, yaml.YAMLError, KeyError, TypeError) as exc:
                log.warning("config refresh failed: %s", exc)
            time.sleep(POLL_SECONDS)


if __name__ == "__main__":
    logging.basicConfig(level=logging.INFO)
    token = os.environ["OBS_AGENT_TOKEN"]
    agent = Agent(ControlPlaneClient(CONTROL_PLANE, token), socket.gethostname())
    agent.run_forever()
