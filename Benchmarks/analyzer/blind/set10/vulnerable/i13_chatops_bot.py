import os
import subprocess

from slack_bolt import App
from slack_bolt.adapter.socket_mode import SocketModeHandler

SLACK_BOT_TOKEN = "xoxb-4117730926-6590381127741-rXq2WcZpT8nLhV0aFk3mYbEd"  # VULN
SERVICES = {"api", "web", "worker", "scheduler"}

app = App(token=SLACK_BOT_TOKEN, signing_secret=os.environ.get("SLACK_SIGNING_SECRET"))


@app.command("/deploy")
def deploy(ack, command, respond):
    ack()
    parts = command.get("text", "").split()
    if not parts or parts[0] not in SERVICES:
        respond(f"usage: /deploy <{'|'.join(sorted(SERVICES))}> [ref]")
        return
    service = parts[0]
    ref = parts[1] if len(parts) > 1 else "main"
    respond(f"Deploying {service} at {ref} for <@{command['user_id']}>...")
    cmd = f"./scripts/deploy.sh {service} {ref}"
    proc = subprocess.run(cmd, shell=True, capture_output=True, text=True, timeout=900)  # VULN flow
    tail = "\n".join(proc.stdout.splitlines()[-15:])
    status = "succeeded" if proc.returncode == 0 else f"failed (exit {proc.returncode})"
    respond(f"Deploy of {service} {status}\n```{tail}```")


@app.command("/services")
def list_services(ack, respond):
    ack()
    respond("Deployable services: " + ", ".join(sorted(SERVICES)))


if __name__ == "__main__":
    SocketModeHandler(app, os.environ["SLACK_APP_TOKEN"]).start()
