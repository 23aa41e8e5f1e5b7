@testable import Analyzer
import PythonSyntax
import Testing

/// Objects, records and helpers the data flow reads as a program runs them (stop 21: each
/// case taken from a kind of code a blind corpus showed misjudged). Each test also changes
/// the one thing that makes the difference and checks the finding comes (or goes).
@Suite("Data flow: models, records and helpers")
struct DataFlowModelTests: FindsFlows {
    /// A pydantic model's field typed `int` is a number by the time the handler runs; a `str` field is the client's text.
    @Test func pydanticTypedFields() throws {
        let source = #"""
        import logging
        from fastapi import FastAPI
        from pydantic import BaseModel

        app = FastAPI()
        log = logging.getLogger(__name__)

        class PlanChange(BaseModel):
            subscription_id: int
            plan_code: str

        @app.post("/plan")
        def change_plan(body: PlanChange):
            log.info(f"subscription {body.subscription_id}")
            log.info("plan %s", body.plan_code)
            return {"ok": True}
        """#
        #expect(try found(source) == ["15:ASC1117"])
        #expect(try found(source.replacingOccurrences(of: #"subscription_id: int"#, with: #"subscription_id: str"#)) == ["14:ASC1117", "15:ASC1117"])
    }

    /// The `.id` of an object a store or service gives back is the key it assigned; a model parsed from the request holds the client's.
    @Test func idsOfObjects() throws {
        let source = #"""
        import logging
        from flask import Flask, request
        from pydantic import BaseModel

        app = Flask(__name__)
        log = logging.getLogger(__name__)

        class OrderIn(BaseModel):
            id: str

        @app.post("/login")
        def login():
            user = repo.find_by_email(request.form["email"])
            log.info(f"login ok user={user.id}")
            order = OrderIn.parse_obj(request.get_json())
            log.info(f"order {order.id}")
            return "ok"
        """#
        #expect(try found(source) == ["16:ASC1117"])
    }

    /// The groups of a whole-value match against the program's pattern hold only what the pattern lets through; a search's may hold anything around it.
    @Test func wholeValueMatchGroups() throws {
        let source = #"""
        import os
        import re
        from flask import Flask, request

        app = Flask(__name__)
        SIZE_RE = re.compile(r"([1-9][0-9]{0,3})x([1-9][0-9]{0,3})")

        @app.post("/thumb")
        def thumb():
            match = SIZE_RE.fullmatch(request.form["size"])
            if match is None:
                return "bad", 400
            os.system(f"convert -resize {match[1]}x{match[2]} in.jpg out.jpg")
            return "ok"
        """#
        #expect(try found(source) == [])
        #expect(try found(source.replacingOccurrences(of: #"SIZE_RE.fullmatch"#, with: #"SIZE_RE.search"#)) == ["13:ASC1078"])
    }

    /// A `urllib.request.Request` goes where its URL says: the body it carries does not choose the host.
    @Test func requestObjects() throws {
        let source = #"""
        import json
        import urllib.request

        API_URL = "https://api.example.net/v1/messages"

        def handler(event, context):
            body = json.dumps({"text": event["message"]}).encode()
            req = urllib.request.Request(API_URL, data=body, method="POST")
            with urllib.request.urlopen(req, timeout=10) as resp:
                resp.read()
            other = urllib.request.Request(event["callback"], data=body)
            with urllib.request.urlopen(other, timeout=10) as resp:
                return resp.read()
        """#
        #expect(try found(source) == ["12:ASC1918"])
    }

    /// `re.sub` returns the text with pieces of itself put in: the pattern chooses where, and is not in the result.
    @Test func substitutionKeepsTheText() throws {
        let source = #"""
        import html
        import re
        from fastapi import FastAPI
        from fastapi.responses import HTMLResponse

        app = FastAPI()

        @app.get("/search")
        def search(term: str, text: str):
            marked = re.sub(re.escape(term), r"<b>\g<0></b>", html.escape(text))
            return HTMLResponse(f"<p>{marked}</p>")
        """#
        #expect(try found(source) == [])
        #expect(try found(source.replacingOccurrences(of: #"re.sub(re.escape(term), r"<b>\g<0></b>", html.escape(text))"#, with: #"re.sub(re.escape(html.escape(term)), r"<b>\g<0></b>", text)"#)) == ["11:ASC1079"])
    }

    /// Starlette's `run_in_threadpool(fn, x)` calls `fn(x)`.
    @Test func threadpoolHandOff() throws {
        let source = #"""
        import subprocess
        from fastapi import APIRouter
        from starlette.concurrency import run_in_threadpool

        router = APIRouter()

        def deploy_branch(branch):
            return subprocess.run(f"git checkout {branch}", shell=True, timeout=600)

        @router.post("/deploy")
        async def deploy_hook(branch: str):
            result = await run_in_threadpool(deploy_branch, branch)
            return {"rc": result.returncode}
        """#
        #expect(try found(source) == ["8:ASC1078"])
        #expect(try found(source.replacingOccurrences(of: #"run_in_threadpool(deploy_branch, branch)"#, with: #"run_in_threadpool(deploy_branch, 'main')"#)) == [])
    }

    /// `httpx.URL(raw).host` checked against an allow-list fixes where the request goes.
    @Test func httpxURLHost() throws {
        let source = #"""
        import httpx
        from fastapi import FastAPI, HTTPException

        app = FastAPI()
        ALLOWED_HOSTS = frozenset({"secure.gravatar.com", "avatars.githubusercontent.com"})

        def checked_url(raw: str) -> httpx.URL:
            url = httpx.URL(raw)
            if url.scheme != "https" or url.host.lower() not in ALLOWED_HOSTS:
                raise HTTPException(status_code=400, detail="host not allowed")
            return url

        @app.get("/avatar")
        async def avatar(url: str):
            async with httpx.AsyncClient() as client:
                resp = await client.get(checked_url(url), timeout=5.0)
            return resp.content
        """#
        #expect(try found(source) == [])
        #expect(try found(source.replacingOccurrences(of: #" or url.host.lower() not in ALLOWED_HOSTS"#, with: #""#)) == ["16:ASC1918"])
    }

    /// `any(host == d or host.endswith("." + d) for d in ALLOWED)` keeps the host inside the allowed domains; a bare `endswith(d)` lets `evil-example.com` through.
    @Test func allowedDomainLoop() throws {
        let source = #"""
        from urllib.parse import urlparse

        import requests
        from django.conf import settings
        from django.http import JsonResponse

        def allowed_destination(url):
            parsed = urlparse(url)
            host = (parsed.hostname or "").lower()
            return any(host == d or host.endswith("." + d) for d in settings.WEBHOOK_ALLOWED_DOMAINS)

        def test_delivery(request):
            url = request.POST["url"]
            if not allowed_destination(url):
                return JsonResponse({"error": "destination not permitted"}, status=400)
            requests.post(url, json={"type": "ping"}, timeout=5)
            return JsonResponse({"delivered": True})
        """#
        #expect(try found(source) == [])
        #expect(try found(source.replacingOccurrences(of: #"host == d or host.endswith("." + d)"#, with: #"host.endswith(d)"#)) == ["16:ASC1918"])
    }

    /// A helper returning a command list is read element by element with what the call passes: a title after `--title`, under a program the operator sets, starts no command.
    @Test func helperCommandList() throws {
        let source = #"""
        import os
        import subprocess
        from celery import Celery

        app = Celery("pdf")
        WKHTMLTOPDF = os.environ.get("WKHTMLTOPDF_BIN", "/usr/local/bin/wkhtmltopdf")

        def pdf_command(html_path, pdf_path, title):
            return [WKHTMLTOPDF, "--quiet", "--title", title, str(html_path), str(pdf_path)]

        @app.task
        def render_invoice(invoice):
            cmd = pdf_command("/srv/out/a.html", "/srv/out/a.pdf", f"Invoice {invoice['customer']}")
            subprocess.run(cmd, check=True, timeout=120)
        """#
        #expect(try found(source) == [])
        #expect(try found(source.replacingOccurrences(of: #"[WKHTMLTOPDF, "--quiet", "--title", title, str(html_path), str(pdf_path)]"#, with: #"[title, "--quiet", str(html_path), str(pdf_path)]"#)) == ["14:ASC1078"])
    }

    /// `self.renderer_class(...)` of `renderer_class = PdfRenderer` makes a `PdfRenderer`, whose `render` returns a path of its own.
    @Test func classAttributeFactory() throws {
        let source = #"""
        import os
        import tempfile
        from django.http import FileResponse
        from django.views import View

        class PdfRenderer:
            def __init__(self, page_size="A4"):
                self.page_size = page_size

            def render(self, html):
                out = os.path.join(tempfile.mkdtemp(), "invoice.pdf")
                return out

        class InvoicePdfView(View):
            renderer_class = PdfRenderer

            def get(self, request):
                renderer = self.renderer_class(page_size=request.GET.get("size", "A4"))
                path = renderer.render(request.GET.get("title", ""))
                return FileResponse(open(path, "rb"))
        """#
        #expect(try found(source) == [])
        #expect(try found(source.replacingOccurrences(of: #"renderer_class = PdfRenderer"#, with: #"renderer_class = make_renderer"#)) == ["20:ASC1022"])
    }

    /// `Loader=self.loader_cls` of a constructor defaulting it to `yaml.SafeLoader` is the safe loader.
    @Test func constructorDefaultLoader() throws {
        let source = #"""
        import yaml
        from flask import Flask, request

        app = Flask(__name__)

        class DefinitionLoader:
            def __init__(self, loader_cls=yaml.SafeLoader):
                self.loader_cls = loader_cls

            def parse(self, text):
                return yaml.load(text, Loader=self.loader_cls)

        loader = DefinitionLoader()

        @app.post("/pipelines")
        def upload():
            return {"steps": loader.parse(request.get_data(as_text=True))}
        """#
        #expect(try found(source) == [])
        #expect(try found(source.replacingOccurrences(of: #"loader_cls=yaml.SafeLoader"#, with: #"loader_cls=yaml.Loader"#)) == ["11:ASC1502"])
    }

    /// A local declared as a class of this file (`index: DocketIndex = ...`) and an attribute Tornado's `initialize` makes are instances of those classes.
    @Test func declaredAndFrameworkMadeInstances() throws {
        let source = #"""
        import tornado.web
        from lxml import etree
        from starlette.responses import JSONResponse

        class DocketIndex:
            def __init__(self, path):
                self._tree = etree.parse(path, etree.XMLParser(resolve_entities=False, no_network=True))

            def by_party(self, party_name):
                return self._tree.xpath("//case[parties/party[@name='%s']]" % party_name)

        async def search_cases(request):
            index: DocketIndex = request.app.state.docket
            return JSONResponse({"n": len(index.by_party(request.query_params["party"]))})

        class FeedParser:
            def parse(self, payload):
                return etree.fromstring(payload, etree.XMLParser(resolve_entities=True))

        class FeedImportHandler(tornado.web.RequestHandler):
            def initialize(self, repository):
                self.feed_parser = FeedParser()

            def post(self):
                self.write({"items": len(self.feed_parser.parse(self.request.body))})
        """#
        #expect(try found(source) == ["10:ASC1643", "18:ASC1611"])
        #expect(try found(source.replacingOccurrences(of: #"index: DocketIndex = "#, with: #"index = "#)) == ["18:ASC1611"])
        #expect(try found(source.replacingOccurrences(of: #"def initialize(self, repository)"#, with: #"def configure(self, repository)"#)) == ["10:ASC1643"])
    }

    /// `request.app` is the server's application object; `log.log(level, msg, x)` logs `x` as `log.info(msg, x)` does.
    @Test func applicationObjectAndLevelledLogs() throws {
        let source = #"""
        import logging
        import os
        from aiohttp import web

        log = logging.getLogger(__name__)

        async def handle_manifest(request):
            storage = request.app["storage"]
            files = os.listdir(os.path.join(storage.root, "themes"))
            level = logging.INFO
            log.log(level, "listing for %s", request.query.get("who", ""))
            log.log(level, "listing for %r", request.query.get("who", ""))
            return web.json_response({"files": files})
        """#
        #expect(try found(source) == ["11:ASC1117"])
        #expect(try found(source.replacingOccurrences(of: #"storage = request.app["storage"]"#, with: #"storage = request.query"#)) == ["9:ASC1022", "11:ASC1117"])
    }

    /// A URL field of a stored record (`sub.callback_url`) is one some user registered: a
    /// request to it goes where they chose, unless the file checks URL hosts where they are
    /// registered.
    @Test func storedURLFields() throws {
        let source = #"""
        import json
        from urllib.parse import urlsplit

        import requests

        PARTNER_HOSTS = {"hooks.partner.example"}

        def deliver(sub, event):
            body = json.dumps({"event": event}).encode()
            return requests.post(sub.callback_url, data=body, timeout=5).status_code

        def register(store, sub):
            store.save(sub)
        """#
        #expect(try found(source) == ["10:ASC1918"])
        let checked = source.replacingOccurrences(of: "    store.save(sub)", with: """
            if (urlsplit(sub.callback_url).hostname or "") not in PARTNER_HOSTS:
                raise ValueError("not a partner host")
            store.save(sub)
        """)
        #expect(try found(checked) == [])
    }

    /// A parser a helper of the file makes (`parser = _manifest_parser()`) is judged by what
    /// the helper returns.
    @Test func parserFactories() throws {
        let source = #"""
        from lxml import etree

        def _manifest_parser():
            return etree.XMLParser(resolve_entities=True, no_network=False)

        def import_manifest(request):
            parser = _manifest_parser()
            root = etree.fromstring(request.FILES["manifest"].read(), parser)
            return root.tag
        """#
        #expect(try found(source) == ["8:ASC1611"])
        #expect(try found(source.replacingOccurrences(of: "resolve_entities=True, no_network=False", with: "resolve_entities=False, no_network=True")) == [])
    }

    /// A Tornado handler's `get(self, version, page)` receives the URL's groups: the client's
    /// text, unless every pattern routing there holds the group to a plain word.
    @Test func tornadoRouteGroups() throws {
        let source = #"""
        import os
        import tornado.web


        class DocsPageHandler(tornado.web.RequestHandler):
            def initialize(self, root):
                self.root = root

            def get(self, version, page):
                path = os.path.join(self.root, version, page)
                with open(path, "rb") as fh:
                    self.write(fh.read())


        def make_app(root="/srv/docs"):
            return tornado.web.Application([(r"/docs/([A-Za-z0-9._-]+)/(.*)", DocsPageHandler, {"root": root})])
        """#
        #expect(try found(source) == ["11:ASC1022"])
        let plain = source.replacingOccurrences(of: #"([A-Za-z0-9._-]+)/(.*)"#, with: #"([a-z0-9][a-z0-9-]*)/(\d+)"#)
        #expect(try found(plain) == [])
        // A leading dot is allowed there: `..` climbs out of the root.
        #expect(try found(source.replacingOccurrences(of: #"/(.*)""#, with: #"/([a-z0-9][a-z0-9-]*)""#)) == ["11:ASC1022"])
    }

    /// A record a helper returns (a dict with constant keys, a dataclass its class method
    /// makes) is read key by key: `q.loa` is what `float(...)` made of the argument, `q.vessel`
    /// the client's text.
    @Test func recordsReturnedKeyByKey() throws {
        let source = #"""
        import logging
        from dataclasses import dataclass
        from flask import Flask, request

        app = Flask(__name__)
        log = logging.getLogger(__name__)


        def parse(params):
            return {"vessel": params.get("vessel", ""), "loa": float(params.get("loa", "10"))}


        @dataclass
        class BoardQuery:
            vessel: str
            loa: float

            @classmethod
            def from_params(cls, params):
                return cls(vessel=params.get("vessel", ""), loa=float(params.get("loa", "10")))


        @app.get("/a")
        def a():
            r = parse(request.args)
            log.info("loa=%s", r["loa"])
            q = BoardQuery.from_params(request.args)
            log.info("loa=%s", q.loa)
            q2 = BoardQuery(vessel=request.args["v"], loa=float(request.args["l"]))
            log.info("loa=%s", q2.loa)
            log.info("vessel=%s", q2.vessel)
            return "ok"
        """#
        #expect(try found(source) == ["31:ASC1117"])
        #expect(try found(source.replacingOccurrences(of: #""loa": float(params.get("loa", "10"))"#, with: #""loa": params.get("loa", "10")"#))
            == ["26:ASC1117", "31:ASC1117"])
        #expect(try found(source.replacingOccurrences(of: #"loa=float(params.get("loa", "10")))"#, with: #"loa=params.get("loa", "10"))"#))
            == ["28:ASC1117", "31:ASC1117"])
    }

    /// `TicketFilter.from_args(request.args)`, a class method returning `cls(...)`, makes an
    /// instance: a function it is passed to reads its fields one by one (`flt.page`, an int).
    @Test func classMethodFactories() throws {
        let source = #"""
        import sqlite3
        from dataclasses import dataclass
        from flask import Flask, request

        app = Flask(__name__)
        PAGE_SIZE = 25


        @dataclass
        class TicketFilter:
            status: str
            page: int = 1

            @classmethod
            def from_args(cls, args):
                try:
                    page = max(int(args.get("page", 1)), 1)
                except ValueError:
                    page = 1
                return cls(status=args.get("status", "open"), page=page)


        def build_query(flt):
            offset = (flt.page - 1) * PAGE_SIZE
            sql = f"SELECT id FROM tickets WHERE status = ? LIMIT {PAGE_SIZE} OFFSET {offset}"
            return sql, [flt.status]


        @app.route("/tickets/search")
        def search_tickets():
            flt = TicketFilter.from_args(request.args)
            sql, params = build_query(flt)
            return str(sqlite3.connect("x").execute(sql, params).fetchall())


        @app.route("/t2")
        def t2():
            flt = TicketFilter.from_args(request.args)
            return str(sqlite3.connect("x").execute(f"SELECT {flt.page}").fetchall())
        """#
        #expect(try found(source) == [])
        #expect(try found(source.replacingOccurrences(of: #"page = max(int(args.get("page", 1)), 1)"#, with: #"page = args.get("page", 1)"#))
            == ["33:ASC1089", "39:ASC1089"])
    }

    /// A Kafka consumer yields what producers wrote (its records' offsets are the broker's);
    /// a filter keeping printable characters only leaves no line break; a value checked for a
    /// leading `-` cannot be read as an option.
    @Test func kafkaRecordsAndCharacterChecks() throws {
        let source = #"""
        import logging
        import subprocess
        from kafka import KafkaConsumer

        log = logging.getLogger(__name__)


        def clean(value):
            return "".join(ch if ch.isprintable() else "?" for ch in str(value))


        def remove(image):
            if image.startswith("-"):
                return False
            return subprocess.call(["docker", "rmi", "-f", image]) == 0


        def main():
            for record in KafkaConsumer("events"):
                log.info("event %s at offset %s", clean(record.value), record.offset)
                remove(record.value.decode())
        """#
        #expect(try found(source) == [])
        #expect(try found(source.replacingOccurrences(of: "clean(record.value)", with: "record.value")) == ["20:ASC1117"])
        #expect(try found(source.replacingOccurrences(of: """
                if image.startswith("-"):
                    return False

            """, with: "")) == ["13:ASC1088"])
    }

    /// A local path checked on the URL as a browser reads it (backslashes made slashes) stays
    /// on the site; the same checks on the raw text miss `/\\evil.example`.
    @Test func redirectCheckedWithBackslashesNormalised() throws {
        let source = #"""
        from urllib.parse import urlparse
        from flask import Flask, redirect, request

        app = Flask(__name__)


        def local_path(target):
            parts = urlparse(target.replace("\\", "/"))
            if parts.scheme or parts.netloc or not target.startswith("/") or target.startswith("//"):
                return "/"
            return target


        @app.get("/after-login")
        def after_login():
            return redirect(local_path(request.args.get("next", "/")))
        """#
        #expect(try found(source) == [])
        #expect(try found(source.replacingOccurrences(of: #"target.replace("\\", "/")"#, with: "target")) == ["16:ASC1601"])
    }

    /// Headers put in a dict for a request the program sends are no response's; a response's
    /// are (17). aiohttp's `request.get(key)` is what middleware stored on the request.
    @Test func outgoingHeadersAndRequestStorage() throws {
        let source = #"""
        import logging
        import aiohttp
        from aiohttp import web

        log = logging.getLogger(__name__)


        async def test_webhook(request):
            payload = await request.json()
            h = {"Content-Type": "application/json"}
            h["X-Signature"] = payload.get("signature", "")
            async with aiohttp.ClientSession() as session:
                async with session.post("https://hooks.example.com/in", json={}, headers=h, timeout=5) as resp:
                    status = resp.status
            log.info(f'test for tenant {request.get("tenant_id")} returned {status}')
            response = web.json_response({"status": status})
            response.headers["X-Signature"] = payload.get("signature", "")
            return response
        """#
        #expect(try found(source) == ["17:ASC1113"])
        #expect(try found(source.replacingOccurrences(of: #"request.get("tenant_id")"#, with: #"payload.get("tenant_id")"#))
            == ["15:ASC1117", "17:ASC1113"])
    }

    /// What a store's write returns (`insert`: an id, a count, a flag) forges no log line; what
    /// another method returns of the data it was given may.
    @Test func storeWritesReturnNoText() throws {
        let source = #"""
        import logging
        import falcon

        log = logging.getLogger(__name__)


        class RuleCollection:
            def __init__(self, store):
                self.store = store

            def on_post(self, req, resp):
                body = req.get_media()
                rid = self.store.insert(body["title"], body["source"])
                log.info(f"rule {rid} created")
                copy = self.store.clone(body["title"])
                log.info("rule %s cloned", copy)
                resp.status = falcon.HTTP_201
        """#
        #expect(try found(source) == ["16:ASC1117"])
    }

    /// Bottle's `FileUpload.save(directory)` writes where the request says; the directory made
    /// for it just before is the same flaw, reported once at the write.
    @Test func bottleUploadSavedIntoRequestedFolder() throws {
        let source = #"""
        import os
        from bottle import Bottle, request

        app = Bottle()
        ROOT = "/srv/share"


        @app.post("/upload")
        def upload():
            folder = request.forms.get("folder", "misc")
            item = request.files.get("file")
            target_dir = os.path.join(ROOT, folder)
            os.makedirs(target_dir, exist_ok=True)
            item.save(target_dir, overwrite=True)
            return {"ok": True}
        """#
        #expect(try found(source) == ["14:ASC1022"])
        #expect(try found(source.replacingOccurrences(of: #"os.path.join(ROOT, folder)"#, with: #"os.path.join(ROOT, os.path.basename(folder))"#)) == [])
    }

    /// A value checked to start with fixed text other than a dash (`https://`, `git@`) is no
    /// option to the program it is given to; a check that lets a dash through proves nothing.
    @Test func fixedStartIsNoOption() throws {
        let source = #"""
        import subprocess
        import requests


        def mirror(api):
            for repo in requests.get(api + "/repos", timeout=10).json():
                clone_url = repo["clone_url"]
                if not clone_url.startswith(("https://", "git@")):
                    continue
                subprocess.check_call(["git", "clone", "--mirror", clone_url, "/srv/mirrors/x"])
        """#
        #expect(try found(source) == [])
        #expect(try found(source.replacingOccurrences(of: #"("https://", "git@")"#, with: #"("https://", "-")"#)) == ["10:ASC1088"])
    }

    /// A domain whose every label matched the program's pattern whole is no option or path; an
    /// uploaded file object opened as an archive is no path.
    @Test func splitLabelsCheckedAndUploadedFileObjects() throws {
        let source = #"""
        import re
        import subprocess
        import zipfile
        from flask import Flask, request

        app = Flask(__name__)
        LABEL_RE = re.compile(r"[a-z0-9-]{1,63}")


        def valid_domain(name):
            return all(LABEL_RE.fullmatch(label) for label in name.split("."))


        @app.get("/dig")
        def dig():
            domain = request.args.get("domain", "")
            if not valid_domain(domain):
                return "bad", 400
            return subprocess.check_output(["dig", "+short", domain], timeout=10)


        @app.post("/plugins")
        def plugins():
            upload = request.files.get("plugin")
            with zipfile.ZipFile(upload) as archive:
                return {"names": archive.namelist()}
        """#
        #expect(try found(source) == [])
        #expect(try found(source.replacingOccurrences(of: "LABEL_RE.fullmatch(label)", with: "label")) == ["19:ASC1088"])
        #expect(try found(source.replacingOccurrences(of: #"request.files.get("plugin")"#, with: #"request.form.get("plugin")"#)) == ["25:ASC1022"])
    }

    /// What the platform fills in a Lambda event (the authorizer's claims, a Kinesis record's
    /// sequence number) is no client's text.
    @Test func platformFilledEventFields() throws {
        let source = #"""
        import logging

        log = logging.getLogger(__name__)


        def handler(event, context):
            claims = event["requestContext"]["authorizer"]["claims"]
            log.info(f'tenant {claims["custom:tenant_id"]}')
            for record in event.get("Records", []):
                log.info("record %s", record["kinesis"]["sequenceNumber"])
            return {"statusCode": 200}
        """#
        #expect(try found(source) == [])
        #expect(try found(source.replacingOccurrences(of: #"["sequenceNumber"]"#, with: #"["data"]"#)) == ["10:ASC1117"])
    }

    /// A Tornado WebSocket handler's message is the client's; `nh3.clean` makes it safe markup,
    /// and `self.reverse_url` builds a path of this site.
    @Test func tornadoWebSocketsAndSitePaths() throws {
        let source = #"""
        import tornado.web
        import tornado.websocket
        import nh3
        from markupsafe import Markup


        class RoomHandler(tornado.web.RequestHandler):
            def post(self):
                room = self.get_body_argument("room")
                self.redirect(self.reverse_url("room", room))


        class ChatSocket(tornado.websocket.WebSocketHandler):
            def on_message(self, message):
                self.write_message(Markup(nh3.clean(message)))
                self.write_message(Markup(message))
        """#
        #expect(try found(source) == ["16:ASC1079"])
        #expect(try found(source.replacingOccurrences(of: "self.reverse_url(\"room\", room)", with: "room")) == ["10:ASC1601", "16:ASC1079"])
    }

    /// A pydantic `Literal[...]` field is one of its constants; an environment a constructor is
    /// given, declared sandboxed, runs a template with no access to Python's objects.
    @Test func literalFieldsAndDeclaredSandboxes() throws {
        let source = #"""
        import logging
        from typing import Literal

        from fastapi import FastAPI
        from jinja2.sandbox import ImmutableSandboxedEnvironment
        from pydantic import BaseModel

        app = FastAPI()
        log = logging.getLogger(__name__)


        class Export(BaseModel):
            fmt: Literal["csv", "json"]
            title: str


        class Preview:
            def __init__(self, environment: ImmutableSandboxedEnvironment):
                self.environment = environment

            def render(self, source):
                return self.environment.from_string(source).render()


        @app.post("/export")
        def export(body: Export):
            log.info("export as %s", body.fmt)
            return {"html": Preview(ImmutableSandboxedEnvironment()).render(body.title)}
        """#
        #expect(try found(source) == [])
        #expect(try found(source.replacingOccurrences(of: #"fmt: Literal["csv", "json"]"#, with: "fmt: str")
            .replacingOccurrences(of: "environment: ImmutableSandboxedEnvironment)", with: "environment)")) == ["22:ASC1079", "27:ASC1117"])
    }

    /// A tuple bound to a name keeps each position's data apart for the unpacking that follows.
    @Test func tuplePositions() throws {
        let source = #"""
        import os
        import uuid
        from flask import Flask, request

        app = Flask(__name__)

        @app.post("/up")
        def up():
            upload = (uuid.uuid4().hex + ".png", request.form["data"])
            filename, data = upload
            with open(os.path.join("/srv", filename), "w") as fh:
                fh.write(data)
            return "ok"
        """#
        #expect(try found(source) == [])
        #expect(try found(source.replacingOccurrences(of: #"uuid.uuid4().hex + ".png""#, with: #"request.form["name"]"#)) == ["11:ASC1022"])
    }

    /// Signing a cookie keeps the client from changing it, not from choosing it: what the file
    /// signed from the request comes back the client's.
    @Test func signedCookiesHoldWhatWasSigned() throws {
        let source = #"""
        import os
        from bottle import redirect, request, response, route

        SECRET = os.environ["COOKIE_SECRET"]
        TARGET_COOKIE = "after_login"

        @route("/login")
        def login_form():
            response.set_cookie(TARGET_COOKIE, request.query.get("next", "/"), secret=SECRET)
            return "form"

        @route("/login", method="POST")
        def login_submit():
            target = request.get_cookie(TARGET_COOKIE, secret=SECRET)
            redirect(target or "/")
        """#
        #expect(try found(source) == ["15:ASC1601"])
        #expect(try found(source.replacingOccurrences(of: #"request.query.get("next", "/")"#, with: #""/home""#)) == [])
    }

    /// A store object the handlers share: what one request added to its container (a record,
    /// key by key), another reads back. A key the store filled itself is its own.
    @Test func sharedStoreObjects() throws {
        let source = #"""
        import uuid
        import requests
        from flask import Flask, request

        app = Flask(__name__)

        class HookStore:
            def __init__(self):
                self._hooks = {}

            def add(self, name, url):
                hook = {"id": uuid.uuid4().hex, "name": name, "url": url}
                self._hooks[hook["id"]] = hook
                return hook["id"]

            def get(self, hook_id):
                return self._hooks.get(hook_id)

        store = HookStore()

        @app.post("/hooks")
        def register():
            return store.add(request.form["name"], request.form["url"])

        @app.post("/hooks/<hook_id>/test")
        def test_hook(hook_id):
            hook = store.get(hook_id)
            return str(requests.post(hook["url"], json={"ping": True}, timeout=5).status_code)
        """#
        #expect(try found(source) == ["28:ASC1918"])
        #expect(try found(source.replacingOccurrences(of: #""url": url}"#, with: #""url": "https://hooks.example.com/in"}"#)) == [])
    }

    /// A whole-text pattern whose groups may hold quotes or brackets parses the text; it
    /// checks nothing of what a group holds. One of digits and operators does.
    @Test func parsingPatternsCheckNothing() throws {
        let source = #"""
        import re
        from flask import Flask, request

        app = Flask(__name__)
        COMMAND_RE = re.compile(r"^!calc\s+(?P<expr>.+)$")

        @app.post("/cmd")
        def cmd():
            m = COMMAND_RE.match(request.form["text"])
            if m is None:
                return "usage"
            return str(eval(m["expr"]))
        """#
        #expect(try found(source) == ["12:ASC1095"])
        #expect(try found(source.replacingOccurrences(of: "(?P<expr>.+)", with: "(?P<expr>[0-9+*/ -]+)")) == [])
    }

    /// A reply from a server the program chose is that server's document; from a URL the
    /// client chose, the client's (entities and all).
    @Test func repliesOfChosenServers() throws {
        let source = #"""
        import requests
        from lxml import etree
        from flask import Flask, request

        app = Flask(__name__)
        FEED_URL = "https://feeds.example.com/catalog.xml"

        @app.get("/catalog")
        def catalog():
            body = requests.get(FEED_URL, timeout=10).content
            root = etree.fromstring(body)
            return str(len(root))
        """#
        #expect(try found(source) == [])
        #expect(try found(source.replacingOccurrences(of: "requests.get(FEED_URL, timeout=10)", with: #"requests.get(request.args["feed"], timeout=10)"#)) == ["10:ASC1918", "11:ASC1611"])
    }

    /// Text built with `%r` or `{x!r}` holds the values' reprs: no line break to forge a log
    /// line with. `%s` or a plain `{x}` copies them.
    @Test func reprFormatting() throws {
        let source = #"""
        import logging
        from flask import Flask, request

        app = Flask(__name__)
        log = logging.getLogger(__name__)

        def describe(form):
            return "user=%r realm=%r" % (form.get("user"), form.get("realm"))

        @app.post("/event")
        def event():
            summary = describe(request.form)
            note = f"note={request.form.get('note')!r}"
            log.info("event %s %s", summary, note)
            return "ok"
        """#
        #expect(try found(source) == [])
        #expect(try found(source.replacingOccurrences(of: #""user=%r realm=%r""#, with: #""user=%s realm=%r""#)) == ["14:ASC1117"])
        #expect(try found(source.replacingOccurrences(of: "get('note')!r}", with: "get('note')}")) == ["14:ASC1117"])
    }

    /// A record bound to a name and returned unchanged is returned key by key, as one written
    /// in the `return` is.
    @Test func recordsReturnedByName() throws {
        let source = #"""
        import logging
        import uuid

        log = logging.getLogger(__name__)

        class Store:
            def __init__(self):
                self._hooks = {}

            def add(self, name, url):
                hook = {"id": uuid.uuid4().hex, "name": name, "url": url}
                self._hooks[hook["id"]] = hook
                return hook

        class HooksResource:
            def __init__(self, store: Store):
                self.store = store

            def on_post(self, req, resp):
                hook = self.store.add(req.media["name"], req.media["url"])
                log.info(f'registered {hook["id"]}')
        """#
        #expect(try found(source) == [])
        #expect(try found(source.replacingOccurrences(of: #""id": uuid.uuid4().hex"#, with: #""id": name"#)) == ["21:ASC1117"])
    }

    /// A helper's command list built piece by piece (`parts += [...]`) is judged as built: a
    /// fixed program, and the host after `--` no option.
    @Test func commandListsBuiltByPieces() throws {
        let source = #"""
        import subprocess
        from flask import Flask, request

        app = Flask(__name__)

        def ping_command(host):
            parts = ["ping", "-c", "3"]
            parts += ["--", host]
            return parts

        @app.post("/ping")
        def ping():
            return subprocess.run(ping_command(request.form["host"]), capture_output=True).stdout
        """#
        #expect(try found(source) == [])
        #expect(try found(source.replacingOccurrences(of: #"parts += ["--", host]"#, with: "parts += [host]")) == ["13:ASC1088"])
    }

    /// A property read of an instance made here sees its attributes as checks since left them.
    @Test func propertiesAfterChecks() throws {
        let source = #"""
        import os, re
        from dataclasses import dataclass
        from flask import Flask, request, send_file
        app = Flask(__name__)
        GEOMETRY_RE = re.compile(r"^\d{1,4}x\d{1,4}$")

        @dataclass
        class ThumbJob:
            source: str
            geometry: str

            @property
            def output_path(self) -> str:
                stem = os.path.splitext(os.path.basename(self.source))[0]
                return os.path.join("/cache", f"{stem}_{self.geometry}.png")

        @app.post("/b")
        def b():
            job = ThumbJob(source=request.form["source"], geometry=request.form["size"])
            if not GEOMETRY_RE.match(job.geometry):
                return "bad", 400
            return send_file(job.output_path)
        """#
        #expect(try found(source) == [])
        #expect(try found(source.replacingOccurrences(of: "    if not GEOMETRY_RE.match(job.geometry):\n        return \"bad\", 400\n", with: "")) == ["20:ASC1022"])
    }

    /// `await loop.run_in_executor(None, f, x)` gives what `f(x)` returns.
    @Test func executorResults() throws {
        let source = #"""
        import asyncio
        import os
        from aiohttp import web

        def render(name):
            return os.path.join("/cache", os.path.basename(name))

        async def thumbnail(request):
            form = await request.post()
            loop = asyncio.get_running_loop()
            path = await loop.run_in_executor(None, render, str(form.get("source", "")))
            return web.FileResponse(path)
        """#
        #expect(try found(source) == [])
        #expect(try found(source.replacingOccurrences(of: "os.path.basename(name)", with: "name")) == ["12:ASC1022"])
    }

    /// A helper's command list whose program is a setting of the module's settings object
    /// runs the operator's program: no command injected (whether an option can be is judged
    /// apart, and is still reported here: a gap noted in the architecture notes).
    @Test func settingsPrograms() throws {
        let source = #"""
        import subprocess
        from fastapi import FastAPI
        from pydantic import BaseModel

        app = FastAPI()

        class Settings:
            renderer = "/usr/bin/wkhtmltopdf"

        settings = Settings()

        class ExportRequest(BaseModel):
            title: str

        def render_command(req: ExportRequest):
            return [settings.renderer, "--output", "out.pdf", "--", req.title]

        @app.post("/export")
        def export(req: ExportRequest):
            return subprocess.run(render_command(req), capture_output=True).returncode
        """#
        #expect(try !found(source).contains("20:ASC1078"))
        #expect(try found(source.replacingOccurrences(of: #"[settings.renderer, "--output""#, with: #"[req.title, "--output""#)) == ["20:ASC1078"])
    }

    /// A method called on an object no binding shows (a loop over a shared inbox), the file's
    /// only method of that name: what it returns of the object, escaped as it escapes it.
    @Test func uniqueMethodsOfUnboundObjects() throws {
        let source = #"""
        import collections
        import html
        from flask import Flask, request

        app = Flask(__name__)
        INBOX = collections.deque(maxlen=200)

        class Message:
            def __init__(self, sender, text):
                self.sender = sender
                self.text = text

            def as_row(self):
                return f"<li><b>{html.escape(self.sender)}</b> {html.escape(self.text)}</li>"

        @app.post("/hook")
        def hook():
            INBOX.appendleft(Message(request.form["from"], request.form["text"]))
            return "ok"

        @app.get("/inbox")
        def inbox():
            rows = "".join(m.as_row() for m in INBOX)
            return "<ul>" + rows + "</ul>"
        """#
        #expect(try found(source) == [])
        #expect(try found(source.replacingOccurrences(of: "{html.escape(self.text)}", with: "{self.text}")) == ["24:ASC1079"])
    }

    /// A line appended to a file the program keeps (an audit log) is a log line: the client's
    /// line break forges the next entry, unless written with `!r`. A file written whole is not.
    @Test func linesAppendedToFiles() throws {
        let source = #"""
        from flask import Flask, request

        app = Flask(__name__)
        AUDIT_PATH = "/var/log/refunds/audit.log"

        def audit(actor, detail):
            line = f"{actor} {detail}\n"
            with open(AUDIT_PATH, "a", encoding="utf-8") as fh:
                fh.write(line)

        @app.post("/refund")
        def refund():
            audit("cashier", request.form["reason"])
            return "ok"
        """#
        #expect(try found(source) == ["9:ASC1117"])
        #expect(try found(source.replacingOccurrences(of: "{detail}", with: "{detail!r}")) == [])
        #expect(try found(source.replacingOccurrences(of: #""a", encoding"#, with: #""w", encoding"#)) == [])
    }

    /// A module table declared with a type (`WIDGETS: Dict[str, dict] = {}`) is shared by the
    /// handlers as one assigned plainly is.
    @Test func annotatedModuleTables() throws {
        let source = #"""
        import uuid
        from typing import Dict
        import requests
        from flask import Flask, request

        app = Flask(__name__)
        WIDGETS: Dict[str, dict] = {}

        @app.post("/widgets")
        def add_widget():
            widget_id = uuid.uuid4().hex
            WIDGETS[widget_id] = {"source": request.form["source_url"]}
            return widget_id

        @app.get("/widgets/<widget_id>")
        def widget_data(widget_id):
            widget = WIDGETS[widget_id]
            return requests.get(widget["source"], timeout=5).text
        """#
        #expect(try found(source) == ["18:ASC1918"])
        #expect(try found(source.replacingOccurrences(of: #"request.form["source_url"]"#, with: #""https://feeds.example.com/x""#)) == [])
    }
}
