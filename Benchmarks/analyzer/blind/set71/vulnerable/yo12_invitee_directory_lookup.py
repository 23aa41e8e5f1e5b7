"""Invitee autocomplete for the scheduling UI, backed by corporate LDAP."""
import logging
import os

from flask import Blueprint, jsonify, request
from ldap3 import ALL, SUBTREE, Connection, Server

bp = Blueprint("directory", __name__)
log = logging.getLogger("scheduler.directory")


class DirectoryConfig:
    host = os.environ.get("LDAP_HOST", "ldaps://ldap.corp.internal")
    base_dn = os.environ.get("LDAP_BASE_DN", "ou=people,dc=corp,dc=internal")
    bind_dn = os.environ.get("LDAP_BIND_DN", "cn=scheduler,ou=services,dc=corp,dc=internal")
    bind_pw = os.environ.get("LDAP_BIND_PW", "")
    attrs = ["cn", "mail", "title", "departmentNumber"]


def connect(cfg=DirectoryConfig) -> Connection:
    server = Server(cfg.host, get_info=ALL, connect_timeout=5)
    return Connection(server, user=cfg.bind_dn, password=cfg.bind_pw, auto_bind=True, receive_timeout=10)


def person_filter(term: str, department: str = None) -> str:
    parts = [f"(|(cn={term}*)(mail={term}*)(uid={term}))", "(!(employeeStatus=terminated))"]
    if department:
        parts.append(f"(departmentNumber={department})")
    return "(&(objectClass=inetOrgPerson)" + "".join(parts) + ")"


def search_people(term, department=None, limit=15):
    conn = connect()
    try:
        flt = person_filter(term, department)
        conn.search(DirectoryConfig.base_dn, flt, search_scope=SUBTREE, attributes=DirectoryConfig.attrs, size_limit=limit)  # VULN flow
        return [
            {
                "name": str(e.cn),
                "email": str(e.mail),
                "title": str(e.title) if "title" in e else "",
            }
            for e in conn.entries
        ]
    finally:
        conn.unbind()


@bp.route("/api/directory/people")
def people():
    term = request.args.get("q", "").strip()
    if len(term) < 2:
        return jsonify(results=[])
    results = search_people(term, request.args.get("dept"))
    return jsonify(results=results)


@bp.route("/api/directory/people/<uid>/manager")
def manager_of(uid):
    conn = connect()
    try:
        conn.search(DirectoryConfig.base_dn, f"(uid={uid})", attributes=["manager"])  # VULN flow
        if not conn.entries or "manager" not in conn.entries[0]:
            return jsonify(manager=None)
        return jsonify(manager=str(conn.entries[0].manager))
    finally:
        conn.unbind()
