"""Monthly customer statement e-mails with firm-customisable templates."""
import logging
import smtplib
from email.message import EmailMessage
from typing import Dict, Iterable

from jinja2 import BaseLoader, select_autoescape
from jinja2.sandbox import SandboxedEnvironment

log = logging.getLogger("statements.mail")

DEFAULT_TEMPLATE = """Dear {{ customer.name }},

please find below your statement for {{ period }}.
{% for inv in invoices %}
  {{ inv.number }}  {{ inv.due }}  {{ "%.2f"|format(inv.open_amount) }} {{ currency }}
{% endfor %}
Total outstanding: {{ "%.2f"|format(total) }} {{ currency }}

Kind regards,
{{ firm.name }}
"""


class StatementMailer:
    def __init__(self, smtp_host: str, sender: str):
        self.smtp_host = smtp_host
        self.sender = sender

    @staticmethod
    def template_source(firm_settings: Dict) -> str:
        return firm_settings.get("statement_email_template") or DEFAULT_TEMPLATE

    @staticmethod
    def render(source: str, context: Dict) -> str:
        env = SandboxedEnvironment(loader=BaseLoader(), autoescape=select_autoescape(["html"]))
        template = env.from_string(source)
        return template.render(**context)

    def send(self, to: str, subject: str, body: str) -> None:
        msg = EmailMessage()
        msg["From"] = self.sender
        msg["To"] = to
        msg["Subject"] = subject
        msg.set_content(body)
        with smtplib.SMTP(self.smtp_host, timeout=20) as smtp:
            smtp.send_message(msg)

    def send_statements(self, firm: Dict, period: str, customers: Iterable[Dict]) -> int:
        source = self.template_source(firm.get("settings", {}))
        sent = 0
        for customer in customers:
            invoices = customer.get("open_invoices", [])
            if not invoices:
                continue
            body = self.render(source, {
                "customer": customer,
                "firm": {"name": firm["name"]},
                "period": period,
                "invoices": invoices,
                "total": sum(i["open_amount"] for i in invoices),
                "currency": firm.get("currency", "EUR"),
            })
            self.send(customer["email"], f"Statement {period} - {firm['name']}", body)
            sent += 1
        log.info("sent %d statements for firm %s", sent, firm["id"])
        return sent
