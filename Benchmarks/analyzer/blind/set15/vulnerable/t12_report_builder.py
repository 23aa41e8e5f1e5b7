"""Custom report rendering for the analytics workspace."""
import logging
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from jinja2 import Environment, StrictUndefined, select_autoescape
from rest_framework import serializers, status, viewsets
from rest_framework.decorators import action
from rest_framework.response import Response

logger = logging.getLogger("analytics.reports")

env = Environment(autoescape=select_autoescape(default=True), undefined=StrictUndefined)


class ReportSpecSerializer(serializers.Serializer):
    title = serializers.CharField(max_length=120)
    body_template = serializers.CharField(max_length=20_000)
    metric = serializers.ChoiceField(choices=["revenue", "signups", "churn"])
    start = serializers.DateField()
    end = serializers.DateField()


@dataclass
class ReportContext:
    title: str
    metric: str
    start: date
    end: date
    rows: list = field(default_factory=list)

    def as_dict(self) -> dict[str, Any]:
        total = sum(r["value"] for r in self.rows)
        return {"title": self.title, "metric": self.metric, "rows": self.rows, "total": total,
                "start": self.start.isoformat(), "end": self.end.isoformat()}


class MetricsGateway:
    def __init__(self, warehouse):
        self.warehouse = warehouse

    def series(self, metric: str, start: date, end: date) -> list:
        return self.warehouse.daily_series(metric=metric, start=start, end=end)


class ReportRenderer:
    def __init__(self, environment: Environment):
        self.environment = environment

    def render(self, template_source: str, context: ReportContext) -> str:
        template = self.environment.from_string(template_source)  # VULN flow
        return template.render(**context.as_dict())


class ReportViewSet(viewsets.ViewSet):
    renderer = ReportRenderer(env)

    def get_gateway(self) -> MetricsGateway:
        from .warehouse import get_warehouse
        return MetricsGateway(get_warehouse())

    @action(detail=False, methods=["post"])
    def preview(self, request):
        serializer = ReportSpecSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        spec = serializer.validated_data
        ctx = ReportContext(title=spec["title"], metric=spec["metric"], start=spec["start"], end=spec["end"])
        ctx.rows = self.get_gateway().series(ctx.metric, ctx.start, ctx.end)
        html = self.renderer.render(spec["body_template"], ctx)
        logger.info("report preview rendered user=%s rows=%d", request.user.pk, len(ctx.rows))
        return Response({"html": html}, status=status.HTTP_200_OK)
