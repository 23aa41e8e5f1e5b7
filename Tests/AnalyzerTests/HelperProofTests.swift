@testable import Analyzer
import PythonSyntax
import Testing

/// Instances made by factories and handed to constructors, helpers' checks, pinned digests,
/// inherited methods and partial SSRF through helpers (stop 24: each case taken from a kind of
/// code a blind corpus showed misjudged). Each test also changes the one thing that makes the
/// difference and checks the finding comes (or goes).
@Suite("Data flow: factories, passed instances, helper checks, pinned digests, inherited methods")
struct HelperProofTests: FindsFlows {
    /// A module-level instance made by the class's own factory (`ClauseIndex.from_file(path)`)
    /// runs that class's methods; one made by an unknown function does not.
    @Test func instanceMadeByAClassFactory() throws {
        let source = #"""
        import re
        from starlette.requests import Request
        from starlette.responses import JSONResponse


        class ClauseIndex:
            def __init__(self, clauses):
                self.clauses = clauses

            @classmethod
            def from_file(cls, path):
                return cls([])

            def search(self, pattern):
                matcher = re.compile(pattern)
                return [c for c in self.clauses if matcher.search(c)]


        INDEX = ClauseIndex.from_file("/srv/clauses.json")


        async def search_clauses(request: Request):
            term = request.query_params.get("q", "")
            return JSONResponse({"hits": INDEX.search(term)})
        """#
        #expect(try found(source) == ["15:ASC1333"])
        #expect(try found(source.replacingOccurrences(of: "ClauseIndex.from_file(", with: "load_index(")) == [])
    }

    /// An attribute every construction fills with an instance of a class of this file
    /// (`BoxResource(Manifest(path))`) calls that class's methods.
    @Test func instancePassedToAConstructor() throws {
        let source = #"""
        import falcon
        from lxml import etree


        class Manifest:
            def __init__(self, path):
                self.tree = etree.parse(path)

            def find_boxes(self, custodian):
                expr = "//box[@custodian='%s']" % custodian
                return self.tree.xpath(expr)


        class BoxResource:
            def __init__(self, manifest):
                self.manifest = manifest

            def on_get(self, req, resp):
                custodian = req.get_param("custodian", required=True)
                resp.media = {"boxes": len(self.manifest.find_boxes(custodian))}


        app = falcon.App()
        app.add_route("/records/boxes", BoxResource(Manifest("/srv/manifest.xml")))
        """#
        #expect(try found(source) == ["11:ASC1643"])
        #expect(try found(source.replacingOccurrences(of: #"BoxResource(Manifest("/srv/manifest.xml"))"#, with: "BoxResource(load_manifest())")) == [])
    }

    /// A helper handed the client's data builds its query from the program's own text (a
    /// tuple's fixed part, a sort key checked by a conditional expression in a method): the
    /// query-building alarm is explained away. The client's text in either piece is reported.
    @Test func helperQueryHoldingNoClientText() throws {
        let source = #"""
        from django.db import connection
        from django.http import JsonResponse

        SORTABLE = {"title", "effective_date"}


        class ContractQuery:
            def __init__(self, params):
                self.status = params.get("status", "active")
                self.sort = params.get("sort", "effective_date")

            def where_clause(self):
                clauses = ["c.status = %s"]
                return " AND ".join(clauses), [self.status]

            def order_by(self):
                return self.sort if self.sort in SORTABLE else "effective_date"


        def run_search(query: ContractQuery):
            where, params = query.where_clause()
            sql = "SELECT c.id FROM contracts c WHERE " + where + " ORDER BY " + query.order_by()
            with connection.cursor() as cursor:
                cursor.execute(sql, params)
                return cursor.fetchall()


        def search_contracts(request):
            return JsonResponse({"results": run_search(ContractQuery(request.GET))})
        """#
        #expect(try found(source, enable: ["ASC1", "ASC608"]) == [])
        #expect(try found(source.replacingOccurrences(of: #"        return self.sort if self.sort in SORTABLE else "effective_date""#, with: "        return self.sort"), enable: ["ASC1", "ASC608"]) == ["24:ASC1089"])
        #expect(try found(source.replacingOccurrences(of: #"        clauses = ["c.status = %s"]"#, with: #"        clauses = ["c.status = %r" % self.status]"#), enable: ["ASC1", "ASC608"]) == ["24:ASC1089"])
    }

    /// A static validator called through `self` proves its argument's host, and a value that
    /// is letters and digits once dashes are taken out (`x.replace("-", "").isalnum()`) is a
    /// slug, fit for a path. Inverting the check, or taking out slashes instead, proves nothing.
    @Test func staticValidatorAndSlugCheck() throws {
        let source = #"""
        import os
        from urllib.parse import urlparse

        import requests
        from flask import Flask, request

        app = Flask(__name__)
        VENDOR_HOSTS = frozenset({"na3.docusign.net"})


        class Fetcher:
            @staticmethod
            def is_vendor_url(url: str) -> bool:
                parsed = urlparse(url)
                return parsed.scheme == "https" and parsed.hostname in VENDOR_HOSTS

            def fetch(self, url):
                if not self.is_vendor_url(url):
                    raise ValueError("not a vendor url")
                return requests.get(url, timeout=5).content


        @app.post("/completed")
        def completed():
            payload = request.get_json()
            envelope_id = str(payload.get("envelopeId", ""))
            if not envelope_id.replace("-", "").isalnum():
                return "bad envelope id", 400
            content = Fetcher().fetch(payload.get("documentUrl"))
            with open(os.path.join("/srv/signed", f"{envelope_id}.pdf"), "wb") as fh:
                fh.write(content)
            return "stored"
        """#
        #expect(try found(source) == [])
        #expect(try found(source.replacingOccurrences(of: "        if not self.is_vendor_url(url):", with: "        if self.is_vendor_url(url):")) == ["20:ASC1918"])
        #expect(try found(source.replacingOccurrences(of: #"replace("-", "")"#, with: #"replace("/", "")"#)) == ["30:ASC1022"])
    }

    /// Data whose digest matches one the program pinned, passed in by every caller
    /// (`MODEL_REGISTRY.get(req.version)`), is that approved content; a digest the client
    /// sends proves nothing. The registry lookup also proves the version is one of its keys.
    @Test func digestPinnedByTheCaller() throws {
        let source = #"""
        import hashlib
        import hmac
        import io

        import dill
        import requests
        from fastapi import FastAPI, HTTPException
        from pydantic import BaseModel

        app = FastAPI()
        REGISTRY_BASE = "https://models.internal.example/fraud"
        MODEL_REGISTRY = {"2024.03.1": "9d2f4c61a3b0e8f7c5d1a2b3c4d5e6f7"}


        class ActivateRequest(BaseModel):
            version: str
            sha256: str


        def download_artifact(version: str) -> bytes:
            return requests.get(f"{REGISTRY_BASE}/{version}/model.dill", timeout=60).content


        def deserialize_model(blob: bytes, expected_sha256: str):
            digest = hashlib.sha256(blob).hexdigest()
            if not hmac.compare_digest(digest, expected_sha256):
                raise ValueError("artifact digest mismatch")
            return dill.load(io.BytesIO(blob))


        @app.post("/models/activate")
        def activate(req: ActivateRequest):
            expected = MODEL_REGISTRY.get(req.version)
            if expected is None:
                raise HTTPException(status_code=404, detail="unknown model version")
            blob = download_artifact(req.version)
            return {"ok": deserialize_model(blob, expected) is not None}
        """#
        #expect(try found(source) == [])
        #expect(try found(source.replacingOccurrences(of: "deserialize_model(blob, expected)", with: "deserialize_model(blob, req.sha256)")) == ["28:ASC1502"])
        // Unchecked, the version chooses the path of a request to a fixed host, through the
        // helper as in place: no SSRF. Choosing the host, it is one.
        let unchecked = source.replacingOccurrences(of: "MODEL_REGISTRY.get(req.version)", with: "MODEL_REGISTRY.get(req.sha256)")
        #expect(try DataFlowTests().findings(unchecked).isEmpty)
        let hostChosen = unchecked.replacingOccurrences(of: #"f"{REGISTRY_BASE}/{version}/model.dill""#, with: #"f"https://{version}.models.example/model.dill""#)
        #expect(try DataFlowTests().findings(hostChosen).map { "\($0.line):\($0.code):\($0.severity)" } == ["21:ASC1918:high"])
    }

    /// `self.query(sql)` of a handler whose base class of this file defines `query` runs it.
    @Test func methodInheritedFromABaseClass() throws {
        let source = #"""
        import psycopg2
        import tornado.web


        class BaseHandler(tornado.web.RequestHandler):
            def initialize(self, dsn: str):
                self.dsn = dsn

            def query(self, sql: str, params=()):
                with psycopg2.connect(self.dsn) as conn:
                    with conn.cursor() as cur:
                        cur.execute(sql, params)
                        return cur.fetchall()


        class UsageHandler(BaseHandler):
            def get(self):
                sort = self.get_argument("sort", "day")
                rows = self.query(f"SELECT day, bytes FROM usage_daily ORDER BY {sort}")
                self.write({"rows": rows})
        """#
        #expect(try found(source) == ["12:ASC1089"])
        #expect(try found(source.replacingOccurrences(of: "class UsageHandler(BaseHandler):", with: "class UsageHandler(tornado.web.RequestHandler):")) == [])
    }

    /// Text appended to a configuration file is no log line; appended to a log, it is.
    @Test func appendingToAConfigurationFile() throws {
        let source = #"""
        import os
        from flask import Flask, request

        app = Flask(__name__)
        TRUNK_TEMPLATE = "[{name}]\ntype=endpoint\n"


        @app.post("/api/trunks")
        def create_trunk():
            name = request.get_json()["name"]
            conf_path = os.path.join("/etc/asterisk", "customer_trunks.conf")
            with open(conf_path, "a", encoding="utf-8") as fh:
                fh.write(TRUNK_TEMPLATE.format(name=name))
            return "ok"
        """#
        #expect(try found(source) == [])
        #expect(try found(source.replacingOccurrences(of: "customer_trunks.conf", with: "trunk_audit.log")) == ["13:ASC1117"])
    }

    /// Attributes a check read (`flt.end < flt.start`) are not all an instance holds: the
    /// method called on it still reads its own (the query's fixed clause stays fixed).
    @Test func checkedAttributesAreNotTheWholeInstance() throws {
        let source = #"""
        """Sales dashboard queries for the regional bakery franchise."""
        from datetime import date
        from typing import Optional

        from fastapi import APIRouter, Depends, HTTPException, Query
        from sqlalchemy import text
        from sqlalchemy.orm import Session

        from .deps import get_db, require_manager

        router = APIRouter(prefix="/reports", tags=["reports"], dependencies=[Depends(require_manager)])

        DIMENSIONS = {"store": "store_id", "product": "product_sku", "day": "sale_date"}


        class ReportFilter:
            def __init__(
                self,
                region: str = Query(..., max_length=40),
                start: date = Query(...),
                end: date = Query(...),
                dimension: str = Query("store"),
                product_prefix: Optional[str] = Query(None, max_length=20),
            ):
                self.region = region
                self.start = start
                self.end = end
                self.dimension = dimension
                self.product_prefix = product_prefix

            def where(self):
                clause = "region = :region AND sale_date BETWEEN :start AND :end"
                params = {"region": self.region, "start": self.start, "end": self.end}
                if self.product_prefix:
                    clause += " AND product_sku LIKE :prefix"
                    params["prefix"] = self.product_prefix + "%"
                return clause, params


        @router.get("/summary")
        def summary(flt: ReportFilter = Depends(), db: Session = Depends(get_db)):
            if flt.end < flt.start:
                raise HTTPException(400, "end must not be before start")
            column = DIMENSIONS.get(flt.dimension)
            if column is None:
                raise HTTPException(400, "dimension must be one of: " + ", ".join(DIMENSIONS))
            where, params = flt.where()
            sql = (
                f"SELECT {column} AS bucket, SUM(quantity) AS units, SUM(amount) AS revenue "
                f"FROM sales WHERE {where} GROUP BY {column} ORDER BY revenue DESC"
            )
            rows = db.execute(text(sql), params).mappings().all()
            return {"dimension": flt.dimension, "rows": [dict(r) for r in rows]}
        """#
        #expect(try found(source, enable: ["ASC1", "ASC608"]) == [])
    }

    /// A class whose constructor only stores its parameters reads as a record of its
    /// arguments: the field a dependency checked (`x_account_id.isdigit()`) is clean, the
    /// other is the client's.
    @Test func plainConstructorAsRecord() throws {
        let source = #"""
        import os
        import re

        from fastapi import Depends, FastAPI, Header, HTTPException
        from fastapi.responses import FileResponse

        RECEIPT_ROOT = "/srv/toll/receipts"
        PERIOD_RE = re.compile(r"^\d{4}-\d{2}$")
        app = FastAPI()


        class AccountContext:
            def __init__(self, account_id: str, plate: str):
                self.account_id = account_id
                self.plate = plate


        async def current_account(x_account_id: str = Header(...), x_plate: str = Header("")):
            if not x_account_id.isdigit():
                raise HTTPException(status_code=401, detail="bad account")
            return AccountContext(x_account_id, x_plate)


        @app.get("/receipts/{period}")
        async def list_receipts(period: str, account: AccountContext = Depends(current_account)):
            if not PERIOD_RE.match(period):
                raise HTTPException(status_code=400, detail="bad period")
            return FileResponse(os.path.join(RECEIPT_ROOT, account.account_id, period, "summary.pdf"))
        """#
        #expect(try found(source) == [])
        #expect(try found(source.replacingOccurrences(of: "account.account_id, period", with: "account.plate, period")) == ["28:ASC1022"])
    }

    /// A parser made by a helper that returns the name it bound (`parser = defused_make_parser()`
    /// … `return parser`) is judged by what was made.
    @Test func parserReturnedByName() throws {
        let source = #"""
        import xml.sax
        from xml.sax.handler import feature_external_ges

        from defusedxml.sax import make_parser as defused_make_parser
        from flask import Flask, request

        app = Flask(__name__)


        def make_parser():
            parser = defused_make_parser()
            parser.setFeature(feature_external_ges, False)
            return parser


        @app.post("/import")
        def import_odx():
            parser = make_parser()
            parser.setContentHandler(xml.sax.ContentHandler())
            parser.parse(request.files.get("odx").stream)
            return "ok"
        """#
        #expect(try found(source) == [])
        let unsafe = source.replacingOccurrences(of: "    parser = defused_make_parser()", with: "    parser = xml.sax.make_parser()")
            .replacingOccurrences(of: "parser.setFeature(feature_external_ges, False)", with: "parser.setFeature(feature_external_ges, True)")
        #expect(try found(unsafe) == ["20:ASC1611"])
    }

    /// `parts[1].isalnum()` in a rejecting test proves that element, read again later.
    @Test func elementCheckedByAValidatorMethod() throws {
        let source = #"""
        import json
        import logging

        import paho.mqtt.client as mqtt

        log = logging.getLogger("ota")


        def on_message(client, userdata, msg):
            parts = msg.topic.split("/")
            if len(parts) != 4 or not parts[1].isalnum():
                return
            vin = parts[1]
            with open("/var/spool/ota-tickets/%s.json" % vin, "w") as fh:
                json.dump({"vin": vin}, fh)


        def main():
            client = mqtt.Client(client_id="ota")
            client.on_message = on_message
            client.loop_forever()
        """#
        #expect(try found(source) == [])
        #expect(try found(source.replacingOccurrences(of: " or not parts[1].isalnum()", with: "")) == ["14:ASC1022"])
    }

    /// A list written out in the call to a helper that runs it (`run(["git", "tag", tag])`):
    /// the program is fixed; the operator's file chooses only arguments.
    @Test func fixedProgramListPassedToARunner() throws {
        let source = #"""
        import subprocess
        import tomllib

        import click


        def read_version(pyproject: str = "pyproject.toml") -> str:
            with open(pyproject, "rb") as fh:
                return tomllib.load(fh)["project"]["version"]


        def run(cmd):
            subprocess.run(cmd, check=True)


        @click.command()
        def publish() -> None:
            tag = "v" + read_version()
            run(["git", "tag", "-a", tag, "-m", "release " + tag])
        """#
        #expect(try found(source) == [])
        #expect(try found(source.replacingOccurrences(of: #"    run(["git", "tag", "-a", tag, "-m", "release " + tag])"#, with: #"    run([tag, "-m", "release"])"#)) == ["13:ASC1078"])
    }

    /// A containment validator normalising the path in place (`commonpath([base,
    /// os.path.realpath(path)])`) proves an archive member's target.
    @Test func containmentCheckNormalisingInPlace() throws {
        let source = #"""
        import os
        import zipfile

        from flask import Flask, request

        app = Flask(__name__)


        def _inside(base: str, path: str) -> bool:
            base = os.path.realpath(base)
            return os.path.commonpath([base, os.path.realpath(path)]) == base


        @app.post("/wheels")
        def unpack_wheel():
            dest = "/srv/wheels"
            with zipfile.ZipFile(request.files["wheel"]) as zf:
                for info in zf.infolist():
                    target = os.path.join(dest, info.filename)
                    if not _inside(dest, target):
                        return "refusing member", 400
                    with zf.open(info) as src, open(target, "wb") as out:
                        out.write(src.read())
            return "ok"
        """#
        #expect(try found(source) == [])
        #expect(try found(source.replacingOccurrences(of: "os.path.commonpath([base, os.path.realpath(path)])", with: "os.path.commonpath([base, path])")) == ["22:ASC1022"])
    }

    /// A helper's query that every web handler calling it hands only the program's own text
    /// for its dynamic parts (a filter's fixed clauses, a checked sort key) is clean: the
    /// query-building alarm is explained away. The client's text in a clause is reported.
    @Test func helperQueryFedOnlyCleanTextByHandlers() throws {
        let source = #"""
        import sqlite3

        from flask import Flask, jsonify, request

        app = Flask(__name__)
        SORTABLE = {"pickup_at", "total_cents"}


        def build_trip_filter(rider_id, city=None):
            clauses = ["rider_id = ?"]
            params = [rider_id]
            if city:
                clauses.append("city = ?")
                params.append(city)
            return " AND ".join(clauses), params


        def fetch_trips(where, params, order_by="pickup_at"):
            if order_by not in SORTABLE:
                order_by = "pickup_at"
            sql = "SELECT trip_id FROM trips WHERE " + where + " ORDER BY " + order_by
            return sqlite3.connect("trips.db").execute(sql, params).fetchall()


        @app.route("/api/riders/<rider_id>/trips")
        def rider_trips(rider_id):
            where, params = build_trip_filter(rider_id, city=request.args.get("city"))
            return jsonify(fetch_trips(where, params, request.args.get("sort", "pickup_at")))
        """#
        #expect(try found(source, enable: ["ASC1", "ASC608"]) == [])
        #expect(try found(source.replacingOccurrences(of: #"        clauses.append("city = ?")"#, with: #"        clauses.append("city = %r" % city)"#), enable: ["ASC1", "ASC608"]) == ["22:ASC1089"])
    }

    /// A log format held in a name bound once (`entry = "caller=%r ..."`) is read as if
    /// written in the call: `%r` escapes line breaks, `%s` does not.
    @Test func logFormatBoundToAName() throws {
        let source = #"""
        import json
        import logging

        import tornado.web

        audit = logging.getLogger("audit")


        class PredictHandler(tornado.web.RequestHandler):
            def post(self):
                caller = self.request.headers.get("X-Client-Id", "anonymous")
                entry = "caller=%r decision=%s"
                audit.info(entry, caller, "allow")
                self.write({"ok": True})
        """#
        #expect(try found(source) == [])
        #expect(try found(source.replacingOccurrences(of: #"entry = "caller=%r decision=%s""#, with: #"entry = "caller=%s decision=%s""#)) == ["13:ASC1117"])
    }

    /// A dataclass built from a spread mapping (`Req(**json.loads(raw))`) holds that data in
    /// every field; built from fixed values, none.
    @Test func dataclassFilledBySpreadMapping() throws {
        let source = #"""
        import json
        import sqlite3
        from dataclasses import dataclass

        import redis


        @dataclass
        class Req:
            start: str


        class Store:
            def __init__(self, path: str):
                self.conn = sqlite3.connect(path)

            def lookup(self, req: Req):
                sql = "SELECT * FROM t WHERE name = '%s'" % req.start
                return self.conn.execute(sql).fetchall()


        def handle(raw: bytes, store: Store):
            req = Req(**json.loads(raw))
            return store.lookup(req)


        def main():
            store = Store("x.db")
            r = redis.Redis()
            while True:
                item = r.blpop("q", timeout=30)
                handle(item[1], store)
        """#
        #expect(try found(source) == ["19:ASC1089"])
        #expect(try found(source.replacingOccurrences(of: "    req = Req(**json.loads(raw))", with: #"    req = Req(**{"start": "2024-01-01"})"#)) == [])
    }

    /// What a middleware put in the WSGI environment (`request.environ.get("app.user_id")`) is
    /// the server's, where an `HTTP_` key is a header; a pydantic field of an enumeration of this
    /// file holds one of its members. Either changed back, the client's text is reported.
    @Test func serverEnvironmentKeysAndEnumFields() throws {
        let source = #"""
        import logging
        import os
        from enum import Enum

        from bottle import Bottle, request
        from fastapi import FastAPI
        from pydantic import BaseModel

        log = logging.getLogger(__name__)
        app = Bottle()
        api = FastAPI()


        class Category(str, Enum):
            spam = "spam"
            other = "other"


        class Report(BaseModel):
            category: Category
            reason: str


        @app.get("/media/list")
        def list_media():
            uid = request.environ.get("snapshare.user_id")
            return {"files": os.listdir(os.path.join("/srv/media", uid))}


        @api.post("/reports")
        def submit(report: Report):
            log.info("new %s report", report.category.value)
            return {"ok": True}
        """#
        #expect(try found(source) == [])
        #expect(try found(source.replacingOccurrences(of: #"request.environ.get("snapshare.user_id")"#, with: #"request.environ.get("HTTP_X_USER_ID")"#)) == ["27:ASC1022"])
        #expect(try found(source.replacingOccurrences(of: "    category: Category", with: "    category: str")) == ["32:ASC1117"])
    }

    /// A MAC encoded as URL-safe base64 (`urlsafe_b64encode(mac)`) holds no line break.
    @Test func urlSafeBase64HoldsNoLineBreak() throws {
        let source = #"""
        import base64
        import hashlib
        import hmac
        import logging
        from flask import Flask, request

        app = Flask(__name__)
        log = logging.getLogger(__name__)


        @app.post("/unsubscribe")
        def unsubscribe():
            email = request.form["email"]
            mac = hmac.new(b"key", email.encode(), hashlib.sha256).digest()
            log.info("unsubscribe %s", base64.urlsafe_b64encode(mac).decode())
            return "ok"
        """#
        #expect(try found(source) == [])
        #expect(try found(source.replacingOccurrences(of: "base64.urlsafe_b64encode(mac).decode()", with: "email")) == ["15:ASC1117"])
    }

    /// A host checked to resolve only to public addresses (a loop over `getaddrinfo` leaving
    /// unless each `is_global`) is no SSRF; a loop that checks nothing of the address proves
    /// nothing.
    @Test func hostResolvedToPublicAddressesOnly() throws {
        let source = #"""
        import ipaddress
        import socket
        from urllib.parse import urlparse

        import httpx
        from fastapi import FastAPI
        from pydantic import BaseModel

        app = FastAPI()


        class SubscriptionIn(BaseModel):
            callback_url: str


        def check_callback(url: str) -> str:
            parsed = urlparse(url)
            if parsed.scheme != "https" or not parsed.hostname:
                raise ValueError("callback must be an https URL")
            for info in socket.getaddrinfo(parsed.hostname, 443, proto=socket.IPPROTO_TCP):
                if not ipaddress.ip_address(info[4][0]).is_global:
                    raise ValueError("callback resolves to a non-public address")
            return url


        @app.post("/subscriptions")
        async def subscribe(body: SubscriptionIn):
            url = check_callback(body.callback_url)
            async with httpx.AsyncClient() as client:
                resp = await client.post(url, json={}, timeout=5.0)
            return {"status": resp.status_code}
        """#
        #expect(try found(source) == [])
        #expect(try found(source.replacingOccurrences(of: "        if not ipaddress.ip_address(info[4][0]).is_global:", with: "        if not info:")) == ["30:ASC1918"])
    }

    /// `request.app["http"].post(url)` on the client the application keeps under that key.
    @Test func clientKeptInTheApplicationRegistry() throws {
        let source = #"""
        from aiohttp import ClientSession, web


        async def test_webhook(request: web.Request) -> web.Response:
            body = await request.json()
            url = body.get("callback_url")
            async with request.app["http"].post(url, json={}, timeout=5) as resp:
                text = await resp.text()
            return web.json_response({"body": text})


        async def _on_startup(app: web.Application) -> None:
            app["http"] = ClientSession()


        def make_app():
            app = web.Application()
            app.on_startup.append(_on_startup)
            app.router.add_post("/test", test_webhook)
            return app
        """#
        #expect(try found(source) == ["7:ASC1918"])
        #expect(try found(source.replacingOccurrences(of: #"    url = body.get("callback_url")"#, with: #"    url = "https://hooks.example.com/test""#)) == [])
    }

    /// A substitution of a negated class (`SAFE_NAME.sub("_", name)` with `[^A-Za-z0-9_.-]`)
    /// leaves a path component without a separator and a command without shell characters;
    /// a class sparing `/` or `;` leaves them in.
    @Test func substitutionOfANegatedClass() throws {
        let source = #"""
        import os
        import re
        import subprocess
        from flask import Flask, request

        app = Flask(__name__)
        SAFE_NAME = re.compile(r"[^A-Za-z0-9_.-]")


        @app.post("/recipes")
        def upload():
            name = "%s_v%s.yaml" % (request.form["product"], request.form["version"])
            name = SAFE_NAME.sub("_", name)
            with open(os.path.join("/srv/recipes", name), "w") as fh:
                fh.write("x")
            host = re.sub(r"[^\w.-]+", "", request.form["host"])
            subprocess.run(f"ping -c 1 {host}", shell=True)
            return "ok"
        """#
        #expect(try found(source) == [])
        let spared = source.replacingOccurrences(of: #"re.compile(r"[^A-Za-z0-9_.-]")"#, with: #"re.compile(r"[^A-Za-z0-9_./-]")"#)
            .replacingOccurrences(of: #"re.sub(r"[^\w.-]+", "", "#, with: #"re.sub(r"[^\w.;-]+", "", "#)
        #expect(try found(spared) == ["14:ASC1022", "17:ASC1078"])
    }

    /// A handler returning a helper's record (sent as JSON) sends no HTML; a helper's built
    /// text is. A helper's list starting with a fixed program (`["scp", ...]`) passed to a
    /// runner runs that program; one starting with the client's value runs theirs.
    @Test func helperRecordsAndHelperCommandLists() throws {
        let source = #"""
        import subprocess

        from bottle import Bottle, request, response

        app = Bottle()


        def find_bin(zone, code):
            return {"zone": zone, "code": code}


        def build_copy_cmd(bundle, host):
            return ["scp", "-q", "--", bundle, "fw@%s:/opt/fw/" % host]


        def run(cmd):
            return subprocess.call(cmd)


        @app.get("/layout/bins/<zone>")
        def get_bin(zone):
            found = find_bin(zone, request.query.get("code", ""))
            response.content_type = "application/json"
            return found


        @app.post("/push")
        def push():
            return str(run(build_copy_cmd("/srv/fw/current.fwb", request.forms.get("host"))))
        """#
        #expect(try found(source) == [])
        #expect(try found(source.replacingOccurrences(of: #"    return {"zone": zone, "code": code}"#, with: #"    return "<b>%s</b>" % zone"#)) == ["24:ASC1079"])
        #expect(try found(source.replacingOccurrences(of: #"    return ["scp", "-q", "--", bundle, "fw@%s:/opt/fw/" % host]"#, with: #"    return [host, "-q", "--", bundle]"#)) == ["17:ASC1078"])
    }

    /// A resolved path whose parent is the resolved folder (`path.parent != folder` rejected)
    /// is a file right in that folder.
    @Test func resolvedPathWhoseParentIsTheFolder() throws {
        let source = #"""
        from pathlib import Path

        from fastapi import FastAPI, HTTPException
        from fastapi.responses import FileResponse

        app = FastAPI()
        ROOT = Path("/srv/specimens")


        @app.get("/specimens/{specimen_id}/images/{name}")
        def get_image(specimen_id: str, name: str):
            folder = (ROOT / "images").resolve()
            path = (folder / name).resolve()
            if path.parent != folder or not path.is_file():
                raise HTTPException(status_code=404, detail="image not found")
            return FileResponse(path)
        """#
        #expect(try found(source) == [])
        #expect(try found(source.replacingOccurrences(of: "    if path.parent != folder or not path.is_file():", with: "    if not path.is_file():")) == ["16:ASC1022"])
    }
}
