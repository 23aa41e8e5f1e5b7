"""Repository mirror health checks for the internal developer portal (Litestar)."""
import logging
import os
import re
import subprocess
from dataclasses import dataclass
from typing import List
from urllib.parse import urlsplit

import anyio
from litestar import Litestar, get, post
from litestar.exceptions import HTTPException, ValidationException

logger = logging.getLogger("mirrors")

GIT_TIMEOUT = 30
ALLOWED_GIT_HOSTS = {"github.com", "gitlab.com", "git.corp.example.com"}
BRANCH_RE = re.compile(r"[A-Za-z0-9][A-Za-z0-9._/-]{0,199}")
GIT_ENV = {**os.environ, "GIT_TERMINAL_PROMPT": "0", "GIT_ALLOW_PROTOCOL": "https"}


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


def validate_repo_url(url: str) -> str:
    parts = urlsplit(url)
    if parts.scheme != "https" or parts.hostname not in ALLOWED_GIT_HOSTS or parts.username:
        raise ValidationException("repo_url must be an https URL on an approved git host")
    return url


def list_heads(url: str) -> List[str]:
    argv = ["git", "ls-remote", "--heads", "--", url]
    proc = subprocess.run(argv, capture_output=True, text=True, timeout=GIT_TIMEOUT, env=GIT_ENV)
    if proc.returncode != 0:
        raise RuntimeError("ls-remote failed")
    return proc.stdout.splitlines()


@post("/mirrors/check")
async def check_mirror(data: MirrorCheck) -> MirrorStatus:
    url = validate_repo_url(data.repo_url)
    if not BRANCH_RE.fullmatch(data.branch):
        raise ValidationException("invalid branch name")
    try:
        heads = await anyio.to_thread.run_sync(list_heads, url)
    except (RuntimeError, subprocess.TimeoutExpired):
        return MirrorStatus(repo_url=url, branch=data.branch, reachable=False)

    ref = f"refs/heads/{data.branch}"
    for line in heads:
        sha, _, name = line.partition("\t")
        if name == ref:
            return MirrorStatus(repo_url=url, branch=data.branch, reachable=True, head=sha)
    raise HTTPException(status_code=404, detail="branch not found on remote")


@get("/healthz")
async def healthz() -> dict:
    return {"status": "ok"}


app = Litestar(route_handlers=[check_mirror, healthz])
