"""People directory lookup backed by the corporate LDAP (DRF)."""
import logging

from django.conf import settings
from ldap3 import SUBTREE, Connection, Server
from ldap3.utils.conv import escape_filter_chars
from rest_framework import serializers, status
from rest_framework.permissions import IsAuthenticated
from rest_framework.response import Response
from rest_framework.views import APIView

logger = logging.getLogger(__name__)

ATTRIBUTES = ["cn", "mail", "title", "telephoneNumber", "department"]


class DirectoryQuerySerializer(serializers.Serializer):
    q = serializers.CharField(min_length=2, max_length=64, trim_whitespace=True)


def _connect() -> Connection:
    server = Server(settings.LDAP_URI, use_ssl=True)
    return Connection(
        server,
        user=settings.LDAP_BIND_DN,
        password=settings.LDAP_BIND_PASSWORD,
        auto_bind=True,
        read_only=True,
    )


def build_filter(term: str) -> str:
    safe_term = escape_filter_chars(term)
    return (
        "(&(objectClass=person)(!(userAccountControl:1.2.840.113556.1.4.803:=2))"
        f"(|(cn=*{safe_term}*)(mail={safe_term}*)))"
    )


class DirectorySearchView(APIView):
    permission_classes = [IsAuthenticated]

    def get(self, request):
        params = DirectoryQuerySerializer(data=request.query_params)
        if not params.is_valid():
            return Response(params.errors, status=status.HTTP_400_BAD_REQUEST)

        with _connect() as conn:
            conn.search(
                settings.LDAP_BASE_DN,
                build_filter(params.validated_data["q"]),
                search_scope=SUBTREE,
                attributes=ATTRIBUTES,
                size_limit=50,
            )
            people = [
                {attr: entry[attr].value for attr in ATTRIBUTES if attr in entry}
                for entry in conn.entries
            ]
        return Response({"count": len(people), "results": people})
