"""Appointment reminder emails whose wording each tenant can customise."""
import logging
import smtplib
from dataclasses import dataclass
from datetime import datetime
from email.message import EmailMessage

import jinja2

log = logging.getLogger("reminders")

DEFAULT_TEMPLATE = (
    "Hi {{ customer }},\n\nThis is a reminder of your appointment with "
    "{{ business }} on {{ when }}.\n\nReply STOP to opt out."
)


@dataclass
class Tenant:
    id: int
    name: str
    sender: str
    reminder_template: str = ""


@dataclass
class Appointment:
    customer_name: str
    customer_email: str
    starts_at: datetime


class ReminderRenderer:
    def __init__(self, tenant):
        self.tenant = tenant

    def source(self):
        return self.tenant.reminder_template or DEFAULT_TEMPLATE

    def render(self, appt):
        template = jinja2.Template(self.source())  # VULN flow
        return template.render(
            customer=appt.customer_name,
            business=self.tenant.name,
            when=appt.starts_at.strftime("%A %d %B at %H:%M"),
        )


def build_message(tenant, appt):
    msg = EmailMessage()
    msg["Subject"] = f"Reminder: your appointment with {tenant.name}"
    msg["From"] = tenant.sender
    msg["To"] = appt.customer_email
    msg.set_content(ReminderRenderer(tenant).render(appt))
    return msg


def send_reminders(tenant, appointments, smtp_host="localhost"):
    sent = 0
    with smtplib.SMTP(smtp_host, timeout=15) as smtp:
        for appt in appointments:
            smtp.send_message(build_message(tenant, appt))
            sent += 1
    log.info("sent %d reminders for tenant %d", sent, tenant.id)
    return sent


def preview(tenant):
    sample = Appointment("Alex Example", "alex@example.com", datetime(2024, 5, 1, 14, 30))
    return ReminderRenderer(tenant).render(sample)
