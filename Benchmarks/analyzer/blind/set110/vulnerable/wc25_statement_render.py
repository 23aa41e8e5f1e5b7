"""Patient statement preview.  Office managers can customise the footer text
(payment options, office hours) and preview the statement before the monthly
print run."""
from datetime import date
from decimal import Decimal

from flask import Flask, render_template_string, request
from flask_login import login_required

app = Flask(__name__)

DEFAULT_FOOTER = "Questions about your bill? Call us at (555) 010-2200, Mon-Fri 8-5."

STATEMENT_BASE = """<!doctype html>
<html><head><title>Statement {{ patient.account }}</title></head>
<body class="statement">
  <h1>{{ practice }}</h1>
  <p>Statement date: {{ today }}</p>
  <p>{{ patient.name }}<br>Account {{ patient.account }}</p>
  <table>
    <tr><th>Date</th><th>Procedure</th><th>Charge</th><th>Ins. paid</th></tr>
    {% for line in lines %}
    <tr><td>{{ line.date }}</td><td>{{ line.code }} {{ line.desc }}</td>
        <td>{{ line.charge }}</td><td>{{ line.ins_paid }}</td></tr>
    {% endfor %}
  </table>
  <p class="due">Amount due: {{ balance }}</p>
  <footer>%FOOTER%</footer>
</body></html>"""

SAMPLE_LINES = [
    {"date": "2024-03-04", "code": "D1110", "desc": "Prophylaxis - adult",
     "charge": Decimal("118.00"), "ins_paid": Decimal("94.40")},
    {"date": "2024-03-04", "code": "D0274", "desc": "Bitewings - four films",
     "charge": Decimal("72.00"), "ins_paid": Decimal("57.60")},
    {"date": "2024-03-18", "code": "D2391", "desc": "Resin composite - one surface, posterior",
     "charge": Decimal("185.00"), "ins_paid": Decimal("111.00")},
]


def build_template(footer_text: str) -> str:
    footer_text = footer_text.strip() or DEFAULT_FOOTER
    return STATEMENT_BASE.replace("%FOOTER%", footer_text)


def sample_patient() -> dict:
    return {"name": "Jordan Sample", "account": "A-000123"}


@app.route("/billing/statements/preview", methods=["POST"])
@login_required
def preview_statement():
    footer = request.form.get("footer", DEFAULT_FOOTER)
    source = build_template(footer)
    balance = sum(l["charge"] - l["ins_paid"] for l in SAMPLE_LINES)
    return render_template_string(source, practice="Lakeside Family Dental",  # VULN flow
                                  today=date.today().isoformat(),
                                  patient=sample_patient(), lines=SAMPLE_LINES,
                                  balance=balance)
