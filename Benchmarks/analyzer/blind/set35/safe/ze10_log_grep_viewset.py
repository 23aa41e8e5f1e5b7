"""Search API over application log lines stored in the database."""
import re

from rest_framework import serializers, viewsets
from rest_framework.decorators import action
from rest_framework.permissions import IsAuthenticated
from rest_framework.response import Response

from observability.models import LogLine

SCAN_LIMIT = 5000
MAX_TERM = 200


class LogLineSerializer(serializers.ModelSerializer):
    class Meta:
        model = LogLine
        fields = ["id", "service", "level", "message", "created_at"]


class LogLineViewSet(viewsets.ReadOnlyModelViewSet):
    serializer_class = LogLineSerializer
    permission_classes = [IsAuthenticated]

    def get_queryset(self):
        qs = LogLine.objects.filter(project__members=self.request.user)
        service = self.request.query_params.get("service")
        if service:
            qs = qs.filter(service=service)
        level = self.request.query_params.get("level")
        if level:
            qs = qs.filter(level=level.upper())
        return qs.order_by("-created_at")

    @action(detail=False, methods=["get"])
    def grep(self, request):
        term = request.query_params.get("q", "")[:MAX_TERM]
        if not term:
            return Response({"detail": "q is required"}, status=400)
        matcher = self._build_matcher(term, request.query_params.get("icase") == "1")
        hits = [line for line in self.get_queryset()[:SCAN_LIMIT] if matcher.search(line.message)]
        page = self.paginate_queryset(hits)
        if page is not None:
            return self.get_paginated_response(self.get_serializer(page, many=True).data)
        return Response(self.get_serializer(hits, many=True).data)

    @staticmethod
    def _build_matcher(term, ignore_case):
        flags = re.IGNORECASE if ignore_case else 0
        return re.compile(re.escape(term), flags)
