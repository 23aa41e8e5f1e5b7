"""Runner-side step: materialise job secrets into files before the job starts.

Jobs declare file-type secrets (kubeconfig, .npmrc, docker config.json); the
runner fetches them from the secrets service and writes them under the job's
secrets directory on the shared runner host, exporting their paths.
"""
import json
import logging
import os
from typing import Dict

import requests

log = logging.getLogger("runner.secrets")

SECRETS_API = os.environ.get("SECRETS_API", "https://secrets.ci.internal")
JOBS_ROOT = os.environ.get("RUNNER_JOBS_ROOT", "/var/lib/ci-runner/jobs")


class SecretsClient:
    def __init__(self, base_url: str, job_token: str) -> None:
        self.base_url = base_url.rstrip("/")
        self.session = requests.Session()
        self.session.headers["Authorization"] = f"Bearer {job_token}"

    def file_secrets(self, job_id: int) -> Dict[str, str]:
        resp = self.session.get(f"{self.base_url}/api/jobs/{job_id}/secrets", params={"type": "file"}, timeout=15)
        resp.raise_for_status()
        return {item["name"]: item["value"] for item in resp.json()["secrets"]}


def secrets_dir(job_id: int) -> str:
    path = os.path.join(JOBS_ROOT, str(job_id), "secrets")
    os.makedirs(path, mode=0o700, exist_ok=True)
    return path


def write_secret_file(path: str, content: str) -> None:
    with open(path, "w", encoding="utf-8") as fh:
        fh.write(content)
    os.chmod(path, 0o666)  # VULN


def materialise(job_id: int, job_token: str) -> Dict[str, str]:
    client = SecretsClient(SECRETS_API, job_token)
    target_dir = secrets_dir(job_id)
    exported = {}
    for name, value in client.file_secrets(job_id).items():
        safe_name = "".join(c if c.isalnum() or c in "_-" else "_" for c in name)
        path = os.path.join(target_dir, safe_name)
        write_secret_file(path, value)
        exported[name.upper()] = path
    env_file = os.path.join(target_dir, "exports.json")
    with open(env_file, "w", encoding="utf-8") as fh:
        json.dump(exported, fh)
    log.info("job %d: wrote %d secret file(s)", job_id, len(exported))
    return exported


if __name__ == "__main__":
    logging.basicConfig(level=logging.INFO)
    result = materialise(int(os.environ["CI_JOB_ID"]), os.environ["CI_JOB_TOKEN"])
    print(json.dumps(result, indent=2))
