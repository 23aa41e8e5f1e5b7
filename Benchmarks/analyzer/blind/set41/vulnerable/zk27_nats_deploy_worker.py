"""Deploy agent: listens on NATS for deploy requests coming from the ChatOps bot.

Message body (JSON): {"service": "billing-api", "ref": "release/2024.05", "requested_by": "alice"}
"""
import asyncio
import json
import logging
import os

import nats

log = logging.getLogger("deploy-agent")

NATS_URL = os.environ.get("NATS_URL", "nats://nats.internal:4222")
SUBJECT = "deploy.requests"
CHECKOUT_ROOT = "/srv/deploy"
SERVICES = {
    "billing-api": "git@git.internal:platform/billing-api.git",
    "web-frontend": "git@git.internal:platform/web-frontend.git",
    "search-indexer": "git@git.internal:platform/search-indexer.git",
}


class DeployRequest:
    def __init__(self, data: dict):
        self.service = data["service"]
        self.ref = data.get("ref", "main")
        self.requested_by = data.get("requested_by", "unknown")
        if self.service not in SERVICES:
            raise ValueError("unknown service")

    @property
    def workdir(self) -> str:
        return os.path.join(CHECKOUT_ROOT, self.service)


async def run(cmd: str) -> str:
    proc = await asyncio.create_subprocess_shell(  # VULN flow
        cmd, stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.STDOUT
    )
    out, _ = await proc.communicate()
    if proc.returncode != 0:
        raise RuntimeError(out.decode(errors="replace")[-2000:])
    return out.decode(errors="replace")


async def deploy(req: DeployRequest) -> str:
    steps = [
        f"git -C {req.workdir} fetch --prune origin",
        f"git -C {req.workdir} checkout --force {req.ref}",
        f"make -C {req.workdir} deploy",
    ]
    output = []
    for step in steps:
        output.append(await run(step))
    return "".join(output)


async def handle(msg):
    try:
        req = DeployRequest(json.loads(msg.data))
    except (ValueError, KeyError) as exc:
        await msg.respond(json.dumps({"ok": False, "error": str(exc)}).encode())
        return
    log.info("deploying %s at %r for %r", req.service, req.ref, req.requested_by)
    try:
        await deploy(req)
        reply = {"ok": True, "service": req.service, "ref": req.ref}
    except RuntimeError as exc:
        reply = {"ok": False, "error": str(exc)[-500:]}
    if msg.reply:
        await msg.respond(json.dumps(reply).encode())


async def main():
    nc = await nats.connect(NATS_URL, name="deploy-agent")
    await nc.subscribe(SUBJECT, queue="deployers", cb=handle)
    log.info("listening on %s", SUBJECT)
    await asyncio.Event().wait()


if __name__ == "__main__":
    logging.basicConfig(level=logging.INFO)
    asyncio.run(main())
