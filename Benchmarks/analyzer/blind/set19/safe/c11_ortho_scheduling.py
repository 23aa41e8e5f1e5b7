"""Orthodontics scheduling API (Django REST framework)."""
import logging
from datetime import date

from django.db import connection, transaction
from rest_framework import serializers, status, viewsets
from rest_framework.decorators import action
from rest_framework.exceptions import PermissionDenied
from rest_framework.permissions import IsAuthenticated
from rest_framework.response import Response

from .models import Appointment

log = logging.getLogger("ortho.scheduling")


class AppointmentSerializer(serializers.ModelSerializer):
    class Meta:
        model = Appointment
        fields = ["id", "patient", "chair", "starts_at", "duration_minutes", "procedure", "status"]
        read_only_fields = ["status"]


class AppointmentViewSet(viewsets.ModelViewSet):
    serializer_class = AppointmentSerializer
    permission_classes = [IsAuthenticated]

    def get_queryset(self):
        return Appointment.objects.filter(clinic_id=self.request.user.profile.clinic_id)

    def perform_create(self, serializer):
        serializer.save(clinic_id=self.request.user.profile.clinic_id, status="booked")

    @action(detail=False, methods=["get"], url_path="by-procedure")
    def by_procedure(self, request):
        procedure = request.query_params.get("procedure", "")
        clinic = request.user.profile.clinic_id
        sql = (
            "SELECT * FROM scheduling_appointment "
            "WHERE clinic_id = %s AND procedure = %s "
            "ORDER BY starts_at"
        )
        rows = Appointment.objects.raw(sql, [clinic, procedure])
        return Response(AppointmentSerializer(rows, many=True).data)

    @action(detail=False, methods=["get"], url_path="chair-load")
    def chair_load(self, request):
        try:
            day = date.fromisoformat(request.query_params.get("day") or date.today().isoformat())
        except ValueError:
            return Response({"error": "day must be YYYY-MM-DD"}, status=status.HTTP_400_BAD_REQUEST)
        with connection.cursor() as cur:
            cur.execute(
                "SELECT chair_id, SUM(duration_minutes) FROM scheduling_appointment "
                "WHERE clinic_id = %s AND starts_at::date = %s GROUP BY chair_id ORDER BY chair_id",
                [request.user.profile.clinic_id, day],
            )
            load = [{"chair": chair, "minutes": minutes} for chair, minutes in cur.fetchall()]
        return Response({"day": day.isoformat(), "chairs": load})

    @action(detail=False, methods=["post"], url_path="cancel-block")
    def cancel_block(self, request):
        if not request.user.is_staff:
            raise PermissionDenied("only clinic staff may cancel a block")
        chair = request.data.get("chair")
        day = request.data.get("day")
        with transaction.atomic():
            updated = self.get_queryset().filter(chair_id=chair, starts_at__date=day).update(status="cancelled")
        log.info("user %s cancelled %d appointments on chair %r", request.user.pk, updated, chair)
        return Response({"cancelled": updated})
