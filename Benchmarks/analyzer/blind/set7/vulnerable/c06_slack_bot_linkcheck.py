import os
import re

import requests
from slack_bolt import App
from slack_bolt.adapter.socket_mode import SocketModeHandler

app = App(token=os.environ["SLACK_BOT_TOKEN"])
SLACK_LINK_RE = re.compile(r"<(https?://[^>|]+)(?:\|[^>]*)?>")


def extract_url(text):
    m = SLACK_LINK_RE.search(text or "")
    if m:
        return m.group(1)
    return (text or "").strip() or None


def probe(url):
    resp = requests.get(url, timeout=5, allow_redirects=True)  # VULN flow
    ctype = resp.headers.get("Content-Type", "?")
    return resp.status_code, ctype, len(resp.content), resp.text[:300]


@app.command("/linkcheck")
def linkcheck(ack, command, respond):
    ack()
    url = extract_url(command.get("text"))
    if not url:
        respond("usage: /linkcheck <url>")
        return
    try:
        status, ctype, size, snippet = probe(url)
    except requests.RequestException as exc:
        respond(f"could not reach {url}: {exc.__class__.__name__}")
        return
    respond(f"*{url}* -> HTTP {status} ({ctype}, {size} bytes)\n```{snippet}```")


if __name__ == "__main__":
    SocketModeHandler(app, os.environ["SLACK_APP_TOKEN"]).start()
