import hashlib
import hmac
import logging
import os
import subprocess

from fastapi import APIRouter, Depends, Header, HTTPException, Request
from starlette.concurrency import run_in_threadpool

router = APIRouter(prefix="/hooks", tags=["deploy"])
logger = logging.getLogger("deploy")

REPO_DIR = os.environ.get("DEPLOY_REPO_DIR", "/srv/app")
BRANCH_PREFIX = "refs/heads/"


async def verified_payload(request: Request, x_hub_signature_256: str = Header(...)):
    body = await request.body()
    secret = os.environ["DEPLOY_WEBHOOK_SECRET"].encode()
    expected = "sha256=" + hmac.new(secret, body, hashlib.sha256).hexdigest()
    if not hmac.compare_digest(expected, x_hub_signature_256):
        raise HTTPException(status_code=401, detail="invalid signature")
    return await request.json()


def branch_from_ref(ref):
    return ref[len(BRANCH_PREFIX):] if ref.startswith(BRANCH_PREFIX) else None


def deploy_branch(branch, sha):
    script = (
        f"git fetch --prune origin && git checkout -B deploy origin/{branch} "
        f"&& ./scripts/release.sh {sha[:12]}"
    )
    return subprocess.run(  # VULN flow
        script, shell=True, cwd=REPO_DIR, capture_output=True, text=True, timeout=600
    )


@router.post("/deploy")
async def deploy_hook(payload: dict = Depends(verified_payload)):
    branch = branch_from_ref(payload.get("ref", ""))
    if branch is None or payload.get("deleted"):
        return {"skipped": True}
    sha = str(payload.get("after", ""))
    result = await run_in_threadpool(deploy_branch, branch, sha)
    logger.info("deploy branch=%r rc=%d", branch, result.returncode)
    if result.returncode != 0:
        logger.error("deploy failed branch=%r stderr=%r", branch, result.stderr[-2000:])
        raise HTTPException(status_code=500, detail="deploy failed")
    return {"branch": branch, "commit": sha[:12], "status": "deployed"}
