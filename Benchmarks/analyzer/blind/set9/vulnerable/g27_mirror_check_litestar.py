"""Repository mirror health checks for the internal developer portal (Litestar)."""
import logging
import subprocess
from dataclasses import dataclass
from typing import List

import anyio
from litestar import Litestar, get, post
from litestar.exceptions import HTTPException, ValidationException

logger = logging.getLogger("mirrors")

GIT_TIMEOUT = 30


@dataclass
class MirrorCheck:
    repo_url: str
    branch: str = "main"


@dataclass
class MirrorStatus:
    repo_url: str
    branch: str
    reachable: bool
    head: str = ""


def list_heads(url: str) -> List[str]:
    proc = subprocess.run(["git", "ls-remote", "--heads", url], capture_output=True, text=True, timeout=GIT_TIMEOUT)  # VULN flow
    if proc.returncode != 0:
        raise RuntimeError(proc.stderr.strip()[:200])
    return proc.stdout.splitlines()


@post("/mirrors/check")
async def check_mirror(data: MirrorCheck) -> MirrorStatus:
    if not data.repo_url:
        raise ValidationException("repo_url is required")
    try:
        heads = await anyio.to_thread.run_sync(list_heads, data.repo_url)
    except (RuntimeError, subprocess.TimeoutExpired):
        return MirrorStatus(repo_url=data.repo_url, branch=data.branch, reachable=False)

    ref = f"refs/heads/{data.branch}"
    for line in heads:
        sha, _, name = line.partition("\t")
        if name == ref:
            return MirrorStatus(repo_url=data.repo_url, branch=data.branch, reachable=True, head=sha)
    raise HTTPException(status_code=404, detail="branch not found on remote")


@get("/healthz")
async def healthz() -> dict:
    return {"status": "ok"}


app = Litestar(route_handlers=[check_mirror, healthz])
