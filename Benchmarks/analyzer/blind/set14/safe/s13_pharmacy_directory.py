"""Staff directory lookups for the pharmacy back office."""
import logging
import os
import ssl

from flask import Blueprint, abort, jsonify, request
from ldap3 import ALL, SUBTREE, Connection, Server, Tls
from ldap3.core.exceptions import LDAPException
from ldap3.utils.conv import escape_filter_chars

from pharmacy.auth import login_required

bp = Blueprint("staff_directory", __name__, url_prefix="/staff")
log = logging.getLogger("pharmacy.directory")

LDAP_HOST = "ldap.pharmacy.local"
BASE_DN = "ou=staff,dc=pharmacy,dc=local"
BIND_DN = "cn=svc-directory,ou=services,dc=pharmacy,dc=local"
BIND_PASSWORD = os.environ["DIRECTORY_BIND_PASSWORD"]
CA_BUNDLE = os.environ.get("LDAP_CA_BUNDLE", "/etc/pki/pharmacy/ldap-ca.pem")

_tls = Tls(validate=ssl.CERT_REQUIRED, version=ssl.PROTOCOL_TLSv1_2, ca_certs_file=CA_BUNDLE)
_server = Server(LDAP_HOST, port=636, use_ssl=True, tls=_tls, get_info=ALL, connect_timeout=5)

ATTRS = ["uid", "cn", "mail", "title", "telephoneNumber", "licenseNumber"]


def _connection():
    return Connection(_server, user=BIND_DN, password=BIND_PASSWORD, auto_bind=True, read_only=True)


def _build_filter(name=None, role=None):
    parts = ["(objectClass=pharmacyStaff)"]
    if name:
        name = escape_filter_chars(name)
        parts.append(f"(|(cn=*{name}*)(uid={name}))")
    if role:
        parts.append(f"(title={escape_filter_chars(role)})")
    return "(&" + "".join(parts) + ")"


def _entry_to_dict(entry):
    data = entry.entry_attributes_as_dict
    return {attr: (data.get(attr) or [None])[0] for attr in ATTRS}


@bp.route("/search")
@login_required
def search_staff():
    name = request.args.get("name", "").strip()
    role = request.args.get("role", "").strip()
    if not name and not role:
        abort(400, "name or role is required")
    query_filter = _build_filter(name, role)
    try:
        with _connection() as conn:
            conn.search(BASE_DN, query_filter, search_scope=SUBTREE, attributes=ATTRS, size_limit=50)
            results = [_entry_to_dict(e) for e in conn.entries]
    except LDAPException as exc:
        log.error("directory search failed: %s", type(exc).__name__)
        abort(503)
    return jsonify(results=results, count=len(results))
