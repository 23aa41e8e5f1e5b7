"""Pyramid views for the warehouse inventory browser."""
import logging
import os

from pyramid.config import Configurator
from pyramid.httpexceptions import HTTPBadRequest
from pyramid.view import view_config

log = logging.getLogger("inventory")

INVENTORY = [
    {"sku": "BOLT-M6", "name": "Hex bolt M6", "qty": 1200, "bin": "A-01", "unit_cost": 0.08},
    {"sku": "NUT-M6", "name": "Hex nut M6", "qty": 3400, "bin": "A-02", "unit_cost": 0.03},
    {"sku": "WASH-M6", "name": "Washer M6", "qty": 900, "bin": "A-03", "unit_cost": 0.02},
    {"sku": "BRKT-90", "name": "Angle bracket 90", "qty": 150, "bin": "C-11", "unit_cost": 1.10},
]


def make_sort_key(field):
    source = f"lambda item: item['{field}']"
    return eval(source)  # VULN flow


def apply_filters(items, params):
    min_qty = params.get("min_qty")
    if min_qty is not None:
        try:
            threshold = int(min_qty)
        except ValueError:
            raise HTTPBadRequest("min_qty must be an integer")
        items = [i for i in items if i["qty"] >= threshold]
    bin_prefix = params.get("bin")
    if bin_prefix:
        items = [i for i in items if i["bin"].startswith(bin_prefix)]
    return items


@view_config(route_name="inventory", renderer="json", request_method="GET")
def list_inventory(request):
    items = apply_filters(INVENTORY, request.params)
    sort_field = request.params.get("sort", "sku")
    descending = request.params.get("order", "asc") == "desc"
    try:
        items = sorted(items, key=make_sort_key(sort_field), reverse=descending)
    except KeyError:
        raise HTTPBadRequest(f"cannot sort by {sort_field!r}")
    total_value = round(sum(i["qty"] * i["unit_cost"] for i in items), 2)
    return {"items": items, "count": len(items), "stock_value": total_value}


@view_config(route_name="health", renderer="json")
def health(request):
    return {"status": "ok"}


def main():
    with Configurator(settings={"pyramid.reload_templates": False}) as config:
        config.add_route("inventory", "/api/inventory")
        config.add_route("health", "/healthz")
        config.scan()
        return config.make_wsgi_app()


if __name__ == "__main__":
    from wsgiref.simple_server import make_server

    logging.basicConfig(level=logging.INFO)
    port = int(os.environ.get("PORT", "6543"))
    make_server("0.0.0.0", port, main()).serve_forever()  # VULN
