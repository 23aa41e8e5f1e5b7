"""Grant progress report previews for the foundation's program officers."""
import logging

from flask import Blueprint, abort, render_template_string, request
from flask_login import current_user, login_required

from .models import Grant

logger = logging.getLogger(__name__)
bp = Blueprint("grant_reports", __name__, url_prefix="/grants")

REPORT_LAYOUT = """<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>{{ grant.title }} - progress report</title></head>
<body>
  <h1>{{ grant.title }}</h1>
  <p>Grantee: {{ grant.organisation }} &middot; Award: {{ "{:,.0f}".format(grant.amount) }} USD</p>
  <section class="summary">%s</section>
  <table>
    <tr><th>Milestone</th><th>Due</th><th>Status</th></tr>
    {%% for m in milestones %%}
    <tr><td>{{ m.name }}</td><td>{{ m.due_on }}</td><td>{{ m.status }}</td></tr>
    {%% endfor %%}
  </table>
  <footer>Prepared by {{ officer }}</footer>
</body>
</html>"""


def load_grant_for_officer(grant_id):
    grant = Grant.query.get_or_404(grant_id)
    if grant.officer_id != current_user.id:
        abort(403)
    return grant


def compose_layout(summary):
    return REPORT_LAYOUT % summary


@bp.route("/<int:grant_id>/report", methods=["GET", "POST"])
@login_required
def grant_report(grant_id):
    grant = load_grant_for_officer(grant_id)
    summary = grant.default_summary
    if request.method == "POST":
        summary = request.form.get("summary", summary)[:4000]
        logger.info("officer %r previewed report for grant %d", current_user.email, grant.id)

    layout = compose_layout(summary)
    return render_template_string(  # VULN flow
        layout,
        grant=grant,
        milestones=sorted(grant.milestones, key=lambda m: m.due_on),
        officer=current_user.full_name,
    )
