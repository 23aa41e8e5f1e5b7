"""Read-only people directory backed by the corporate LDAP server."""
import ldap
from django.conf import settings
from rest_framework import permissions, serializers, viewsets
from rest_framework.exceptions import ValidationError
from rest_framework.response import Response

ATTRIBUTES = ["uid", "cn", "mail", "title", "departmentNumber"]
MAX_RESULTS = 50


class PersonSerializer(serializers.Serializer):
    uid = serializers.CharField()
    name = serializers.CharField()
    email = serializers.CharField(allow_blank=True)
    title = serializers.CharField(allow_blank=True)
    department = serializers.CharField(allow_blank=True)


def _first(attrs, name):
    values = attrs.get(name) or [b""]
    return values[0].decode("utf-8", errors="replace")


class DirectoryClient:
    def __init__(self):
        self.conn = ldap.initialize(settings.LDAP_URI)
        self.conn.set_option(ldap.OPT_REFERRALS, 0)
        self.conn.set_option(ldap.OPT_NETWORK_TIMEOUT, 5)
        self.conn.simple_bind_s(settings.LDAP_BIND_DN, settings.LDAP_BIND_PASSWORD)

    def close(self):
        self.conn.unbind_s()

    def search_people(self, term, department=None):
        clauses = f"(|(cn=*{term}*)(mail=*{term}*)(uid={term}))"
        if department:
            clauses = f"(&{clauses}(departmentNumber={department}))"
        search_filter = f"(&(objectClass=inetOrgPerson){clauses})"
        results = self.conn.search_ext_s(  # VULN flow
            settings.LDAP_BASE_DN,
            ldap.SCOPE_SUBTREE,
            search_filter,
            ATTRIBUTES,
            sizelimit=MAX_RESULTS,
        )
        return [
            {
                "uid": _first(attrs, "uid"),
                "name": _first(attrs, "cn"),
                "email": _first(attrs, "mail"),
                "title": _first(attrs, "title"),
                "department": _first(attrs, "departmentNumber"),
            }
            for dn, attrs in results
            if dn
        ]


class PeopleViewSet(viewsets.ViewSet):
    permission_classes = [permissions.IsAuthenticated]

    def list(self, request):
        term = request.query_params.get("q", "").strip()
        department = request.query_params.get("department")
        if len(term) < 2:
            raise ValidationError({"q": "enter at least two characters"})
        if department and not (department.isascii() and department.isdigit()):
            raise ValidationError({"department": "must be numeric"})
        client = DirectoryClient()
        try:
            people = client.search_people(term, department)
        finally:
            client.close()
        return Response(PersonSerializer(people, many=True).data)
