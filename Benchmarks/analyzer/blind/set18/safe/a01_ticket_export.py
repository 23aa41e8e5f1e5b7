"""Ticket export endpoint: bundles a ticket's attachments into a tarball for support handoff."""
import logging
import os
import re
import subprocess
from dataclasses import dataclass

from flask import Flask, abort, jsonify, request

app = Flask(__name__)
log = logging.getLogger("ticketing.export")

EXPORT_ROOT = os.environ.get("TICKET_EXPORT_ROOT", "/var/lib/ticketing/exports")
ATTACHMENT_ROOT = os.environ.get("TICKET_ATTACHMENT_ROOT", "/var/lib/ticketing/attachments")
ARCHIVE_NAME_RE = re.compile(r"[A-Za-z0-9][A-Za-z0-9_-]{0,63}")


@dataclass
class ExportRequest:
    ticket_id: int
    archive_name: str
    compression: str = "gz"


class ArchiveBuilder:
    FLAGS = {"gz": "z", "bz2": "j", "xz": "J"}

    def __init__(self, export_root: str, attachment_root: str) -> None:
        self.export_root = export_root
        self.attachment_root = attachment_root

    def target_path(self, req: ExportRequest) -> str:
        return os.path.join(self.export_root, f"{req.archive_name}.tar.{req.compression}")

    def build_command(self, req: ExportRequest) -> list[str]:
        flag = self.FLAGS[req.compression]
        source = os.path.join(self.attachment_root, str(req.ticket_id))
        return ["tar", f"-c{flag}f", self.target_path(req), "-C", source, "."]

    def run(self, req: ExportRequest) -> str:
        command = self.build_command(req)
        log.info("building archive for ticket %d", req.ticket_id)
        subprocess.run(command, check=True, timeout=300)
        return self.target_path(req)


def parse_export_request(payload: dict) -> ExportRequest:
    try:
        ticket_id = int(payload["ticket_id"])
    except (KeyError, TypeError, ValueError):
        abort(400, description="ticket_id is required")
    compression = payload.get("compression", "gz")
    if compression not in ArchiveBuilder.FLAGS:
        abort(400, description="unsupported compression")
    name = payload.get("archive_name") or f"ticket-{ticket_id}"
    if not isinstance(name, str) or not ARCHIVE_NAME_RE.fullmatch(name):
        abort(400, description="archive_name may only contain letters, digits, '-' and '_'")
    return ExportRequest(ticket_id=ticket_id, archive_name=name, compression=compression)


builder = ArchiveBuilder(EXPORT_ROOT, ATTACHMENT_ROOT)


@app.post("/api/tickets/export")
def export_ticket():
    req = parse_export_request(request.get_json(silent=True) or {})
    if not os.path.isdir(os.path.join(ATTACHMENT_ROOT, str(req.ticket_id))):
        abort(404)
    archive = builder.run(req)
    size = os.path.getsize(archive)
    return jsonify({"archive": os.path.basename(archive), "bytes": size}), 201


@app.get("/api/tickets/exports")
def list_exports():
    names = sorted(n for n in os.listdir(EXPORT_ROOT) if ".tar." in n)
    return jsonify({"exports": names})
