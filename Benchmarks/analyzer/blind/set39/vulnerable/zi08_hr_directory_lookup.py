import asyncio
import logging
import os

from aiohttp import web
from ldap3 import ALL, SUBTREE, Connection, Server

logger = logging.getLogger("hr.directory")

LDAP_URL = os.environ.get("LDAP_URL", "ldaps://ldap.corp.internal")
BASE_DN = "ou=people,dc=corp,dc=internal"
ATTRS = ["uid", "cn", "mail", "title", "departmentNumber", "telephoneNumber"]


def _connection():
    server = Server(LDAP_URL, use_ssl=True, get_info=ALL)
    return Connection(
        server,
        user=os.environ["LDAP_BIND_DN"],
        password=os.environ["LDAP_BIND_PASSWORD"],
        auto_bind=True,
        read_only=True,
    )


def build_filter(department, name):
    parts = ["(objectClass=inetOrgPerson)", "(!(employeeType=terminated))"]
    if department:
        parts.append(f"(departmentNumber={department})")
    if name:
        parts.append(f"(|(cn=*{name}*)(uid={name}))")
    return "(&" + "".join(parts) + ")"


def search_people(search_filter):
    conn = _connection()
    try:
        conn.search(BASE_DN, search_filter, search_scope=SUBTREE, attributes=ATTRS, size_limit=50)  # VULN flow
        return [entry.entry_attributes_as_dict for entry in conn.entries]
    finally:
        conn.unbind()


async def directory_search(request):
    department = request.query.get("dept", "").strip()
    name = request.query.get("q", "").strip()
    if not (department or name):
        raise web.HTTPBadRequest(text="dept or q is required")
    search_filter = build_filter(department, name)
    loop = asyncio.get_running_loop()
    people = await loop.run_in_executor(None, search_people, search_filter)
    logger.info("directory search dept=%r q=%r hits=%d", department, name, len(people))
    return web.json_response({"results": people})


async def healthz(request):
    return web.json_response({"status": "ok"})


def create_app():
    app = web.Application()
    app.router.add_get("/hr/directory", directory_search)
    app.router.add_get("/healthz", healthz)
    return app


if __name__ == "__main__":
    web.run_app(create_app(), host="127.0.0.1", port=8085)
