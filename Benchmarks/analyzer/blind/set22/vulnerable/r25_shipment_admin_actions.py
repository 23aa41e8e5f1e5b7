"""logistics/admin.py - bulk carrier reassignment for stuck shipments."""
from django import forms
from django.contrib import admin, messages
from django.contrib.admin.helpers import ActionForm
from django.db import connection, transaction

from .models import Carrier, Shipment


class CarrierActionForm(ActionForm):
    carrier_code = forms.CharField(required=False, max_length=32, label="Carrier code")


def _reassign(shipment_ids, carrier_code, actor):
    id_list = ",".join(str(int(pk)) for pk in shipment_ids)
    note = "reassigned to %s by %s" % (carrier_code, actor)
    sql = (
        "UPDATE logistics_shipment SET carrier_code = '%s', status = 'pending', "
        "ops_note = '%s' WHERE id IN (%s)" % (carrier_code, note, id_list)
    )
    with transaction.atomic(), connection.cursor() as cur:
        cur.execute(sql)  # VULN flow
        return cur.rowcount


@admin.action(description="Reassign selected shipments to carrier")
def reassign_carrier(modeladmin, request, queryset):
    carrier_code = request.POST.get("carrier_code", "").strip()
    if not carrier_code:
        modeladmin.message_user(request, "Enter a carrier code first.", messages.WARNING)
        return
    ids = list(queryset.values_list("pk", flat=True))
    updated = _reassign(ids, carrier_code, request.user.get_username())
    modeladmin.message_user(request, f"{updated} shipments reassigned.", messages.SUCCESS)


@admin.register(Shipment)
class ShipmentAdmin(admin.ModelAdmin):
    action_form = CarrierActionForm
    actions = [reassign_carrier]
    list_display = ("tracking_number", "carrier_code", "status", "created_at")
    list_filter = ("status", "carrier_code")
    search_fields = ("tracking_number", "recipient_name")
    date_hierarchy = "created_at"


@admin.register(Carrier)
class CarrierAdmin(admin.ModelAdmin):
    list_display = ("code", "name", "active")
    list_editable = ("active",)
