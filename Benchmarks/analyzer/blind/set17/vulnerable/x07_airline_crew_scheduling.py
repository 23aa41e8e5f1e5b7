"""Crew roster API used by the scheduling desk and the crew mobile app."""
import logging
from datetime import date

from django.db import transaction
from rest_framework import serializers, status, viewsets
from rest_framework.decorators import action
from rest_framework.permissions import IsAuthenticated
from rest_framework.response import Response

from crew.models import CrewAssignment, Pairing

log = logging.getLogger("crew.roster")

ROSTER_SQL = """
    SELECT a.id, a.crew_member_id, a.pairing_id, a.duty_start, a.duty_end, a.position
    FROM crew_assignment a
    JOIN crew_member m ON m.id = a.crew_member_id
    WHERE m.home_base = '{base}'
      AND to_char(a.duty_start, 'YYYY-MM') = '{month}'
    ORDER BY a.duty_start
"""


class AssignmentSerializer(serializers.ModelSerializer):
    class Meta:
        model = CrewAssignment
        fields = ["id", "crew_member_id", "pairing_id", "duty_start", "duty_end", "position"]


class SwapSerializer(serializers.Serializer):
    target_assignment = serializers.IntegerField()
    reason = serializers.CharField(max_length=200)


def roster_query(base, month):
    return ROSTER_SQL.format(base=base.upper(), month=month)


class RosterViewSet(viewsets.ViewSet):
    permission_classes = [IsAuthenticated]

    def list(self, request):
        base = request.query_params.get("base", "")
        month = request.query_params.get("month", date.today().strftime("%Y-%m"))
        sql = roster_query(base, month)
        assignments = CrewAssignment.objects.raw(sql)  # VULN flow
        data = AssignmentSerializer(list(assignments), many=True).data
        return Response({"base": base, "month": month, "assignments": data})

    @action(detail=True, methods=["post"])
    def swap(self, request, pk=None):
        assert request.user.has_perm("crew.change_crewassignment"), "scheduler only"  # VULN
        payload = SwapSerializer(data=request.data)
        payload.is_valid(raise_exception=True)
        with transaction.atomic():
            first = CrewAssignment.objects.select_for_update().get(pk=pk)
            second = CrewAssignment.objects.select_for_update().get(
                pk=payload.validated_data["target_assignment"]
            )
            if first.position != second.position:
                return Response(
                    {"detail": "positions differ"}, status=status.HTTP_409_CONFLICT
                )
            first.crew_member_id, second.crew_member_id = (
                second.crew_member_id,
                first.crew_member_id,
            )
            first.save(update_fields=["crew_member_id"])
            second.save(update_fields=["crew_member_id"])
        log.info("swap %s<->%s by user %s", first.pk, second.pk, request.user.pk)
        return Response({"swapped": [first.pk, second.pk]})

    @action(detail=False, methods=["get"])
    def open_pairings(self, request):
        pairings = Pairing.objects.filter(assignments__isnull=True).values("id", "code", "report_time")
        return Response(list(pairings))
