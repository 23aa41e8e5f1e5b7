"""Museum intranet: staff directory search backed by the corporate LDAP."""
import logging

import ldap
from django.conf import settings
from django.contrib.auth.decorators import login_required
from django.http import JsonResponse

log = logging.getLogger("intranet.directory")

BASE_DN = "ou=people,dc=museum,dc=example,dc=org"
ATTRS = ["cn", "mail", "title", "departmentNumber", "telephoneNumber"]


class StaffDirectory:
    def __init__(self, uri: str, bind_dn: str, bind_password: str):
        self.uri = uri
        self.bind_dn = bind_dn
        self.bind_password = bind_password

    def _connect(self):
        conn = ldap.initialize(self.uri)
        conn.set_option(ldap.OPT_REFERRALS, 0)
        conn.set_option(ldap.OPT_NETWORK_TIMEOUT, 5)
        conn.simple_bind_s(self.bind_dn, self.bind_password)
        return conn

    def search(self, name: str, department: str = "") -> list:
        parts = [
            "(objectClass=inetOrgPerson)",
            "(!(employeeType=external))",
            f"(|(cn=*{name}*)(mail={name}*))",
        ]
        if department:
            parts.append(f"(departmentNumber={department})")
        query = "(&" + "".join(parts) + ")"
        conn = self._connect()
        try:
            results = conn.search_s(BASE_DN, ldap.SCOPE_SUBTREE, query, ATTRS)  # VULN flow
        finally:
            conn.unbind_s()
        return [self._to_dict(dn, attrs) for dn, attrs in results if dn]

    @staticmethod
    def _to_dict(dn: str, attrs: dict) -> dict:
        def first(key):
            values = attrs.get(key) or [b""]
            return values[0].decode("utf-8", "replace")

        return {
            "dn": dn,
            "name": first("cn"),
            "email": first("mail"),
            "title": first("title"),
            "department": first("departmentNumber"),
            "phone": first("telephoneNumber"),
        }


def _directory() -> StaffDirectory:
    return StaffDirectory(settings.STAFF_LDAP_URI, settings.STAFF_LDAP_BIND_DN,
                          settings.STAFF_LDAP_BIND_PASSWORD)


@login_required
def staff_search(request):
    name = request.GET.get("q", "").strip()
    department = request.GET.get("dept", "").strip()
    if len(name) < 2:
        return JsonResponse({"error": "query too short"}, status=400)
    try:
        people = _directory().search(name, department)
    except ldap.LDAPError:
        log.exception("directory lookup failed")
        return JsonResponse({"error": "directory unavailable"}, status=503)
    return JsonResponse({"count": len(people), "people": people[:50]})
