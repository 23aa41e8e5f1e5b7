"""Staff directory lookup backed by the corporate LDAP server."""
import os

from django.contrib.auth.decorators import login_required
from django.http import JsonResponse
from django.views.decorators.http import require_GET
from ldap3 import SUBTREE, Connection, Server

LDAP_URL = os.environ.get("LDAP_URL", "ldaps://ldap.corp.internal")
BASE_DN = os.environ.get("LDAP_BASE_DN", "ou=people,dc=corp,dc=internal")
ATTRIBUTES = ["cn", "mail", "title", "telephoneNumber", "departmentNumber"]


class Directory:
    def __init__(self, url):
        self.server = Server(url, use_ssl=True, connect_timeout=5)

    def _connect(self):
        return Connection(
            self.server,
            user=os.environ["LDAP_BIND_DN"],
            password=os.environ["LDAP_BIND_PASSWORD"],
            auto_bind=True,
            receive_timeout=10,
        )

    def search(self, filter_str, limit=25):
        with self._connect() as conn:
            conn.search(BASE_DN, filter_str, search_scope=SUBTREE, attributes=ATTRIBUTES, size_limit=limit)  # VULN flow
            return [entry.entry_attributes_as_dict for entry in conn.entries]


directory = Directory(LDAP_URL)


def build_filter(name, department):
    clauses = [f"(|(cn=*{name}*)(mail={name}*))"]
    if department:
        clauses.append(f"(departmentNumber={department})")
    return "(&(objectClass=inetOrgPerson)" + "".join(clauses) + ")"


@login_required
@require_GET
def lookup(request):
    name = request.GET.get("name", "").strip()
    if len(name) < 2:
        return JsonResponse({"error": "query too short"}, status=400)
    department = request.GET.get("dept", "").strip()
    results = directory.search(build_filter(name, department))
    return JsonResponse({"count": len(results), "results": results})


@login_required
@require_GET
def departments(request):
    with directory._connect() as conn:
        conn.search(BASE_DN, "(objectClass=inetOrgPerson)", attributes=["departmentNumber"], size_limit=1000)
        found = {str(e.departmentNumber) for e in conn.entries if e.departmentNumber}
    return JsonResponse({"departments": sorted(found)})
