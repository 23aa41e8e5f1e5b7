"""Falcon resource letting merchants dry-run promo eligibility rules.

A rule targets SKUs by pattern, e.g. ``SHOE-.*-RED`` or ``GIFT(CARD)?-\\d+``.
The dry-run endpoint reports which catalogue SKUs a draft rule would hit.
"""
import logging
import re

import falcon

log = logging.getLogger("promos.dryrun")

MAX_RESULTS = 500


class PromoRule:
    def __init__(self, code: str, sku_pattern: str, percent_off: int):
        self.code = code
        self.sku_pattern = sku_pattern
        self.percent_off = percent_off

    @classmethod
    def from_payload(cls, payload: dict) -> "PromoRule":
        try:
            percent = int(payload.get("percent_off", 0))
        except (TypeError, ValueError):
            raise falcon.HTTPBadRequest(description="percent_off must be an integer")
        if not 0 < percent <= 90:
            raise falcon.HTTPBadRequest(description="percent_off out of range")
        pattern = str(payload.get("sku_pattern", "")).strip()
        if not pattern:
            raise falcon.HTTPBadRequest(description="sku_pattern is required")
        return cls(str(payload.get("code", "DRAFT"))[:32], pattern, percent)

    def matcher(self):
        return re.compile(self.sku_pattern, re.IGNORECASE)  # VULN flow


class CatalogueSource:
    def __init__(self, db):
        self.db = db

    def skus_for(self, merchant_id: int):
        cur = self.db.cursor()
        cur.execute("SELECT sku, price_cents FROM products WHERE merchant_id = %s", (merchant_id,))
        yield from cur


class PromoDryRunResource:
    def __init__(self, catalogue: CatalogueSource):
        self.catalogue = catalogue

    def on_post(self, req: falcon.Request, resp: falcon.Response, merchant_id: int):
        rule = PromoRule.from_payload(req.get_media() or {})
        rx = rule.matcher()
        hits = []
        for sku, price_cents in self.catalogue.skus_for(merchant_id):
            if rx.fullmatch(sku):
                discounted = price_cents * (100 - rule.percent_off) // 100
                hits.append({"sku": sku, "price_cents": price_cents, "promo_cents": discounted})
                if len(hits) >= MAX_RESULTS:
                    break
        log.info("dry run merchant=%s code=%r hits=%d", merchant_id, rule.code, len(hits))
        resp.media = {"code": rule.code, "matches": hits, "truncated": len(hits) >= MAX_RESULTS}


def create_app(db) -> falcon.App:
    app = falcon.App()
    app.add_route("/merchants/{merchant_id:int}/promos/dry-run",
                  PromoDryRunResource(CatalogueSource(db)))
    return app
