import hashlib
import hmac
import os

from lxml import etree
from pyramid.config import Configurator
from pyramid.httpexceptions import HTTPForbidden, HTTPNotFound
from pyramid.view import view_config

USERS_XML = os.environ.get("PORTAL_USERS_XML", "/etc/portal/users.xml")


class UserDirectory:
    def __init__(self, path):
        self.tree = etree.parse(path)

    def find(self, username):
        return self.tree.xpath("//user[@name=$name]", name=username)


DIRECTORY = UserDirectory(USERS_XML)


def _public(node):
    return {
        "name": node.get("name"),
        "display": node.findtext("display"),
        "team": node.findtext("team"),
        "role": node.get("role", "viewer"),
    }


def _pin_ok(node, pin):
    salt = bytes.fromhex(node.get("pin_salt", ""))
    expected = bytes.fromhex(node.get("pin_hash", ""))
    actual = hashlib.pbkdf2_hmac("sha256", pin.encode(), salt, 200_000)
    return bool(expected) and hmac.compare_digest(actual, expected)


@view_config(route_name="user_profile", request_method="GET", renderer="json")
def user_profile(request):
    nodes = DIRECTORY.find(request.matchdict["name"])
    if not nodes:
        raise HTTPNotFound()
    return _public(nodes[0])


@view_config(route_name="kiosk_login", request_method="POST", renderer="json")
def kiosk_login(request):
    nodes = DIRECTORY.find(request.POST.get("username", ""))
    if not nodes or not _pin_ok(nodes[0], request.POST.get("pin", "")):
        raise HTTPForbidden()
    request.session["user"] = nodes[0].get("name")
    return {"ok": True, "user": _public(nodes[0])}


def main(global_config, **settings):
    with Configurator(settings=settings) as config:
        config.include("pyramid_beaker")
        config.add_route("user_profile", "/users/{name}")
        config.add_route("kiosk_login", "/kiosk/login")
        config.scan()
        return config.make_wsgi_app()
