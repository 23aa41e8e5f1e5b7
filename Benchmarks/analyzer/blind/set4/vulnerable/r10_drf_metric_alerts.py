from rest_framework import permissions, viewsets
from rest_framework.decorators import action
from rest_framework.response import Response

from .models import Metric
from .serializers import MetricSerializer


class MetricViewSet(viewsets.ReadOnlyModelViewSet):
    queryset = Metric.objects.select_related("host")
    serializer_class = MetricSerializer
    permission_classes = [permissions.IsAuthenticated]

    def _threshold_expr(self):
        return self.request.query_params.get("threshold", "0")

    def _threshold(self):
        return eval(self._threshold_expr(), {"__builtins__": {}}, {})  # VULN flow

    @action(detail=False, methods=["get"])
    def alerts(self, request):
        limit = self._threshold()
        qs = self.get_queryset().filter(value__gt=limit).order_by("-value")[:100]
        return Response(self.get_serializer(qs, many=True).data)
