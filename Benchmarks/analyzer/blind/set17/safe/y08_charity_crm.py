"""Volunteer directory lookups for the charity CRM (Pyramid views)."""
import logging
import os

from ldap3 import ALL, Connection, Server
from ldap3.utils.conv import escape_filter_chars
from pyramid.httpexceptions import HTTPBadRequest, HTTPNotFound
from pyramid.view import view_config

log = logging.getLogger("crm.volunteers")

LDAP_URL = os.environ.get("CRM_LDAP_URL", "ldaps://directory.helpinghands.internal")
LDAP_BIND_DN = "cn=crm-service,ou=services,dc=helpinghands,dc=org"
LDAP_BIND_PASSWORD = os.environ["CRM_LDAP_BIND_PASSWORD"]
VOLUNTEER_BASE = "ou=volunteers,dc=helpinghands,dc=org"
ATTRIBUTES = ["cn", "mail", "telephoneNumber", "ou", "description"]


class VolunteerDirectory:
    def __init__(self, url, bind_dn, password, base_dn):
        self.server = Server(url, get_info=ALL, connect_timeout=5)
        self.bind_dn = bind_dn
        self.password = password
        self.base_dn = base_dn

    def _connect(self):
        return Connection(self.server, self.bind_dn, self.password, auto_bind=True, receive_timeout=10)

    def find(self, email=None, region=None):
        parts = ["(objectClass=inetOrgPerson)"]
        if email:
            parts.append("(mail=%s)" % escape_filter_chars(email))
        if region:
            parts.append("(ou=%s)" % escape_filter_chars(region))
        search_filter = "(&" + "".join(parts) + ")"
        with self._connect() as conn:
            conn.search(self.base_dn, search_filter, attributes=ATTRIBUTES, size_limit=50)
            return [self._to_dict(entry) for entry in conn.entries]

    @staticmethod
    def _to_dict(entry):
        return {
            "name": str(entry.cn),
            "email": str(entry.mail),
            "phone": str(entry.telephoneNumber) if entry.telephoneNumber else None,
            "region": str(entry.ou),
        }


def get_directory(request):
    directory = getattr(request.registry, "volunteer_directory", None)
    if directory is None:
        directory = VolunteerDirectory(LDAP_URL, LDAP_BIND_DN, LDAP_BIND_PASSWORD, VOLUNTEER_BASE)
        request.registry.volunteer_directory = directory
    return directory


@view_config(route_name="volunteer_search", renderer="json", permission="view_volunteers")
def volunteer_search(request):
    email = request.params.get("email", "").strip()
    region = request.params.get("region", "").strip()
    if not email and not region:
        raise HTTPBadRequest("email or region required")
    log.info("volunteer search email=%r region=%r", email, region)
    results = get_directory(request).find(email=email, region=region)
    if not results:
        raise HTTPNotFound()
    return {"count": len(results), "volunteers": results}


def includeme(config):
    config.add_route("volunteer_search", "/api/volunteers/search")
    config.scan(__name__)
