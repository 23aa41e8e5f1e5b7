"""Telegram support bot inbox.

Telegram pushes updates to /tg/webhook; support agents read the conversation
feed in a minimal admin page served by the same Bottle process.
"""
import collections
import html
import logging
import os
import time

from bottle import Bottle, abort, request, response

app = Bottle()
log = logging.getLogger("tg-inbox")

WEBHOOK_SECRET = os.environ.get("TG_WEBHOOK_SECRET", "")
INBOX = collections.deque(maxlen=200)

PAGE = """<!doctype html>
<html><head><title>Support inbox</title></head>
<body><h1>Support inbox</h1>{search}<ul>{items}</ul></body></html>"""


class Message:
    def __init__(self, chat_id, sender, text, ts):
        self.chat_id = chat_id
        self.sender = sender
        self.text = text
        self.ts = ts

    def as_row(self) -> str:
        stamp = time.strftime("%Y-%m-%d %H:%M", time.gmtime(self.ts))
        return f"<li><b>{html.escape(self.sender)}</b> <small>{stamp}</small><p>{html.escape(self.text)}</p></li>"


@app.post("/tg/webhook")
def webhook():
    if request.get_header("X-Telegram-Bot-Api-Secret-Token") != WEBHOOK_SECRET:
        abort(403)
    update = request.json or {}
    msg = update.get("message") or {}
    sender = msg.get("from", {})
    name = " ".join(filter(None, [sender.get("first_name"), sender.get("last_name")]))
    INBOX.appendleft(Message(msg.get("chat", {}).get("id"), name, msg.get("text", ""), msg.get("date", time.time())))
    log.info("queued message from chat %r", msg.get("chat", {}).get("id"))
    return {"ok": True}


@app.get("/admin/inbox")
def inbox():
    rows = "".join(m.as_row() for m in INBOX)
    response.content_type = "text/html; charset=utf-8"
    return PAGE.format(search="", items=rows)


@app.get("/admin/inbox/search")
def search():
    term = request.query.getunicode("q", "")
    hits = [m for m in INBOX if term.lower() in m.text.lower()]
    rows = "".join(m.as_row() for m in hits) or "<li>No messages</li>"
    response.content_type = "text/html; charset=utf-8"
    return PAGE.format(search="<p>Results for <em>" + html.escape(request.query.getunicode("q", "")) + "</em></p>", items=rows)


if __name__ == "__main__":
    app.run(host="127.0.0.1", port=8090)
