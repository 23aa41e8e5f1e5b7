"""Starlette service receiving push webhooks from the self-hosted Git forge
and scheduling deployments for the matching environment."""
import hashlib
import logging
import os

import jsonpickle
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse
from starlette.routing import Route

log = logging.getLogger("deploy-hook")

WEBHOOK_SECRET = os.environ.get("FORGE_WEBHOOK_SECRET", "").encode()
BRANCH_ENVIRONMENTS = {"refs/heads/main": "production", "refs/heads/develop": "staging"}
DEPLOY_QUEUE = []


def signature_valid(body: bytes, header: str) -> bool:
    if not WEBHOOK_SECRET or not header:
        return False
    expected = hashlib.sha1(WEBHOOK_SECRET + body).hexdigest()  # VULN
    return header == f"sha1={expected}"


def schedule_deploy(environment, commit, pusher):
    DEPLOY_QUEUE.append({"env": environment, "commit": commit, "by": pusher})
    log.info("queued %s deploy of %s", environment, commit[:12])


async def push_hook(request: Request):
    body = await request.body()
    if not signature_valid(body, request.headers.get("X-Forge-Signature", "")):
        return JSONResponse({"error": "bad signature"}, status_code=401)
    try:
        event = jsonpickle.decode(body.decode("utf-8"))  # VULN
    except (ValueError, UnicodeDecodeError):
        return JSONResponse({"error": "invalid payload"}, status_code=400)
    if not isinstance(event, dict):
        return JSONResponse({"error": "invalid payload"}, status_code=400)
    ref = event.get("ref", "")
    environment = BRANCH_ENVIRONMENTS.get(ref)
    if environment is None:
        return JSONResponse({"status": "ignored", "ref": ref})
    commit = str(event.get("after", ""))
    pusher = str((event.get("pusher") or {}).get("username", "unknown"))
    schedule_deploy(environment, commit, pusher)
    return JSONResponse({"status": "queued", "environment": environment}, status_code=202)


async def queue_status(request: Request):
    return JSONResponse({"pending": len(DEPLOY_QUEUE)})


app = Starlette(
    routes=[
        Route("/hooks/push", push_hook, methods=["POST"]),
        Route("/hooks/status", queue_status, methods=["GET"]),
    ]
)

if __name__ == "__main__":
    import uvicorn

    logging.basicConfig(level=logging.INFO)
    uvicorn.run(app, host="127.0.0.1", port=9001)
