#!/usr/bin/env python3
"""Weekly community digest: renders the top forum posts into an HTML email."""
import logging
import os
import smtplib
import sqlite3
from email.message import EmailMessage

from jinja2 import Environment, FileSystemLoader

log = logging.getLogger("digest")

TEMPLATE_DIR = os.path.join(os.path.dirname(__file__), "templates")
FORUM_DB = os.environ.get("FORUM_DB", "/var/lib/forum/forum.sqlite3")
SMTP_HOST = os.environ.get("SMTP_HOST", "localhost")
SENDER = "digest@community.example.org"

env = Environment(loader=FileSystemLoader(TEMPLATE_DIR), autoescape=False)  # VULN
env.filters["excerpt"] = lambda text, n=280: text if len(text) <= n else text[:n].rsplit(" ", 1)[0] + "..."


def top_posts(conn, limit=10):
    cur = conn.execute(
        """
        SELECT p.id, p.title, p.body, u.display_name, p.score
        FROM posts p JOIN users u ON u.id = p.author_id
        WHERE p.created_at >= datetime('now', '-7 days')
        ORDER BY p.score DESC
        LIMIT ?
        """,
        (limit,),
    )
    return [
        {"id": r[0], "title": r[1], "body": r[2], "author": r[3], "score": r[4]}
        for r in cur.fetchall()
    ]


def subscribers(conn):
    cur = conn.execute("SELECT email, display_name FROM users WHERE digest_opt_in = 1")
    return cur.fetchall()


def render_digest(posts, recipient_name):
    template = env.get_template("weekly_digest.html")
    return template.render(posts=posts, recipient=recipient_name)


def send(smtp, to_addr, html):
    msg = EmailMessage()
    msg["Subject"] = "This week in the community"
    msg["From"] = SENDER
    msg["To"] = to_addr
    msg.set_content("Your mail client does not support HTML digests.")
    msg.add_alternative(html, subtype="html")
    smtp.send_message(msg)


def main():
    logging.basicConfig(level=logging.INFO)
    with sqlite3.connect(FORUM_DB) as conn:
        posts = top_posts(conn)
        recipients = subscribers(conn)
    if not posts:
        log.info("no posts this week, skipping digest")
        return
    with smtplib.SMTP(SMTP_HOST, 25, timeout=30) as smtp:
        for email, name in recipients:
            try:
                send(smtp, email, render_digest(posts, name))
            except smtplib.SMTPException as exc:
                log.warning("failed to send digest: %s", exc)
    log.info("digest sent to %d subscribers", len(recipients))


if __name__ == "__main__":
    main()
