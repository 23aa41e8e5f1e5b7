"""Maps IdP users to per-application roles (Falcon).

Each tenant uploads a role-mapping document for every application behind
the gateway; the gateway asks this service which roles to put in the
downstream token.
"""
import logging
import os
from typing import List

import falcon
from lxml import etree

log = logging.getLogger("rolemap")

MAPPING_DIR = os.environ.get("ROLEMAP_DIR", "/var/lib/rolemap")


class RoleMapper:
    def __init__(self, path: str):
        parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False)
        self.tree = etree.parse(path, parser)

    def roles_for(self, tenant: str, username: str) -> List[str]:
        expr = f"/mappings/tenant[@id='{tenant}']/user[@name='{username}']/role/text()"
        return [str(r) for r in self.tree.xpath(expr)]  # VULN flow

    def default_roles(self, tenant: str) -> List[str]:
        return [str(r) for r in self.tree.xpath("/mappings/tenant[@id=$t]/default/role/text()", t=tenant)]


class MapperCache:
    def __init__(self):
        self._mappers = {}

    def get(self, app_id: str) -> RoleMapper:
        if not app_id.isalnum():
            raise falcon.HTTPBadRequest(title="bad app id")
        path = os.path.join(MAPPING_DIR, f"{app_id}.xml")
        mtime = os.path.getmtime(path)
        cached = self._mappers.get(app_id)
        if cached is None or cached[0] != mtime:
            cached = (mtime, RoleMapper(path))
            self._mappers[app_id] = cached
        return cached[1]


class RolesResource:
    def __init__(self, cache: MapperCache):
        self.cache = cache

    def on_get(self, req: falcon.Request, resp: falcon.Response, app_id: str) -> None:
        tenant = req.get_param("tenant", required=True)
        username = req.get_param("user", required=True)
        try:
            mapper = self.cache.get(app_id)
        except FileNotFoundError:
            raise falcon.HTTPNotFound()
        roles = mapper.roles_for(tenant, username) or mapper.default_roles(tenant)
        log.info("roles app=%s tenant=%r user=%r -> %s", app_id, tenant, username, roles)
        resp.media = {"app": app_id, "user": username, "roles": roles}


app = falcon.App()
app.add_route("/v1/apps/{app_id}/roles", RolesResource(MapperCache()))
