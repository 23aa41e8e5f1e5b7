from flask import Flask, render_template_string, request
from flask_login import login_required

app = Flask(__name__)

PREVIEW_TEMPLATE = """
<html><body>
<h3>{{ subject }}</h3>
<div class="mail-body">
{% for para in paragraphs %}<p>{{ para }}</p>{% endfor %}
</div>
</body></html>
"""


@app.route("/admin/email-preview", methods=["POST"])
@login_required
def email_preview():
    subject = request.form.get("subject", "")
    body = request.form.get("body", "")
    paragraphs = [p.strip() for p in body.split("\n\n") if p.strip()]
    return render_template_string(PREVIEW_TEMPLATE, subject=subject, paragraphs=paragraphs)
