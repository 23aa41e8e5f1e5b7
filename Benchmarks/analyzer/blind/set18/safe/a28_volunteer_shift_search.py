"""DRF endpoints for the food-bank volunteer rota: shift search and notes search."""
from django.db import models
from rest_framework import permissions, serializers
from rest_framework.response import Response
from rest_framework.views import APIView

ORDERING_COLUMNS = {
    "starts_at": "starts_at",
    "-starts_at": "starts_at DESC",
    "site": "site",
    "slots": "slots DESC",
}


class Shift(models.Model):
    region = models.CharField(max_length=64)
    site = models.CharField(max_length=128)
    starts_at = models.DateTimeField()
    ends_at = models.DateTimeField()
    slots = models.PositiveSmallIntegerField(default=4)
    notes = models.TextField(blank=True)

    class Meta:
        app_label = "rota"
        db_table = "rota_shift"


class ShiftSerializer(serializers.ModelSerializer):
    class Meta:
        model = Shift
        fields = ["id", "region", "site", "starts_at", "ends_at", "slots", "notes"]


class ShiftSearchSerializer(serializers.Serializer):
    region = serializers.CharField(max_length=64)
    q = serializers.CharField(required=False, allow_blank=True, max_length=100)
    ordering = serializers.ChoiceField(choices=sorted(ORDERING_COLUMNS), required=False,
                                       default="starts_at")


class ShiftQuery:
    def __init__(self, params: dict) -> None:
        self.region = params["region"]
        self.q = params.get("q") or ""
        self.ordering = params.get("ordering", "starts_at")

    def open_shifts(self):
        order_by = ORDERING_COLUMNS[self.ordering]
        sql = (
            "SELECT * FROM rota_shift WHERE region = %s AND starts_at > now() "
            f"ORDER BY {order_by}"
        )
        return Shift.objects.raw(sql, [self.region])

    def with_notes(self):
        qs = Shift.objects.filter(region=self.region)
        if self.q:
            qs = qs.extra(where=["notes ILIKE %s"], params=[f"%{self.q}%"])
        return qs.order_by("starts_at")[:100]


class ShiftSearchView(APIView):
    permission_classes = [permissions.IsAuthenticated]

    def get(self, request):
        params = ShiftSearchSerializer(data=request.query_params)
        params.is_valid(raise_exception=True)
        query = ShiftQuery(params.validated_data)
        shifts = list(query.open_shifts())
        return Response({"count": len(shifts), "results": ShiftSerializer(shifts, many=True).data})


class ShiftNotesView(APIView):
    permission_classes = [permissions.IsAuthenticated]

    def get(self, request):
        params = ShiftSearchSerializer(data=request.query_params)
        params.is_valid(raise_exception=True)
        shifts = ShiftQuery(params.validated_data).with_notes()
        return Response(ShiftSerializer(shifts, many=True).data)
