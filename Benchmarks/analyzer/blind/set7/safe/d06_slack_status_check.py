import os
import re
from urllib.parse import urlsplit

import requests
from slack_bolt import App
from slack_bolt.adapter.socket_mode import SocketModeHandler

app = App(token=os.environ["SLACK_BOT_TOKEN"])
SLACK_LINK_RE = re.compile(r"<(https?://[^>|]+)(?:\|[^>]*)?>")
ALLOWED_HOSTS = {
    "www.githubstatus.com",
    "status.slack.com",
    "status.atlassian.com",
    "www.cloudflarestatus.com",
}


def extract_url(text):
    m = SLACK_LINK_RE.search(text or "")
    if m:
        return m.group(1)
    return (text or "").strip() or None


def is_allowed(url):
    parts = urlsplit(url)
    return parts.scheme == "https" and parts.hostname in ALLOWED_HOSTS and parts.port in (None, 443)


def probe(url):
    resp = requests.get(url, timeout=5, allow_redirects=False)
    return resp.status_code, resp.headers.get("Content-Type", "?"), len(resp.content)


@app.command("/statuscheck")
def statuscheck(ack, command, respond):
    ack()
    url = extract_url(command.get("text"))
    if not url or not is_allowed(url):
        respond("usage: /statuscheck <https url of a supported status page>")
        return
    try:
        status, ctype, size = probe(url)
    except requests.RequestException as exc:
        respond(f"could not reach {url}: {exc.__class__.__name__}")
        return
    respond(f"*{url}* -> HTTP {status} ({ctype}, {size} bytes)")


if __name__ == "__main__":
    SocketModeHandler(app, os.environ["SLACK_APP_TOKEN"]).start()
