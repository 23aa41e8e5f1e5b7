"""Import contacts exported from the legacy CRM (XML format)."""
import logging
import threading

from flask import Flask, jsonify, request
from lxml import etree

app = Flask(__name__)
log = logging.getLogger("crm.xmlimport")

PARSER = etree.XMLParser(resolve_entities=False, load_dtd=False, no_network=True)

FIELD_MAP = {
    "FirstName": "first_name",
    "LastName": "last_name",
    "EMail": "email",
    "Phone": "phone",
    "Company": "company",
    "Notes": "notes",
}


def parse_contacts(payload: bytes):
    root = etree.fromstring(payload, PARSER)
    contacts = []
    for node in root.iter("Contact"):
        rec = {}
        for child in node:
            key = FIELD_MAP.get(child.tag)
            if key:
                rec[key] = (child.text or "").strip()
        if rec.get("email"):
            contacts.append(rec)
    return contacts


class ContactStore:
    def __init__(self):
        self._lock = threading.Lock()
        self._by_email = {}

    def upsert_many(self, records):
        created = updated = 0
        with self._lock:
            for rec in records:
                key = rec["email"].lower()
                if key in self._by_email:
                    self._by_email[key].update(rec)
                    updated += 1
                else:
                    self._by_email[key] = dict(rec)
                    created += 1
        return created, updated


store = ContactStore()


@app.post("/import/contacts")
def import_contacts():
    payload = request.get_data()
    if not payload:
        return jsonify({"error": "empty body"}), 400
    try:
        contacts = parse_contacts(payload)
    except etree.XMLSyntaxError as exc:
        log.info("bad legacy export: %r", exc)
        return jsonify({"error": "malformed XML"}), 400
    created, updated = store.upsert_many(contacts)
    log.info("legacy import: %d created, %d updated", created, updated)
    return jsonify({"created": created, "updated": updated, "preview": contacts[:5]})
