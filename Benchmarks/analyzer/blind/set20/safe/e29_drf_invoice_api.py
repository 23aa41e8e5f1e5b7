"""Billing API views: invoice search for account managers and invoice voiding."""
import logging

from django.db import transaction
from rest_framework import serializers, status
from rest_framework.exceptions import PermissionDenied
from rest_framework.permissions import IsAuthenticated
from rest_framework.response import Response
from rest_framework.views import APIView

from .models import Invoice, InvoiceEvent

log = logging.getLogger("billing.api")


class InvoiceSearchSerializer(serializers.Serializer):
    customer = serializers.CharField(max_length=120)
    status = serializers.ChoiceField(choices=["draft", "open", "paid", "void"], required=False)
    min_total = serializers.DecimalField(max_digits=12, decimal_places=2, required=False)


class InvoiceSerializer(serializers.ModelSerializer):
    class Meta:
        model = Invoice
        fields = ["id", "number", "customer_name", "status", "total", "issued_on"]


class InvoiceSearchService:
    def __init__(self, account_manager):
        self.account_manager = account_manager

    def search(self, customer: str, state=None, min_total=None):
        sql = (
            "SELECT * FROM billing_invoice WHERE account_manager_id = %s "
            "AND customer_name ILIKE %s"
        )
        params = [self.account_manager.pk, f"%{customer}%"]
        if state:
            sql += " AND status = %s"
            params.append(state)
        if min_total is not None:
            sql += " AND total >= %s"
            params.append(min_total)
        return Invoice.objects.raw(sql + " ORDER BY issued_on DESC LIMIT 200", params)


class InvoiceSearchView(APIView):
    permission_classes = [IsAuthenticated]

    def get(self, request):
        form = InvoiceSearchSerializer(data=request.query_params)
        form.is_valid(raise_exception=True)
        data = form.validated_data
        service = InvoiceSearchService(request.user)
        invoices = service.search(data["customer"], data.get("status"), data.get("min_total"))
        return Response(InvoiceSerializer(invoices, many=True).data)


class VoidInvoiceView(APIView):
    permission_classes = [IsAuthenticated]

    def post(self, request, pk: int):
        if not request.user.has_perm("billing.void_invoice"):
            raise PermissionDenied("missing billing.void_invoice")
        with transaction.atomic():
            invoice = Invoice.objects.select_for_update().get(pk=pk)
            if invoice.status == "paid":
                return Response({"detail": "paid invoices cannot be voided"}, status=status.HTTP_409_CONFLICT)
            invoice.status = "void"
            invoice.save(update_fields=["status"])
            InvoiceEvent.objects.create(invoice=invoice, kind="voided", actor=request.user)
        log.info("invoice %s voided by user %s", invoice.number, request.user.pk)
        return Response(InvoiceSerializer(invoice).data)
