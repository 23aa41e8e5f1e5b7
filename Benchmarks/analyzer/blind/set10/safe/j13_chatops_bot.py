import os
import re
import subprocess

from slack_bolt import App
from slack_bolt.adapter.socket_mode import SocketModeHandler

SERVICES = {"api", "web", "worker", "scheduler"}
REF_RE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._/-]{0,99}$")
DEPLOYERS = {u for u in os.environ.get("DEPLOYER_USER_IDS", "").split(",") if u}

app = App(token=os.environ["SLACK_BOT_TOKEN"], signing_secret=os.environ.get("SLACK_SIGNING_SECRET"))


@app.command("/deploy")
def deploy(ack, command, respond):
    ack()
    if command["user_id"] not in DEPLOYERS:
        respond("You are not allowed to deploy.")
        return
    parts = command.get("text", "").split()
    if not parts or parts[0] not in SERVICES:
        respond(f"usage: /deploy <{'|'.join(sorted(SERVICES))}> [ref]")
        return
    service = parts[0]
    ref = parts[1] if len(parts) > 1 else "main"
    if not REF_RE.fullmatch(ref) or ".." in ref:
        respond("invalid git ref")
        return
    respond(f"Deploying {service} at {ref} for <@{command['user_id']}>...")
    proc = subprocess.run(["./scripts/deploy.sh", service, ref], capture_output=True, text=True, timeout=900)
    tail = "\n".join(proc.stdout.splitlines()[-15:])
    status = "succeeded" if proc.returncode == 0 else f"failed (exit {proc.returncode})"
    respond(f"Deploy of {service} {status}\n```{tail}```")


@app.command("/services")
def list_services(ack, respond):
    ack()
    respond("Deployable services: " + ", ".join(sorted(SERVICES)))


if __name__ == "__main__":
    SocketModeHandler(app, os.environ["SLACK_APP_TOKEN"]).start()
