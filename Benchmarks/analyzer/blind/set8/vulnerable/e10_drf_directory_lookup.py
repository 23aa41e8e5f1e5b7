"""People directory lookup backed by the corporate LDAP (DRF)."""
import logging

from django.conf import settings
from ldap3 import SUBTREE, Connection, Server
from rest_framework import status
from rest_framework.permissions import IsAuthenticated
from rest_framework.response import Response
from rest_framework.views import APIView

logger = logging.getLogger(__name__)

ATTRIBUTES = ["cn", "mail", "title", "telephoneNumber", "department"]


def _connect() -> Connection:
    server = Server(settings.LDAP_URI, use_ssl=True)
    return Connection(
        server,
        user=settings.LDAP_BIND_DN,
        password=settings.LDAP_BIND_PASSWORD,
        auto_bind=True,
        read_only=True,
    )


class DirectorySearchView(APIView):
    permission_classes = [IsAuthenticated]

    def get(self, request):
        term = request.query_params.get("q", "").strip()
        if len(term) < 2:
            return Response({"detail": "query too short"}, status=status.HTTP_400_BAD_REQUEST)

        search_filter = (
            "(&(objectClass=person)(!(userAccountControl:1.2.840.113556.1.4.803:=2))"
            f"(|(cn=*{term}*)(mail={term}*)))"
        )
        with _connect() as conn:
            conn.search(  # VULN flow
                settings.LDAP_BASE_DN,
                search_filter,
                search_scope=SUBTREE,
                attributes=ATTRIBUTES,
                size_limit=50,
            )
            people = [
                {attr: entry[attr].value for attr in ATTRIBUTES if attr in entry}
                for entry in conn.entries
            ]
        return Response({"count": len(people), "results": people})
