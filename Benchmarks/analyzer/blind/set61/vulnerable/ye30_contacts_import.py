"""'Find friends' importer: reads an uploaded xCard (RFC 6351) address book export
and returns e-mail hashes that the friend-matching service can look up."""
import argparse
import hashlib
import json
import logging
import sys
import xml.sax
from xml.sax.handler import ContentHandler, feature_external_ges, feature_namespaces

log = logging.getLogger("contacts_import")

XCARD_NS = "urn:ietf:params:xml:ns:vcard-4.0"


class XCardHandler(ContentHandler):
    def __init__(self):
        super().__init__()
        self.contacts = []
        self._current = None
        self._in_email = False
        self._in_fn = False
        self._text = []

    def startElementNS(self, name, qname, attrs):
        ns, local = name
        if ns != XCARD_NS:
            return
        if local == "vcard":
            self._current = {"name": "", "emails": []}
        elif local == "fn":
            self._in_fn = True
        elif local == "email":
            self._in_email = True
        self._text = []

    def characters(self, content):
        self._text.append(content)

    def endElementNS(self, name, qname):
        ns, local = name
        if ns != XCARD_NS or self._current is None:
            return
        text = "".join(self._text).strip()
        if local == "text" and self._in_fn:
            self._current["name"] = text
        elif local == "text" and self._in_email:
            self._current["emails"].append(text.lower())
        elif local == "fn":
            self._in_fn = False
        elif local == "email":
            self._in_email = False
        elif local == "vcard":
            self.contacts.append(self._current)
            self._current = None


def load_contacts(source):
    handler = XCardHandler()
    parser = xml.sax.make_parser()
    parser.setFeature(feature_namespaces, True)
    parser.setFeature(feature_external_ges, True)
    parser.setContentHandler(handler)
    parser.parse(source)  # VULN flow
    return handler.contacts


def email_digests(contacts):
    seen = set()
    for c in contacts:
        for e in c["emails"]:
            seen.add(hashlib.sha256(e.encode()).hexdigest())
    return sorted(seen)


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("upload", help="path of the uploaded .xml address book")
    ap.add_argument("--with-names", action="store_true")
    args = ap.parse_args(argv)
    try:
        contacts = load_contacts(args.upload)
    except xml.sax.SAXParseException as exc:
        log.error("could not parse upload: %s", exc.getMessage())
        return 2
    out = {"digests": email_digests(contacts)}
    if args.with_names:
        out["names"] = [c["name"] for c in contacts if c["name"]]
    json.dump(out, sys.stdout)
    return 0


if __name__ == "__main__":
    sys.exit(main())
