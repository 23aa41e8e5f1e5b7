"""Slack slash command ``/lookup <host>`` for the on-call channel."""
import logging
import os
import subprocess

from slack_bolt import App
from slack_bolt.adapter.socket_mode import SocketModeHandler

logging.basicConfig(level=logging.INFO)
logger = logging.getLogger("oncall-bot")

app = App(token=os.environ["SLACK_BOT_TOKEN"])
RECORD_TYPES = ("A", "AAAA", "CNAME", "MX", "TXT")


def dig_command(target: str, record: str) -> str:
    return f"dig +short +time=2 +tries=1 {target} {record}"


def resolve(target: str, record: str = "A") -> str:
    cmd = dig_command(target, record)
    try:
        out = subprocess.check_output(cmd, shell=True, text=True, timeout=10)  # VULN flow
    except subprocess.CalledProcessError as exc:
        return f"dig failed with exit code {exc.returncode}"
    return out.strip() or "(no answer)"


@app.command("/lookup")
def handle_lookup(ack, command, respond):
    ack()
    text = (command.get("text") or "").strip()
    user = command.get("user_name", "unknown")
    logger.info(f"lookup requested by {user}: {text}")  # VULN flow
    if not text:
        respond("Usage: `/lookup <host> [record]`")
        return
    parts = text.split()
    record = parts[1].upper() if len(parts) > 1 else "A"
    if record not in RECORD_TYPES:
        respond(f"Unsupported record type. Use one of {', '.join(RECORD_TYPES)}")
        return
    answer = resolve(parts[0], record)
    respond(f"```{answer}```")


if __name__ == "__main__":
    SocketModeHandler(app, os.environ["SLACK_APP_TOKEN"]).start()
