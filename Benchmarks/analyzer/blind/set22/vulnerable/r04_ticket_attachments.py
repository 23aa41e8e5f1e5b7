"""Helpdesk: ticket attachment download blueprint."""
import logging
import os

from flask import Blueprint, abort, g, jsonify, request, send_file

from helpdesk.auth import login_required
from helpdesk.models import Ticket

attachments = Blueprint("attachments", __name__)
log = logging.getLogger("helpdesk.attachments")

ATTACHMENT_ROOT = os.environ.get("HELPDESK_ATTACHMENTS", "/srv/helpdesk/attachments")


def ticket_folder(ticket):
    return os.path.join(ATTACHMENT_ROOT, str(ticket.id))


def resolve_attachment(ticket, requested_name):
    folder = ticket_folder(ticket)
    return os.path.join(folder, requested_name)


def _load_visible_ticket(ticket_id):
    ticket = Ticket.query.get_or_404(ticket_id)
    if not ticket.visible_to(g.user):
        abort(403)
    return ticket


@attachments.route("/tickets/<int:ticket_id>/attachments")
@login_required
def list_attachments(ticket_id):
    ticket = _load_visible_ticket(ticket_id)
    folder = ticket_folder(ticket)
    names = sorted(os.listdir(folder)) if os.path.isdir(folder) else []
    return jsonify(ticket=ticket.id, files=names)


@attachments.route("/tickets/<int:ticket_id>/attachments/download")
@login_required
def download(ticket_id):
    ticket = _load_visible_ticket(ticket_id)
    name = request.args.get("file", "")
    if not name:
        abort(400)
    path = resolve_attachment(ticket, name)
    if not os.path.isfile(path):
        abort(404)
    log.info("user %r downloaded %r from ticket %d", g.user.email, name, ticket.id)
    return send_file(path, as_attachment=True)  # VULN flow
