"""Stock search and reorder views for the pharmacy back-office (Django CBVs)."""
import logging

from django.contrib.auth.mixins import LoginRequiredMixin, PermissionRequiredMixin
from django.db.models import F
from django.http import JsonResponse
from django.shortcuts import get_object_or_404, render
from django.utils.safestring import mark_safe
from django.views import View

from inventory.models import ReorderRequest, StockItem

log = logging.getLogger("pharmacy.inventory")

LOW_STOCK_FLOOR = 5


class StockFilter:
    def __init__(self, params):
        self.manufacturer = params.get("manufacturer", "").strip()
        self.schedule = params.get("schedule", "").strip()
        self.low_only = params.get("low") == "1"

    def where_clauses(self):
        clauses = []
        if self.manufacturer:
            clauses.append("manufacturer_code = '%s'" % self.manufacturer)
        if self.schedule:
            clauses.append("controlled_schedule = '%s'" % self.schedule)
        return clauses


class StockSearchView(LoginRequiredMixin, View):
    template_name = "inventory/stock_search.html"

    def get(self, request):
        flt = StockFilter(request.GET)
        items = StockItem.objects.filter(active=True)
        clauses = flt.where_clauses()
        if clauses:
            items = items.extra(where=clauses)  # VULN flow
        if flt.low_only:
            items = items.filter(quantity__lte=F("reorder_level"))
        banner = mark_safe("<p>Showing stock for <strong>%s</strong></p>" % request.GET.get("manufacturer", "all manufacturers"))  # VULN
        log.info("stock search by user=%s manufacturer=%r", request.user.pk, flt.manufacturer)
        return render(
            request,
            self.template_name,
            {"items": items.order_by("name")[:200], "banner": banner, "floor": LOW_STOCK_FLOOR},
        )


class ReorderView(LoginRequiredMixin, PermissionRequiredMixin, View):
    permission_required = "inventory.add_reorderrequest"

    def post(self, request, item_id):
        item = get_object_or_404(StockItem, pk=item_id, active=True)
        try:
            quantity = int(request.POST.get("quantity", "0"))
        except ValueError:
            return JsonResponse({"error": "quantity must be a number"}, status=400)
        if quantity <= 0 or quantity > 10000:
            return JsonResponse({"error": "quantity out of range"}, status=400)
        reorder = ReorderRequest.objects.create(item=item, quantity=quantity, requested_by=request.user)
        log.info("reorder %s created for item=%s qty=%d", reorder.pk, item.pk, quantity)
        return JsonResponse({"reorder_id": reorder.pk, "status": reorder.status}, status=201)
