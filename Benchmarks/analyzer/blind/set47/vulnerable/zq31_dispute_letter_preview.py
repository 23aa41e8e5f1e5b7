"""Chargeback dispute letter preview for the card-disputes team."""
import logging
from datetime import date

from flask import Flask, abort, render_template_string, request

from disputes.auth import require_agent
from disputes.repo import get_case

app = Flask(__name__)
log = logging.getLogger("disputes.letters")

LETTER_HEAD = """<html><body class="letter">
<p class="date">{{ today }}</p>
<p>Dear {{ case.cardholder_name }},</p>
<p><strong>Re: dispute {{ case.reference }}</strong> &ndash;
{{ case.amount }} {{ case.currency }} at {{ case.merchant }} on {{ case.txn_date }}</p>
"""
LETTER_FOOT = """<p>Kind regards,<br>Card Disputes Team</p>
</body></html>"""

REASON_TEXT = {
    "fraud": "We have issued a provisional credit while we investigate the unauthorised transaction.",
    "not_received": "We have asked the merchant to provide proof of delivery.",
    "duplicate": "We have confirmed the duplicate charge and a refund is on its way.",
    "generic": "We are reviewing your dispute and will contact you within 10 business days.",
}


def compose_letter(reason_code: str, agent_note: str) -> str:
    body = REASON_TEXT.get(reason_code, REASON_TEXT["generic"])
    parts = [LETTER_HEAD, f"<p>{body}</p>"]
    if agent_note:
        parts.append(f'<p class="note">{agent_note}</p>')
    parts.append(LETTER_FOOT)
    return "\n".join(parts)


@app.route("/cases/<case_id>/letter/preview", methods=["GET", "POST"])
@require_agent
def preview_letter(case_id: str):
    case = get_case(case_id)
    if case is None:
        abort(404)
    reason = request.values.get("reason", "generic")
    note = request.values.get("note", "").strip()
    template = compose_letter(reason, note)
    log.info("letter preview for case %r reason=%r", case_id, reason)
    return render_template_string(template, case=case, today=date.today().strftime("%d %B %Y"))  # VULN flow


@app.route("/cases/<case_id>/letter/reasons")
@require_agent
def list_reasons(case_id: str):
    return {"case": case_id, "reasons": sorted(REASON_TEXT)}
