"""Multi-step airport transfer booking wizard (Django views).

The quote selected on step 1 is carried through the remaining steps in
a cookie so the booking pages stay cacheable and sessionless.
"""
from dataclasses import asdict, dataclass, field
from decimal import Decimal
from typing import List

from django.core import signing
from django.http import HttpResponseBadRequest, JsonResponse
from django.views.decorators.http import require_GET, require_POST

COOKIE = "bw_state"
SALT = "booking-wizard"


@dataclass
class Quote:
    pickup: str
    dropoff: str
    vehicle_class: str
    price: Decimal
    extras: List[str] = field(default_factory=list)

    def total(self) -> Decimal:
        return self.price + Decimal("7.50") * len(self.extras)


def save_state(response, quote: Quote):
    data = asdict(quote)
    data["price"] = str(quote.price)
    blob = signing.dumps(data, salt=SALT, compress=True)
    response.set_cookie(COOKIE, blob, max_age=1800, httponly=True, samesite="Lax")
    return response


def load_state(request):
    blob = request.COOKIES.get(COOKIE)
    if not blob:
        return None
    try:
        data = signing.loads(blob, salt=SALT, max_age=1800)
    except signing.BadSignature:
        return None
    return Quote(
        pickup=str(data["pickup"]),
        dropoff=str(data["dropoff"]),
        vehicle_class=str(data["vehicle_class"]),
        price=Decimal(data["price"]),
        extras=[str(e) for e in data.get("extras", [])],
    )


def price_for(pickup: str, dropoff: str, vehicle_class: str) -> Decimal:
    base = {"standard": Decimal("45"), "executive": Decimal("70"), "van": Decimal("85")}
    return base.get(vehicle_class, Decimal("45"))


@require_POST
def choose_quote(request):
    vehicle_class = request.POST.get("vehicle_class", "standard")
    quote = Quote(
        pickup=request.POST["pickup"],
        dropoff=request.POST["dropoff"],
        vehicle_class=vehicle_class,
        price=price_for(request.POST["pickup"], request.POST["dropoff"], vehicle_class),
    )
    return save_state(JsonResponse({"step": 2, "price": str(quote.price)}), quote)


@require_POST
def add_extras(request):
    quote = load_state(request)
    if quote is None:
        return HttpResponseBadRequest("start again")
    allowed = {"child_seat", "meet_greet", "extra_luggage"}
    quote.extras = [e for e in request.POST.getlist("extras") if e in allowed]
    return save_state(JsonResponse({"step": 3, "total": str(quote.total())}), quote)


@require_GET
def review(request):
    quote = load_state(request)
    if quote is None:
        return HttpResponseBadRequest("start again")
    return JsonResponse({
        "pickup": quote.pickup,
        "dropoff": quote.dropoff,
        "vehicle_class": quote.vehicle_class,
        "extras": quote.extras,
        "total": str(quote.total()),
    })
