from flask import Flask, render_template_string, request
from flask_login import login_required

app = Flask(__name__)

PREVIEW_WRAPPER = """
<html><body>
<h3>{{ subject }}</h3>
<div class="mail-body">__BODY__</div>
</body></html>
"""

SAMPLE_USER = {"first_name": "Ada", "plan": "Pro", "renewal": "2024-09-01"}


@app.route("/admin/email-preview", methods=["POST"])
@login_required
def email_preview():
    subject = request.form.get("subject", "")
    body_tpl = request.form.get("body", "")
    page = PREVIEW_WRAPPER.replace("__BODY__", body_tpl)
    return render_template_string(page, subject=subject, user=SAMPLE_USER)  # VULN flow
