"""Tenant administration API: member lookup against the corporate directory."""
import logging

from django.conf import settings
from ldap3 import SUBTREE, Connection, Server
from ldap3.utils.conv import escape_filter_chars
from rest_framework import permissions, serializers, status, viewsets
from rest_framework.decorators import action
from rest_framework.response import Response

from .models import TenantMember

logger = logging.getLogger(__name__)


class TenantMemberSerializer(serializers.ModelSerializer):
    class Meta:
        model = TenantMember
        fields = ["id", "username", "email", "role", "joined_at"]
        read_only_fields = ["joined_at"]


class DirectoryLookupSerializer(serializers.Serializer):
    username = serializers.CharField(max_length=128)
    department = serializers.CharField(max_length=64, required=False, allow_blank=True)


class DirectoryClient:
    attributes = ["uid", "cn", "mail", "ou"]

    def __init__(self):
        self.server = Server(settings.LDAP_URL, use_ssl=True)

    def _connection(self):
        return Connection(
            self.server,
            user=settings.LDAP_BIND_DN,
            password=settings.LDAP_BIND_PASSWORD,
            auto_bind=True,
        )

    def build_filter(self, username, department=""):
        clauses = f"(uid={escape_filter_chars(username)})"
        if department:
            clauses += f"(ou={escape_filter_chars(department)})"
        return f"(&(objectClass=inetOrgPerson){clauses})"

    def search(self, username, department=""):
        search_filter = self.build_filter(username, department)
        with self._connection() as conn:
            conn.search(settings.LDAP_BASE_DN, search_filter, search_scope=SUBTREE, attributes=self.attributes)
            return [entry.entry_attributes_as_dict for entry in conn.entries]


class TenantMemberViewSet(viewsets.ModelViewSet):
    serializer_class = TenantMemberSerializer
    permission_classes = [permissions.IsAdminUser]

    def get_queryset(self):
        return TenantMember.objects.filter(tenant=self.request.user.tenant)

    def perform_create(self, serializer):
        serializer.save(tenant=self.request.user.tenant)

    @action(detail=False, methods=["post"], url_path="directory-lookup")
    def directory_lookup(self, request):
        params = DirectoryLookupSerializer(data=request.data)
        params.is_valid(raise_exception=True)
        results = DirectoryClient().search(
            params.validated_data["username"],
            params.validated_data.get("department", ""),
        )
        logger.info("Directory lookup returned %d entries", len(results))
        if not results:
            return Response({"detail": "no match"}, status=status.HTTP_404_NOT_FOUND)
        return Response({"results": results})
