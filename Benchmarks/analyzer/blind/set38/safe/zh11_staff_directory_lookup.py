import os

import ldap
import ldap.filter
from pyramid.config import Configurator
from pyramid.httpexceptions import HTTPBadRequest
from pyramid.view import view_config

LDAP_URI = os.environ.get("DIRECTORY_URI", "ldaps://ldap.agency.internal")
BASE_DN = "ou=staff,dc=agency,dc=gov"
ATTRS = ["cn", "mail", "telephoneNumber", "departmentNumber"]


class Directory:
    def __init__(self, uri, bind_dn, password):
        self.uri = uri
        self.bind_dn = bind_dn
        self.password = password
        self.conn = None

    def __enter__(self):
        self.conn = ldap.initialize(self.uri)
        self.conn.set_option(ldap.OPT_REFERRALS, 0)
        self.conn.simple_bind_s(self.bind_dn, self.password)
        return self

    def __exit__(self, *exc):
        self.conn.unbind_s()
        return False

    def search(self, ldap_filter):
        results = self.conn.search_s(BASE_DN, ldap.SCOPE_SUBTREE, ldap_filter, ATTRS)
        for dn, attrs in results:
            entry = {key: [v.decode("utf-8") for v in values] for key, values in attrs.items()}
            entry["dn"] = dn
            yield entry


def staff_filter(surname, department=None):
    surname = ldap.filter.escape_filter_chars(surname)
    clause = f"(&(objectClass=inetOrgPerson)(!(employeeType=restricted))(sn={surname}*))"
    if department:
        department = ldap.filter.escape_filter_chars(department)
        clause = f"(&{clause}(departmentNumber={department}))"
    return clause


@view_config(route_name="staff_search", renderer="json", permission="view")
def staff_search(request):
    surname = request.params.get("surname", "").strip()
    if len(surname) < 2:
        raise HTTPBadRequest(json_body={"error": "surname must have at least 2 characters"})
    department = request.params.get("department")
    with Directory(LDAP_URI, os.environ["DIRECTORY_BIND_DN"], os.environ["DIRECTORY_BIND_PW"]) as directory:
        people = list(directory.search(staff_filter(surname, department)))
    return {"count": len(people), "people": people}


def main(global_config, **settings):
    with Configurator(settings=settings) as config:
        config.include("agency.security")
        config.add_route("staff_search", "/staff/search")
        config.scan()
        return config.make_wsgi_app()
