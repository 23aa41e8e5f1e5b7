"""Weekly activity digest emails for workspace members (rendered with Mako)."""
import logging
import smtplib
from dataclasses import dataclass
from email.message import EmailMessage
from typing import List

from mako.template import Template

log = logging.getLogger("digest")

DIGEST_HTML = """
<html><body style="font-family: sans-serif">
  <h2>Hi ${display_name},</h2>
  <p>Here is what happened in <b>${workspace}</b> this week:</p>
  <ul>
  % for item in items:
    <li>${item['actor']} ${item['verb']} <a href="${item['url']}">${item['title']}</a></li>
  % endfor
  </ul>
  <hr/>
  <small>${footer}</small>
</body></html>
"""


@dataclass
class Member:
    email: str
    display_name: str


@dataclass
class Workspace:
    name: str
    custom_footer: str
    members: List[Member]


class DigestRenderer:
    def __init__(self) -> None:
        self.template = Template(DIGEST_HTML, default_filters=["str", "h"])

    def footer_for(self, ws: Workspace, member: Member) -> str:
        if not ws.custom_footer:
            return f"You are receiving this because you joined {ws.name}."
        return ws.custom_footer.replace("{workspace}", ws.name).replace("{email}", member.email)

    def render(self, ws: Workspace, member: Member, items: List[dict]) -> str:
        return self.template.render(
            display_name=member.display_name,
            workspace=ws.name,
            items=items,
            footer=self.footer_for(ws, member),
        )


class DigestMailer:
    def __init__(self, renderer: DigestRenderer, smtp_host: str = "localhost"):
        self.renderer = renderer
        self.smtp_host = smtp_host

    def send_all(self, ws: Workspace, items: List[dict]) -> int:
        sent = 0
        with smtplib.SMTP(self.smtp_host, 25, timeout=30) as smtp:
            for member in ws.members:
                msg = EmailMessage()
                msg["To"] = member.email
                msg["From"] = "digest@notify.example"
                msg["Subject"] = f"Your weekly digest for {ws.name}"
                msg.set_content("Your mail client does not display HTML.")
                msg.add_alternative(self.renderer.render(ws, member, items), subtype="html")
                smtp.send_message(msg)
                sent += 1
        log.info("sent %d digests for workspace %r", sent, ws.name)
        return sent
