"""Slack slash command ``/lookup <host> [record]`` for the on-call channel."""
import logging
import os
import re
import subprocess

from slack_bolt import App
from slack_bolt.adapter.socket_mode import SocketModeHandler

logging.basicConfig(level=logging.INFO)
logger = logging.getLogger("oncall-bot")

app = App(token=os.environ["SLACK_BOT_TOKEN"])
RECORD_TYPES = ("A", "AAAA", "CNAME", "MX", "TXT")
HOSTNAME_RE = re.compile(r"^(?=.{1,253}$)[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*\.?$")


def is_valid_hostname(value: str) -> bool:
    return bool(HOSTNAME_RE.match(value))


def resolve(target: str, record: str = "A") -> str:
    argv = ["dig", "+short", "+time=2", "+tries=1", target, record]
    try:
        out = subprocess.run(argv, capture_output=True, text=True, timeout=10, check=True).stdout
    except subprocess.CalledProcessError as exc:
        return f"dig failed with exit code {exc.returncode}"
    return out.strip() or "(no answer)"


@app.command("/lookup")
def handle_lookup(ack, command, respond):
    ack()
    parts = (command.get("text") or "").split()
    logger.info("lookup requested by %s", command.get("user_id", "unknown"))
    if not parts:
        respond("Usage: `/lookup <host> [record]`")
        return
    host = parts[0]
    record = parts[1].upper() if len(parts) > 1 else "A"
    if not is_valid_hostname(host):
        respond("That does not look like a hostname.")
        return
    if record not in RECORD_TYPES:
        respond(f"Unsupported record type. Use one of {', '.join(RECORD_TYPES)}")
        return
    respond(f"```{resolve(host, record)}```")


if __name__ == "__main__":
    SocketModeHandler(app, os.environ["SLACK_APP_TOKEN"]).start()
