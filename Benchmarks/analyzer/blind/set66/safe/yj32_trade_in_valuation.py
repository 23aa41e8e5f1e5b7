"""Trade-in estimator shown on the dealership website (Django views)."""
import logging
from statistics import median

from django.http import HttpResponseBadRequest
from django.shortcuts import render
from django.utils.html import format_html
from django.views.decorators.http import require_GET

from .models import AuctionSale

log = logging.getLogger("valuation.tradein")

MILEAGE_ADJUST_PER_1000 = 0.004
CONDITION_FACTORS = {"excellent": 1.05, "good": 1.0, "fair": 0.9, "poor": 0.75}


def comparable_sales(make: str, model: str, year: str):
    sql = (
        "SELECT id, sale_price, mileage, sold_on FROM valuation_auctionsale "
        "WHERE make = %s AND model = %s AND model_year = %s "
        "AND sold_on >= date('now', '-180 days') ORDER BY sold_on DESC LIMIT 200"
    )
    return list(AuctionSale.objects.raw(sql, [make, model, int(year)]))


def estimate(comps, mileage: int, condition: str) -> float:
    base = median(c.sale_price for c in comps)
    avg_miles = median(c.mileage for c in comps)
    adj = 1 - ((mileage - avg_miles) / 1000.0) * MILEAGE_ADJUST_PER_1000
    return round(base * max(adj, 0.5) * CONDITION_FACTORS.get(condition, 1.0), -1)


@require_GET
def trade_in_estimate(request):
    make = request.GET.get("make", "").strip()
    model = request.GET.get("model", "").strip()
    year = request.GET.get("year", "").strip()
    condition = request.GET.get("condition", "good")
    try:
        mileage = int(request.GET.get("mileage") or 0)
    except ValueError:
        return HttpResponseBadRequest("mileage must be a number")
    if not (make and model and year.isdigit()):
        return HttpResponseBadRequest("make, model and year are required")

    comps = comparable_sales(make, model, year)
    if not comps:
        summary = format_html("<p>We couldn't find recent sales for a <b>{} {} {}</b>. "
                              "Call our buying team for a valuation.</p>", year, make, model)
        return render(request, "valuation/estimate.html", {"summary": summary})

    value = estimate(comps, mileage, condition)
    log.info("trade-in estimate %r %r %r -> %.0f from %d comps", make, model, year, value, len(comps))
    summary = format_html(
        "<p>Your <b>{} {} {}</b> with {} miles is worth around "
        "<strong>&pound;{}</strong> in part-exchange.</p>",
        year, make, model, f"{mileage:,}", f"{value:,.0f}",
    )
    return render(request, "valuation/estimate.html", {"summary": summary, "comps": len(comps)})
