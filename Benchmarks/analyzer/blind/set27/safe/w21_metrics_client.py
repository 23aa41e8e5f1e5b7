"""Small client for the internal metrics gateway used by batch jobs."""
import os
import time
from dataclasses import dataclass, field

import requests


@dataclass
class Sample:
    name: str
    value: float
    labels: dict = field(default_factory=dict)
    ts: float = field(default_factory=time.time)

    def as_dict(self):
        return {"name": self.name, "value": self.value, "labels": self.labels, "ts": int(self.ts)}


class MetricsError(RuntimeError):
    pass


class MetricsClient:
    def __init__(self, base_url=None, token=None, timeout=10):
        self.base_url = (base_url or os.environ["METRICS_URL"]).rstrip("/")
        self.timeout = timeout
        # internal gateway certs are issued by the corporate CA
        self.verify = os.environ.get("METRICS_CA_BUNDLE", "/etc/ssl/certs/corp-ca.pem")
        self.session = requests.Session()
        self.session.headers["Authorization"] = f"Bearer {token or os.environ['METRICS_TOKEN']}"
        self._buffer = []

    def gauge(self, name, value, **labels):
        self._buffer.append(Sample(name, float(value), labels))
        if len(self._buffer) >= 100:
            self.flush()

    def flush(self):
        if not self._buffer:
            return 0
        batch = [s.as_dict() for s in self._buffer]
        resp = self.session.post(f"{self.base_url}/api/v1/push", json={"samples": batch}, timeout=self.timeout, verify=self.verify)
        if resp.status_code >= 300:
            raise MetricsError(f"push failed: HTTP {resp.status_code}")
        self._buffer.clear()
        return len(batch)

    def query(self, expr, start, end, step=60):
        params = {"query": expr, "start": start, "end": end, "step": step}
        resp = self.session.get(f"{self.base_url}/api/v1/query_range", params=params, timeout=self.timeout, verify=self.verify)
        resp.raise_for_status()
        return resp.json()["data"]["result"]

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.flush()
        self.session.close()
