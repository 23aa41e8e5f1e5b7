"""REST API over post-stay guest feedback for hotel general managers."""
import re

from django.db.models import Avg
from rest_framework import permissions, serializers, viewsets
from rest_framework.decorators import action
from rest_framework.response import Response

from feedback.models import GuestFeedback

MAX_PATTERN_LENGTH = 80


class GuestFeedbackSerializer(serializers.ModelSerializer):
    highlights = serializers.SerializerMethodField()

    class Meta:
        model = GuestFeedback
        fields = ["id", "property_code", "stay_date", "rating", "comment", "highlights"]
        read_only_fields = fields

    def get_highlights(self, obj):
        matcher = self.context.get("matcher")
        if matcher is None:
            return []
        return [m.group(0) for m in matcher.finditer(obj.comment)][:5]


class IsPropertyManager(permissions.BasePermission):
    def has_permission(self, request, view):
        return bool(request.user and request.user.is_authenticated and request.user.managed_properties.exists())


class GuestFeedbackViewSet(viewsets.ReadOnlyModelViewSet):
    serializer_class = GuestFeedbackSerializer
    permission_classes = [IsPropertyManager]

    def get_queryset(self):
        codes = self.request.user.managed_properties.values_list("code", flat=True)
        qs = GuestFeedback.objects.filter(property_code__in=list(codes)).order_by("-stay_date")
        rating = self.request.query_params.get("max_rating")
        if rating and rating.isdigit():
            qs = qs.filter(rating__lte=int(rating))
        return qs

    @action(detail=False, methods=["get"])
    def summary(self, request):
        qs = self.get_queryset()
        return Response({"count": qs.count(), "average_rating": qs.aggregate(avg=Avg("rating"))["avg"]})

    @action(detail=False, methods=["get"])
    def search(self, request):
        pattern = request.query_params.get("pattern", "").strip()
        if not pattern or len(pattern) > MAX_PATTERN_LENGTH:
            return Response({"detail": "pattern is required (max 80 characters)"}, status=400)
        matcher = re.compile(re.escape(pattern), re.IGNORECASE)

        candidates = self.get_queryset().only("id", "property_code", "stay_date", "rating", "comment")[:2000]
        matches = [fb for fb in candidates if matcher.search(fb.comment)]
        page = self.paginate_queryset(matches)
        context = {**self.get_serializer_context(), "matcher": matcher}
        serializer = GuestFeedbackSerializer(page if page is not None else matches, many=True, context=context)
        if page is not None:
            return self.get_paginated_response(serializer.data)
        return Response(serializer.data)
