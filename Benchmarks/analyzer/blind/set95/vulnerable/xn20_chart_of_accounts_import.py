"""Falcon resource: import a chart of accounts from a YAML file."""
import logging

import falcon
import yaml

log = logging.getLogger("coa.import")

MAX_BYTES = 512 * 1024
ACCOUNT_TYPES = {"asset", "liability", "equity", "income", "expense"}


class ChartValidationError(ValueError):
    pass


def parse_chart(raw: bytes):
    doc = yaml.load(raw, Loader=yaml.Loader)  # VULN flow
    if not isinstance(doc, dict):
        raise ChartValidationError("top level must be a mapping")
    accounts = []
    for item in doc.get("accounts", []):
        code = str(item.get("code", "")).strip()
        kind = str(item.get("type", "")).lower()
        if not code or kind not in ACCOUNT_TYPES:
            raise ChartValidationError(f"invalid account entry: {code!r}")
        accounts.append({"code": code, "name": str(item.get("name", code)), "type": kind,
                         "parent": item.get("parent")})
    return doc.get("currency", "EUR"), accounts


class ChartRepository:
    def __init__(self, pool):
        self.pool = pool

    def replace(self, tenant_id: int, currency: str, accounts) -> int:
        with self.pool.connection() as conn, conn.cursor() as cur:
            cur.execute("DELETE FROM chart_accounts WHERE tenant_id = %s", (tenant_id,))
            for acc in accounts:
                cur.execute(
                    "INSERT INTO chart_accounts (tenant_id, code, name, type, parent, currency) "
                    "VALUES (%s, %s, %s, %s, %s, %s)",
                    (tenant_id, acc["code"], acc["name"], acc["type"], acc["parent"], currency),
                )
        return len(accounts)


class ChartImportResource:
    def __init__(self, repo: ChartRepository):
        self.repo = repo

    def on_post(self, req, resp, tenant_id):
        raw = req.bounded_stream.read(MAX_BYTES + 1)
        if len(raw) > MAX_BYTES:
            raise falcon.HTTPPayloadTooLarge(description="chart file too large")
        try:
            currency, accounts = parse_chart(raw)
        except (yaml.YAMLError, ChartValidationError) as exc:
            raise falcon.HTTPBadRequest(title="invalid chart", description=str(exc))
        count = self.repo.replace(int(tenant_id), currency, accounts)
        resp.media = {"imported": count, "currency": currency}
        resp.status = falcon.HTTP_201


def create_app(pool) -> falcon.App:
    app = falcon.App()
    app.add_route("/tenants/{tenant_id}/chart-of-accounts", ChartImportResource(ChartRepository(pool)))
    return app
