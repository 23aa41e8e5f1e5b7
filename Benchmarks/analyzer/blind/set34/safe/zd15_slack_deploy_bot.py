"""Slack slash-command bot that triggers service deployments."""
import logging
import os
import re
import subprocess

from slack_bolt import App
from slack_bolt.adapter.socket_mode import SocketModeHandler

log = logging.getLogger("deploybot")

SLACK_BOT_TOKEN = os.environ["SLACK_BOT_TOKEN"]
DEPLOY_SCRIPT = "/opt/deploy/bin/deploy.sh"
DEPLOYERS = {u for u in os.environ.get("DEPLOY_ALLOWED_USERS", "").split(",") if u}
ENVIRONMENTS = ("staging", "production")
SERVICES = {"billing-api", "checkout-web", "search-indexer", "notification-worker"}
REF_RE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._/-]{0,63}$")
USAGE = "Usage: `/deploy <service> <git-ref> <staging|production>`"

app = App(token=SLACK_BOT_TOKEN)


def deploy_command(service, ref, env):
    return [DEPLOY_SCRIPT, "--service", service, "--ref", ref, "--env", env]


def tail(text, lines=15):
    return "\n".join(text.strip().splitlines()[-lines:])


@app.command("/deploy")
def handle_deploy(ack, command, respond):
    ack()
    user = command["user_id"]
    if user not in DEPLOYERS:
        respond("You are not on the deployers list.")
        return
    args = command.get("text", "").split()
    if len(args) != 3:
        respond(USAGE)
        return
    service, ref, env = args
    if env not in ENVIRONMENTS or service not in SERVICES or not REF_RE.fullmatch(ref):
        respond(USAGE)
        return

    log.info("deploy requested by %r service=%r ref=%r env=%r", user, service, ref, env)
    respond(f"Deploying `{service}` @ `{ref}` to *{env}*...")
    try:
        proc = subprocess.run(deploy_command(service, ref, env), shell=False, capture_output=True, text=True, timeout=900)
    except subprocess.TimeoutExpired:
        respond(f":warning: deploy of `{service}` timed out after 15 minutes")
        return
    status = ":white_check_mark: succeeded" if proc.returncode == 0 else ":x: failed"
    respond(f"Deploy of `{service}` {status}\n```{tail(proc.stdout + proc.stderr)}```")


@app.command("/deploy-status")
def handle_status(ack, respond):
    ack()
    proc = subprocess.run([DEPLOY_SCRIPT, "--status"], capture_output=True, text=True, timeout=60)
    respond(f"```{tail(proc.stdout)}```")


if __name__ == "__main__":
    SocketModeHandler(app, os.environ["SLACK_APP_TOKEN"]).start()
