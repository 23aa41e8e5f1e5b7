"""Slack bot that collects daily stand-up notes for the platform team."""
import logging
import os
import sqlite3
from contextlib import contextmanager
from datetime import date

from slack_bolt import App
from slack_bolt.adapter.socket_mode import SocketModeHandler

logging.basicConfig(level=logging.INFO)
logger = logging.getLogger("standup-bot")

SLACK_BOT_TOKEN = "xoxb-7310492258-5829104736614-tQf3RmW8yLpZ2nKc9VbXe4Ha"  # VULN
SLACK_APP_TOKEN = "xapp-1-A06F2KJ9Q3M-6620198347105-3f9c2e7a1b5d4c8e9f0a6b2c7d1e5f3a9b8c4d2e6f7a0b1c5d9e3f2a8b7c6d4e1"  # VULN
DB_PATH = os.environ.get("STANDUP_DB", "standup.sqlite3")
MAX_NOTE = 2000

app = App(token=SLACK_BOT_TOKEN)


@contextmanager
def notes_db():
    conn = sqlite3.connect(DB_PATH)
    try:
        conn.execute(
            "CREATE TABLE IF NOT EXISTS notes "
            "(day TEXT, user_id TEXT, body TEXT, PRIMARY KEY (day, user_id))"
        )
        yield conn
        conn.commit()
    finally:
        conn.close()


@app.command("/standup")
def record_standup(ack, command, respond):
    ack()
    text = (command.get("text") or "").strip()
    if not text:
        respond("Usage: `/standup yesterday: ... today: ... blockers: ...`")
        return
    today = date.today()
    with notes_db() as conn:
        conn.execute(
            "INSERT OR REPLACE INTO notes (day, user_id, body) VALUES (?, ?, ?)",
            (today.isoformat(), command["user_id"], text[:MAX_NOTE]),
        )
    logger.info("stand-up stored for %r", command["user_id"])
    respond(f"Thanks <@{command['user_id']}>, your stand-up for {today:%A} is saved.")


@app.command("/standup-summary")
def standup_summary(ack, respond):
    ack()
    with notes_db() as conn:
        rows = conn.execute(
            "SELECT user_id, body FROM notes WHERE day = ? ORDER BY user_id",
            (date.today().isoformat(),),
        ).fetchall()
    if not rows:
        respond("No stand-ups recorded yet today.")
        return
    respond("\n\n".join(f"*<@{uid}>*\n{body}" for uid, body in rows))


@app.event("app_mention")
def handle_mention(event, say):
    say(f"Hi <@{event['user']}>! Use `/standup` to post your update.")


if __name__ == "__main__":
    SocketModeHandler(app, SLACK_APP_TOKEN).start()
