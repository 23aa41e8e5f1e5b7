"""Staff directory lookup for duty managers (Django view backed by the hotel AD)."""
import logging
import os

from django.contrib.auth.decorators import login_required, permission_required
from django.http import JsonResponse
from django.views.decorators.http import require_GET
from ldap3 import SUBTREE, Connection, Server

log = logging.getLogger("hr.directory")

LDAP_URL = os.environ.get("STAFF_LDAP_URL", "ldaps://ad.harbourhotel.local")
BIND_DN = os.environ.get("STAFF_LDAP_BIND_DN", "")
BIND_PW = os.environ.get("STAFF_LDAP_BIND_PW", "")
BASE_DN = "OU=Staff,DC=harbourhotel,DC=local"
ATTRS = ["cn", "mail", "telephoneNumber", "department", "title", "sAMAccountName"]
ACTIVE_ONLY = "(!(userAccountControl:1.2.840.113556.1.4.803:=2))"


def _connection() -> Connection:
    server = Server(LDAP_URL, use_ssl=True, connect_timeout=5)
    return Connection(server, user=BIND_DN, password=BIND_PW, auto_bind=True, receive_timeout=10)


def build_filter(name: str, department: str = "") -> str:
    parts = ["(objectClass=user)", ACTIVE_ONLY]
    if department:
        parts.append(f"(department={department})")
    parts.append(f"(|(cn=*{name}*)(sAMAccountName={name}*))")
    return "(&" + "".join(parts) + ")"


def _entry_to_dict(entry) -> dict:
    return {attr: str(entry[attr].value) if attr in entry and entry[attr].value else "" for attr in ATTRS}


@login_required
@permission_required("frontoffice.view_staff_directory", raise_exception=True)
@require_GET
def staff_search(request):
    name = request.GET.get("q", "").strip()
    department = request.GET.get("dept", "").strip()
    if len(name) < 2:
        return JsonResponse({"error": "enter at least two characters"}, status=400)

    search_filter = build_filter(name, department)
    conn = _connection()
    try:
        conn.search(BASE_DN, search_filter, search_scope=SUBTREE, attributes=ATTRS, size_limit=25)  # VULN flow
        results = [_entry_to_dict(e) for e in conn.entries]
    finally:
        conn.unbind()
    log.info("directory search by %s returned %d entries", request.user.username, len(results))
    return JsonResponse({"results": results})
