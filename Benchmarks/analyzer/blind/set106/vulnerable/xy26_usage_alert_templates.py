"""Celery tasks that send usage alerts (80% / 100% of bundle) by SMS.

MVNO partners maintain their own alert wording in the partner portal; the
text is stored per partner and rendered here with subscriber usage data.
"""
import logging
import os

import psycopg2
import requests
from celery import Celery
from jinja2 import Environment

log = logging.getLogger("alerts.usage")

celery = Celery("usage_alerts", broker=os.environ.get("CELERY_BROKER", "redis://localhost:6379/3"))
DSN = os.environ.get("PARTNER_DSN", "dbname=partners")
SMSC_API = os.environ.get("SMSC_API", "https://smsc-gw.core.example-telco.net/v1/messages")

DEFAULT_TEMPLATE = "You have used {{ pct }}% of your {{ bundle }} data bundle. Top up: {{ topup_url }}"
_env = Environment(autoescape=False, trim_blocks=True)


def partner_template(partner_id: str, kind: str) -> str:
    with psycopg2.connect(DSN) as conn, conn.cursor() as cur:
        cur.execute(
            "SELECT body FROM alert_templates WHERE partner_id = %s AND kind = %s AND active",
            (partner_id, kind),
        )
        row = cur.fetchone()
    return row[0] if row else DEFAULT_TEMPLATE


def render_alert(template_text: str, context: dict) -> str:
    template = _env.from_string(template_text)  # VULN flow
    return template.render(**context)[:459]


@celery.task(bind=True, max_retries=3, default_retry_delay=60)
def send_usage_alert(self, partner_id, msisdn, bundle_name, pct):
    context = {
        "pct": int(pct),
        "bundle": bundle_name,
        "msisdn": msisdn,
        "topup_url": f"https://{partner_id}.topup.example-telco.net",
    }
    kind = "usage_100" if pct >= 100 else "usage_80"
    text = render_alert(partner_template(partner_id, kind), context)
    try:
        resp = requests.post(
            SMSC_API,
            json={"to": msisdn, "from": partner_id.upper()[:11], "text": text},
            headers={"Authorization": f"Bearer {os.environ['SMSC_TOKEN']}"},
            timeout=10,
        )
        resp.raise_for_status()
    except requests.RequestException as exc:
        log.warning("SMSC rejected alert for %r: %r", msisdn, exc)
        raise self.retry(exc=exc)
    return {"msisdn": msisdn, "kind": kind}
