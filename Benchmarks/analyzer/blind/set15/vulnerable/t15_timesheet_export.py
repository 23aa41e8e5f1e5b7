"""Timesheet export endpoints for the workforce management API."""
import csv
import io
import logging

from django.db import connection
from django.http import HttpResponse
from rest_framework import permissions, serializers, viewsets
from rest_framework.decorators import action

from .models import Timesheet

logger = logging.getLogger("workforce.export")


class ExportFilterSerializer(serializers.Serializer):
    team = serializers.CharField(max_length=64)
    period_start = serializers.DateField()
    period_end = serializers.DateField()
    group_by = serializers.CharField(max_length=32, default="employee_id")
    include_overtime = serializers.BooleanField(default=True)


class TimesheetSerializer(serializers.ModelSerializer):
    class Meta:
        model = Timesheet
        fields = ["id", "employee", "team", "day", "hours", "overtime"]


class TimesheetReportQuery:
    def __init__(self, filters: dict):
        self.filters = filters

    def sql(self) -> str:
        group = self.filters["group_by"]
        overtime = "SUM(overtime)" if self.filters["include_overtime"] else "0"
        return (
            f"SELECT {group} AS bucket, SUM(hours) AS hours, {overtime} AS overtime "
            f"FROM workforce_timesheet WHERE team = '{self.filters['team']}' "
            f"AND day BETWEEN '{self.filters['period_start']}' AND '{self.filters['period_end']}' "
            f"GROUP BY {group} ORDER BY {group}"
        )


class TimesheetRepository:
    def aggregate(self, query: TimesheetReportQuery) -> list:
        statement = query.sql()
        with connection.cursor() as cursor:
            cursor.execute(statement)  # VULN flow
            return cursor.fetchall()


class TimesheetViewSet(viewsets.ReadOnlyModelViewSet):
    queryset = Timesheet.objects.select_related("employee")
    serializer_class = TimesheetSerializer
    permission_classes = [permissions.IsAuthenticated]
    repository = TimesheetRepository()

    @action(detail=False, methods=["get"], url_path="export")
    def export(self, request):
        filters = ExportFilterSerializer(data=request.query_params)
        filters.is_valid(raise_exception=True)
        rows = self.repository.aggregate(TimesheetReportQuery(filters.validated_data))
        buffer = io.StringIO()
        writer = csv.writer(buffer)
        writer.writerow(["bucket", "hours", "overtime"])
        writer.writerows(rows)
        logger.info("timesheet export user=%s rows=%d", request.user.pk, len(rows))
        response = HttpResponse(buffer.getvalue(), content_type="text/csv")
        response["Content-Disposition"] = 'attachment; filename="timesheets.csv"'
        return response
