"""Export / import of tenant configuration bundles (admin API, Flask).

Admins use this to copy SSO, password-policy and session settings from a
staging tenant to production.
"""
import dataclasses
import json
import logging
from dataclasses import dataclass, field
from typing import List

from flask import Blueprint, Response, abort, g, jsonify, request

from admin.auth import tenant_admin_required
from admin.settings_store import SettingsStore

bp = Blueprint("tenant_settings", __name__)
log = logging.getLogger("admin.settings")

MAX_BUNDLE_BYTES = 512 * 1024


@dataclass
class TenantSettings:
    sso_enforced: bool = False
    idp_metadata_url: str = ""
    password_min_length: int = 12
    session_idle_minutes: int = 30
    allowed_email_domains: List[str] = field(default_factory=list)
    ip_allowlist: List[str] = field(default_factory=list)


def export_bundle(settings: TenantSettings) -> str:
    return json.dumps(dataclasses.asdict(settings), indent=2)


def restore_bundle(text: str) -> TenantSettings:
    doc = json.loads(text)
    if not isinstance(doc, dict):
        raise ValueError("bundle does not contain tenant settings")
    known = {f.name for f in dataclasses.fields(TenantSettings)}
    settings = TenantSettings(**{k: v for k, v in doc.items() if k in known})
    return settings


@bp.route("/admin/settings/export", methods=["GET"])
@tenant_admin_required
def export_settings():
    settings = SettingsStore.load(g.tenant.id)
    body = export_bundle(settings)
    return Response(
        body,
        mimetype="application/json",
        headers={"Content-Disposition": f"attachment; filename={g.tenant.slug}-settings.json"},
    )


@bp.route("/admin/settings/import", methods=["POST"])
@tenant_admin_required
def import_settings():
    upload = request.files.get("bundle")
    if upload is None:
        abort(400, "missing bundle")
    raw = upload.read(MAX_BUNDLE_BYTES + 1)
    if len(raw) > MAX_BUNDLE_BYTES:
        abort(413)
    try:
        settings = restore_bundle(raw.decode("utf-8"))
    except (ValueError, TypeError, UnicodeDecodeError) as exc:
        abort(400, f"invalid bundle: {exc}")
    SettingsStore.save(g.tenant.id, settings)
    log.info("settings imported for tenant %r by %r", g.tenant.id, g.user.email)
    return jsonify({"imported": True, "sso_enforced": settings.sso_enforced})
