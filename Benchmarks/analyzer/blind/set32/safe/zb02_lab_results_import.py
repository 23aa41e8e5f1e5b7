"""Bulk import of laboratory results delivered as XML by partner labs."""
import logging
from decimal import Decimal, InvalidOperation

from defusedxml import DefusedXmlException
from defusedxml import ElementTree as SafeET
from django.contrib.auth.mixins import PermissionRequiredMixin
from django.db import transaction
from django.http import HttpResponseBadRequest, JsonResponse
from django.views import View

from .models import LabResult, Patient

logger = logging.getLogger(__name__)

NS = {"lab": "urn:hospital:lab-results:v2"}
MAX_BODY_BYTES = 2 * 1024 * 1024


class LabResultImportView(PermissionRequiredMixin, View):
    permission_required = "labs.add_labresult"

    def post(self, request):
        payload = request.body
        if len(payload) > MAX_BODY_BYTES:
            return HttpResponseBadRequest("payload too large")
        try:
            entries = self._parse(payload)
        except (SafeET.ParseError, DefusedXmlException, ValueError):
            return HttpResponseBadRequest("malformed lab result document")

        created = self._store(entries)
        logger.info("lab import by user=%s created=%d", request.user.pk, created)
        return JsonResponse({"created": created})

    def _parse(self, payload):
        root = SafeET.fromstring(payload, forbid_dtd=True)
        entries = []
        for node in root.iterfind("lab:result", NS):
            mrn = node.findtext("lab:mrn", default="", namespaces=NS).strip()
            code = node.findtext("lab:loinc", default="", namespaces=NS).strip()
            raw_value = node.findtext("lab:value", default="", namespaces=NS)
            unit = node.findtext("lab:unit", default="", namespaces=NS).strip()
            try:
                value = Decimal(raw_value)
            except InvalidOperation as exc:
                raise ValueError("invalid numeric value") from exc
            entries.append({"mrn": mrn, "loinc": code, "value": value, "unit": unit})
        return entries

    @transaction.atomic
    def _store(self, entries):
        created = 0
        for entry in entries:
            patient = Patient.objects.filter(mrn=entry["mrn"]).first()
            if patient is None:
                continue
            LabResult.objects.create(
                patient=patient,
                loinc_code=entry["loinc"],
                value=entry["value"],
                unit=entry["unit"],
            )
            created += 1
        return created
