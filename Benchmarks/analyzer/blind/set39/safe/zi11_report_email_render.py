import logging
import os
import re
import smtplib
from dataclasses import dataclass
from email.message import EmailMessage
from string import Template

from jinja2 import Environment, FileSystemLoader, select_autoescape

logger = logging.getLogger("reports.mailer")

TEMPLATE_DIR = os.path.join(os.path.dirname(__file__), "templates")
COLOR_RE = re.compile(r"^#[0-9a-fA-F]{6}$")

env = Environment(
    loader=FileSystemLoader(TEMPLATE_DIR),
    autoescape=select_autoescape(["html"]),
)


@dataclass
class TenantBranding:
    tenant_id: int
    display_name: str
    header_template: str
    accent_color: str = "#1f6feb"


@dataclass
class WeeklyStats:
    deliveries: int
    on_time_rate: float
    exceptions: int
    week_label: str


class ReportMailer:
    def __init__(self, smtp_host, sender):
        self.smtp_host = smtp_host
        self.sender = sender

    def _render_header(self, branding, stats):
        template = Template(branding.header_template)
        return template.safe_substitute(tenant=branding.display_name, week=stats.week_label)

    def render(self, branding, stats):
        accent = branding.accent_color if COLOR_RE.match(branding.accent_color) else "#1f6feb"
        header = self._render_header(branding, stats)
        body = env.get_template("weekly_report.html")
        return body.render(header=header, stats=stats, accent=accent)

    def send(self, branding, stats, recipients):
        msg = EmailMessage()
        msg["Subject"] = f"Weekly delivery report - {stats.week_label}"
        msg["From"] = self.sender
        msg["To"] = ", ".join(recipients)
        msg.set_content("Your weekly delivery report is attached as HTML.")
        msg.add_alternative(self.render(branding, stats), subtype="html")
        with smtplib.SMTP(self.smtp_host, 587, timeout=30) as smtp:
            smtp.starttls()
            smtp.login(os.environ["SMTP_USER"], os.environ["SMTP_PASSWORD"])
            smtp.send_message(msg)
        logger.info("weekly report sent tenant=%s recipients=%d", branding.tenant_id, len(recipients))
