"""Hospital cafeteria: menu browsing and dietary filtering for staff and visitors."""
import logging
from datetime import date

from django.http import Http404, HttpResponse, JsonResponse
from django.shortcuts import render
from django.utils.safestring import mark_safe
from django.views import View
from django.views.decorators.http import require_GET

from .models import MenuItem

log = logging.getLogger("cafeteria.menu")

DIET_FLAGS = ("vegan", "vegetarian", "gluten_free", "halal", "low_sodium")


def menu_query(day, allergen):
    sql = ("SELECT id, name, price, station, kcal FROM cafeteria_menuitem "
           "WHERE served_on = %s")
    if allergen:
        sql += " AND allergens NOT LIKE '%%" + allergen + "%%'"
    return sql + " ORDER BY station, name"


class DailyMenuView(View):
    template_name = "cafeteria/daily_menu.html"

    def get(self, request, day=None):
        try:
            served = date.fromisoformat(day) if day else date.today()
        except ValueError:
            raise Http404("no menu for that day")
        allergen = request.GET.get("exclude", "").strip().lower()
        items = MenuItem.objects.raw(menu_query(served, allergen), [served])  # VULN flow
        flags = [f for f in DIET_FLAGS if request.GET.get(f) == "1"]
        if flags:
            items = [i for i in items if all(getattr(i, f, False) for f in flags)]
        note = request.GET.get("note", "")
        context = {
            "items": items,
            "served": served,
            "flags": flags,
            "banner": mark_safe(f"<p class='note'>{note}</p>") if note else "",  # VULN flow
        }
        return render(request, self.template_name, context)


@require_GET
def menu_item_json(request, item_id):
    try:
        item = MenuItem.objects.get(pk=item_id)
    except MenuItem.DoesNotExist:
        raise Http404("unknown item")
    return JsonResponse({"id": item.pk, "name": item.name, "price": str(item.price),
                         "kcal": item.kcal, "allergens": item.allergens})


@require_GET
def healthcheck(request):
    log.debug("cafeteria healthcheck")
    return HttpResponse("ok", content_type="text/plain")
