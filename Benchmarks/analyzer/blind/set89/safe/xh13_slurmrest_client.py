"""Small wrapper around slurmrestd used by the nightly reporting jobs."""
import logging
import os
from typing import Any, Dict, List, Optional

import requests

log = logging.getLogger(__name__)

SLURMRESTD_URL = os.environ.get("SLURMRESTD_URL", "https://slurm-api.hpc.internal:6820")
API_VERSION = "v0.0.39"
SERVICE_USER = "svc_reporting"
SERVICE_TOKEN = os.environ.get("SLURM_JWT", "")
CA_BUNDLE = os.environ.get("SLURMRESTD_CA_BUNDLE", True)


class SlurmRestError(RuntimeError):
    def __init__(self, status: int, errors: List[dict]):
        super().__init__(f"slurmrestd returned {status}: {errors}")
        self.status = status
        self.errors = errors


class SlurmRestClient:
    def __init__(
        self,
        base_url: str = SLURMRESTD_URL,
        user: str = SERVICE_USER,
        token: str = SERVICE_TOKEN,
        timeout: float = 20.0,
    ):
        if not token:
            raise RuntimeError("SLURM_JWT is not set")
        self.base_url = base_url.rstrip("/")
        self.timeout = timeout
        self.session = requests.Session()
        self.session.headers.update({"X-SLURM-USER-NAME": user, "X-SLURM-USER-TOKEN": token})

    def _request(self, method: str, path: str, **kwargs) -> Dict[str, Any]:
        url = f"{self.base_url}/slurm/{API_VERSION}/{path.lstrip('/')}"
        resp = self.session.request(method, url, timeout=self.timeout, verify=CA_BUNDLE, **kwargs)
        payload = resp.json() if resp.content else {}
        if resp.status_code >= 400 or payload.get("errors"):
            raise SlurmRestError(resp.status_code, payload.get("errors", []))
        return payload

    def jobs(self, update_time: Optional[int] = None) -> List[dict]:
        params = {"update_time": update_time} if update_time else None
        return self._request("GET", "/jobs", params=params).get("jobs", [])

    def job(self, job_id: int) -> dict:
        jobs = self._request("GET", f"/job/{int(job_id)}").get("jobs", [])
        if not jobs:
            raise KeyError(job_id)
        return jobs[0]

    def nodes(self) -> List[dict]:
        return self._request("GET", "/nodes").get("nodes", [])

    def partitions(self) -> List[dict]:
        return self._request("GET", "/partitions").get("partitions", [])

    def cancel(self, job_id: int) -> None:
        self._request("DELETE", f"/job/{int(job_id)}")


def utilisation_summary(client: SlurmRestClient) -> Dict[str, float]:
    summary = {}
    for node in client.nodes():
        part = (node.get("partitions") or ["none"])[0]
        total, alloc = summary.get(part, (0, 0))
        summary[part] = (total + node.get("cpus", 0), alloc + node.get("alloc_cpus", 0))
    return {p: (a / t if t else 0.0) for p, (t, a) in summary.items()}


if __name__ == "__main__":
    logging.basicConfig(level=logging.INFO)
    for partition, ratio in sorted(utilisation_summary(SlurmRestClient()).items()):
        print(f"{partition:12s} {ratio:6.1%}")
