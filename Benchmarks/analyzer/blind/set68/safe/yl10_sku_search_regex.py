"""Back-office SKU search API (Falcon).

Merchandisers can search the catalogue with a text fragment, e.g. ``BEV-04``.
"""
import logging
import re
from typing import Dict, List

import falcon

log = logging.getLogger("catalog.search")

MAX_RESULTS = 200
MAX_QUERY_LEN = 64


class SkuCatalog:
    def __init__(self, products: List[Dict[str, str]]) -> None:
        self._products = products

    def products(self) -> List[Dict[str, str]]:
        return list(self._products)


class SkuSearchResource:
    searchable_fields = ("sku", "name", "brand")

    def __init__(self, catalog: SkuCatalog) -> None:
        self.catalog = catalog

    def _matcher(self, pattern: str, ignore_case: bool):
        flags = re.IGNORECASE if ignore_case else 0
        return re.compile(re.escape(pattern[:MAX_QUERY_LEN]), flags)

    def on_get(self, req: falcon.Request, resp: falcon.Response) -> None:
        pattern = req.get_param("q", required=True)
        field = req.get_param("field") or "sku"
        if field not in self.searchable_fields:
            raise falcon.HTTPBadRequest(title="bad field", description=f"field must be one of {self.searchable_fields}")
        try:
            rx = self._matcher(pattern, req.get_param_as_bool("i") or False)
        except re.error as exc:
            raise falcon.HTTPBadRequest(title="bad pattern", description=str(exc))

        hits = []
        for product in self.catalog.products():
            if rx.search(product.get(field, "")):
                hits.append(product)
                if len(hits) >= MAX_RESULTS:
                    break
        log.info("sku search on %s returned %d hits", field, len(hits))
        resp.media = {"count": len(hits), "results": hits}


def create_app(products: List[Dict[str, str]]) -> falcon.App:
    app = falcon.App()
    app.add_route("/catalog/search", SkuSearchResource(SkuCatalog(products)))
    return app


app = create_app([
    {"sku": "BEV-0101", "name": "Sparkling Water 1L", "brand": "Clearwell"},
    {"sku": "BEV-0412", "name": "Cold Brew Coffee", "brand": "Northbean"},
    {"sku": "SNK-2210", "name": "Sea Salt Crisps", "brand": "Harbor"},
])
