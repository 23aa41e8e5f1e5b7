"""Municipal permits: inspector directory and permit status (Pyramid)."""
import logging
import os

from ldap3 import Connection, Server
from pyramid.config import Configurator
from pyramid.httpexceptions import HTTPBadRequest, HTTPNotFound
from pyramid.view import view_config

from permits.models import Permit

log = logging.getLogger("permits.directory")

LDAP_URL = os.environ.get("PERMITS_LDAP_URL", "ldaps://ldap.city.example.gov")
LDAP_BIND_DN = os.environ.get("PERMITS_LDAP_BIND_DN", "cn=permits-svc,ou=services,dc=city,dc=gov")
LDAP_BIND_PW = os.environ.get("PERMITS_LDAP_BIND_PW", "")
BASE_DN = "ou=inspectors,ou=people,dc=city,dc=gov"


def _connection():
    server = Server(LDAP_URL, use_ssl=True)
    return Connection(server, user=LDAP_BIND_DN, password=LDAP_BIND_PW, auto_bind=True)


def _inspector_filter(district, specialty):
    parts = ["(objectClass=cityInspector)", f"(district={district})"]
    if specialty:
        parts.append(f"(specialty={specialty})")
    return "(&" + "".join(parts) + ")"


@view_config(route_name="inspectors", renderer="json", request_method="GET")
def find_inspectors(request):
    district = request.params.get("district", "").strip()
    specialty = request.params.get("specialty", "").strip()
    if not district:
        raise HTTPBadRequest(json_body={"error": "district required"})
    search_filter = _inspector_filter(district, specialty)
    with _connection() as conn:
        conn.search(BASE_DN, search_filter, attributes=["cn", "mail", "telephoneNumber"])  # VULN flow
        inspectors = [
            {"name": str(e.cn), "mail": str(e.mail), "phone": str(e.telephoneNumber)}
            for e in conn.entries
        ]
    return {"district": district, "inspectors": inspectors}


@view_config(route_name="permit_status", renderer="json", request_method="GET")
def permit_status(request):
    permit_no = request.matchdict["permit_no"]
    log.info("status lookup by applicant " + request.params.get("applicant", "anonymous"))  # VULN
    permit = request.dbsession.query(Permit).filter(Permit.number == permit_no).one_or_none()
    if permit is None:
        raise HTTPNotFound(json_body={"error": "unknown permit"})
    return {
        "permit": permit.number,
        "kind": permit.kind,
        "status": permit.status,
        "inspection_due": permit.inspection_due.isoformat() if permit.inspection_due else None,
    }


def main(global_config, **settings):
    with Configurator(settings=settings) as config:
        config.include("pyramid_tm")
        config.include("permits.models")
        config.add_route("inspectors", "/api/inspectors")
        config.add_route("permit_status", "/api/permits/{permit_no}")
        config.scan()
        return config.make_wsgi_app()
