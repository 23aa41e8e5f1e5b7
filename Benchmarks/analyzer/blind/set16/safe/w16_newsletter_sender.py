#!/usr/bin/env python3
"""Send the community newsletter drafted by contributors in the CMS."""
import json
import logging
import os
import smtplib
import ssl
import sys
from email.message import EmailMessage
from string import Template

from jinja2 import Environment, FileSystemLoader, select_autoescape

log = logging.getLogger("newsletter")
SMTP_HOST = os.environ.get("SMTP_HOST", "mail.example.org")
SMTP_USER = os.environ.get("SMTP_USER", "newsletter@example.org")
SMTP_PASSWORD = os.environ["SMTP_PASSWORD"]

env = Environment(loader=FileSystemLoader("templates"), autoescape=select_autoescape(["html", "xml"]))


def render_issue(issue, subscriber):
    subject = Template(issue["subject"]).safe_substitute(name=subscriber["name"])
    body = env.get_template("newsletter.html").render(
        issue=issue, subscriber=subscriber, posts=issue.get("posts", [])
    )
    return subject, body


def build_message(subject, html, to_addr):
    msg = EmailMessage()
    msg["Subject"] = subject
    msg["From"] = SMTP_USER
    msg["To"] = to_addr
    msg.set_content("This newsletter is best viewed in an HTML-capable mail client.")
    msg.add_alternative(html, subtype="html")
    return msg


def send_all(issue, subscribers):
    sent = 0
    with smtplib.SMTP(SMTP_HOST, 587, timeout=30) as smtp:
        smtp.ehlo()
        smtp.starttls(context=ssl.create_default_context())
        smtp.ehlo()
        smtp.login(SMTP_USER, SMTP_PASSWORD)
        for sub in subscribers:
            subject, html = render_issue(issue, sub)
            smtp.send_message(build_message(subject, html, sub["email"]))
            sent += 1
            log.debug("sent to subscriber id=%d", int(sub["id"]))
    return sent


def main(issue_path, subscribers_path):
    with open(issue_path) as fh:
        issue = json.load(fh)
    with open(subscribers_path) as fh:
        subscribers = [s for s in json.load(fh) if s.get("confirmed")]
    log.info("sending issue %r to %d subscribers", issue.get("title"), len(subscribers))
    sent = send_all(issue, subscribers)
    log.info("done, %d messages handed to %s", sent, SMTP_HOST)


if __name__ == "__main__":
    logging.basicConfig(level=logging.INFO)
    main(sys.argv[1], sys.argv[2])
