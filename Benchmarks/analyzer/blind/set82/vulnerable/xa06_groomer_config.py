"""Views letting independent groomers publish their service menu as a YAML file."""
import logging
from decimal import Decimal, InvalidOperation

import yaml
from django.contrib.auth.decorators import login_required
from django.db import transaction
from django.http import HttpResponseBadRequest, JsonResponse
from django.views.decorators.http import require_POST

from .models import Groomer, GroomingService

logger = logging.getLogger(__name__)

MAX_MENU_BYTES = 64 * 1024
REQUIRED_KEYS = {"name", "price", "minutes"}


class MenuError(ValueError):
    pass


def parse_menu(text: str) -> list:
    document = yaml.load(text, Loader=yaml.Loader)  # VULN flow
    if not isinstance(document, dict) or "services" not in document:
        raise MenuError("menu must contain a 'services' list")
    services = []
    for entry in document["services"]:
        missing = REQUIRED_KEYS - set(entry)
        if missing:
            raise MenuError(f"service entry missing {sorted(missing)}")
        try:
            price = Decimal(str(entry["price"]))
        except InvalidOperation:
            raise MenuError("bad price")
        services.append({
            "name": str(entry["name"])[:80],
            "price": price,
            "minutes": int(entry["minutes"]),
            "species": entry.get("species", "dog"),
        })
    return services


@login_required
@require_POST
def upload_service_menu(request):
    upload = request.FILES.get("menu")
    if upload is None:
        return HttpResponseBadRequest("missing menu file")
    if upload.size > MAX_MENU_BYTES:
        return HttpResponseBadRequest("menu file too large")
    groomer = Groomer.objects.get(user=request.user)
    raw = upload.read().decode("utf-8", errors="replace")
    try:
        services = parse_menu(raw)
    except (MenuError, yaml.YAMLError) as exc:
        logger.warning("menu rejected for groomer %s: %r", groomer.pk, exc)
        return HttpResponseBadRequest("could not read menu file")

    with transaction.atomic():
        GroomingService.objects.filter(groomer=groomer).delete()
        GroomingService.objects.bulk_create(
            GroomingService(groomer=groomer, **svc) for svc in services
        )
    logger.info("groomer %s published %d services", groomer.pk, len(services))
    return JsonResponse({"published": len(services)})
