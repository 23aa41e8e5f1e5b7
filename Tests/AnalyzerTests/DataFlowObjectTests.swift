@testable import Analyzer
import PythonSyntax
import Testing

/// Objects, checks and helpers the data flow follows since stop 19 (each case taken from a
/// kind of code a blind corpus showed it missing or misjudging).
@Suite("Data flow: objects, checked attributes and helpers")
struct DataFlowObjectTests: FindsFlows {
    /// `self.compile()` in another method hands the callee's attributes on to the callers, who
    /// know what the constructor was given.
    @Test func ownMethodCallsHandOnAttributes() throws {
        let source = """
        import re
        from fastapi import APIRouter, Query

        router = APIRouter()

        class LogMatcher:
            def __init__(self, pattern):
                self.pattern = pattern

            def compile(self):
                return re.compile(self.pattern)

            def matches(self, line):
                return self.compile().search(line) is not None

        @router.get("/logs")
        def search(q: str = Query(...)):
            return LogMatcher(q).matches("line")
        """
        #expect(try found(source) == ["11:ASC1333"])
        #expect(try found(source.replacingOccurrences(of: "LogMatcher(q)", with: "LogMatcher(\"ERROR\")")).isEmpty)
    }

    /// A FastAPI dependency class: each attribute is what its constructor stored of the
    /// request's values, an allow-list lookup made safe.
    @Test func dependencyClassFieldsAsTheConstructorLeftThem() throws {
        let source = """
        from fastapi import APIRouter, Depends, Query
        from sqlalchemy import text

        router = APIRouter()
        SORTABLE = {"issued": "issued_on", "amount": "total_cents"}

        class Filters:
            def __init__(self, customer: str = Query(None), sort: str = Query("issued")):
                self.customer = customer
                self.sort = SORTABLE.get(sort, "issued_on")

        @router.get("/by-sort")
        def by_sort(filters: Filters = Depends(), db=Depends(get_db)):
            return db.execute(text(f"SELECT id FROM invoices ORDER BY {filters.sort}")).all()

        @router.get("/by-customer")
        def by_customer(filters: Filters = Depends(), db=Depends(get_db)):
            return db.execute(text(f"SELECT id FROM invoices WHERE c = '{filters.customer}'")).all()
        """
        #expect(try found(source) == ["18:ASC1089"])
    }

    /// A check on an attribute (`REF.fullmatch(request.ref)` then abort) holds at later reads;
    /// a helper's list of command lists names its program; the instance's own attribute
    /// (`self.root`, the operator's) joined with the checked value keeps the check.
    @Test func checkedAttributesAndListsOfCommands() throws {
        let source = """
        import os, re, subprocess
        import grpc
        from deploy_pb2_grpc import DeployServicer
        REF = re.compile(r"[A-Za-z0-9][A-Za-z0-9._/-]{0,99}")
        ROOT = os.environ.get("ROOT", "/srv")

        class Servicer(DeployServicer):
            def __init__(self, root=ROOT):
                self.root = root

            def _cmds(self, repo_dir, ref):
                return [["git", "-C", repo_dir, "fetch"], ["git", "-C", repo_dir, "checkout", ref]]

            def Deploy(self, request, context):
                if not REF.fullmatch(request.ref):
                    context.abort(grpc.StatusCode.INVALID_ARGUMENT, "bad ref")
                for cmd in self._cmds(self.root, request.ref):
                    subprocess.run(cmd, timeout=60)

            def Run(self, request, context):
                for cmd in self._cmds(self.root, request.ref):
                    subprocess.run(cmd, timeout=60)
        """
        // `Run` has no check: the ref may start with a dash (an option), but the program is fixed.
        #expect(try found(source) == ["22:ASC1088"])
    }

    /// A singleton's factory function names the receiver's class; a response fetched with a
    /// client an instance keeps is another party's data; paho-mqtt's message callback
    /// receives what another device published.
    @Test func factoriesKeptClientsAndMQTTCallbacks() throws {
        let source = """
        import io, json, os, xml.sax
        import paho.mqtt.client as mqtt
        import requests
        from ldap3 import Connection
        from xml.sax.handler import feature_external_ges
        from flask import Flask, request

        app = Flask(__name__)

        class Directory:
            def __init__(self):
                self.conn = Connection("ldap://x")

            def lookup(self, value):
                self.conn.search("dc=x", "(uid=%s)" % value)

        _directory = None

        def directory():
            global _directory
            if _directory is None:
                _directory = Directory()
            return _directory

        @app.get("/who")
        def who():
            directory().lookup(request.args["q"])
            return "ok"

        class Feed:
            def __init__(self, session=None):
                self.session = session or requests.Session()

            def fetch(self, url):
                return self.session.get(url, timeout=10).content

        def refresh():
            parser = xml.sax.make_parser()
            parser.setFeature(feature_external_ges, True)
            parser.parse(io.BytesIO(Feed().fetch("https://partner.example/feed")))

        class Gateway:
            def __init__(self):
                self.client = mqtt.Client()
                self.client.on_message = self.on_message

            def on_message(self, client, userdata, message):
                name = json.loads(message.payload)["name"]
                open(os.path.join("/var/lib/uploads", name), "wb")
        """
        #expect(try found(source) == ["15:ASC1090", "40:ASC1611", "49:ASC1022"])
    }

    /// A method returning `self` (or declared to return a class of the file) names the class
    /// of what it gives back; a Flask `MethodView`'s `get(self, accession)` takes the URL's
    /// variables; Tornado's `self.redirect(url)` is a redirect.
    @Test func fluentReceiversMethodViewsAndTornadoRedirects() throws {
        let source = """
        import os
        from typing import Optional
        from flask import Flask, g, jsonify, request
        from flask.views import MethodView
        from ldap3 import Connection
        from lxml import etree

        app = Flask(__name__)

        class Directory:
            def __init__(self, conn):
                self.conn = conn
                self.dept: Optional[str] = None

            def scope_to(self, dept) -> "Directory":
                self.dept = dept
                return self

            def search(self, fragment):
                self.conn.search("dc=x", f"(cn=*{fragment}*)")

        def get_directory() -> Directory:
            if "directory" not in g:
                g.directory = Directory(Connection("ldap://x"))
            return g.directory

        @app.get("/people")
        def people():
            directory = get_directory().scope_to(request.args.get("dept"))
            directory.search(request.args["q"])
            return "ok"

        class ObjectAPI(MethodView):
            def get(self, accession):
                tree = etree.parse("catalog.xml")
                return jsonify(len(tree.xpath(f"//object[@id='{accession}']")))
        """
        #expect(try found(source) == ["20:ASC1090", "36:ASC1643"])
        let tornado = """
        import tornado.web

        class LoginHandler(tornado.web.RequestHandler):
            def post(self):
                self.set_secure_cookie("user", "x")
                self.redirect(self.get_argument("next", "/"))
        """
        #expect(try found(tornado) == ["6:ASC1601"])
    }

    /// A constructor's checks hold for what an instance made here holds (`job.size`, read
    /// directly); a real path never starts an option; a module table of one class's instances
    /// names the class of what it gives; an opener urllib built fetches like `urlopen` (its
    /// URL is a sink, its content no longer the request's).
    @Test func checkedConstructorsTablesOfInstancesAndOpeners() throws {
        let source = """
        import os, re, subprocess, urllib.request
        from flask import Flask, Response, request

        app = Flask(__name__)
        SIZE_RE = re.compile(r"\\d{1,4}x\\d{1,4}")

        class Job:
            def __init__(self, data):
                self.size = data["size"]
                self.source = data["source"]
                if not SIZE_RE.fullmatch(self.size):
                    raise ValueError("bad size")

            def source_path(self):
                return os.path.realpath(os.path.join("/srv/uploads", self.source))

        class Index:
            def __init__(self, path):
                self.path = path

            def matcher(self, needle):
                return re.compile(needle)

        INDEXES = {"api": Index("/var/log/api.log"), "worker": Index("/var/log/worker.log")}

        @app.post("/convert")
        def convert():
            job = Job(request.get_json())
            subprocess.run(["convert", job.source_path(), "-resize", job.size, "out.png"], timeout=60)
            return "ok"

        @app.get("/search")
        def search():
            index = INDEXES.get(request.args.get("stream", "api"))
            index.matcher(request.args["q"])
            return "ok"

        @app.get("/img")
        def image():
            opener = urllib.request.build_opener()
            with opener.open(request.args["src"], timeout=5) as resp:
                data = resp.read()
            return Response(data, mimetype="image/png")
        """
        #expect(try found(source) == ["22:ASC1333", "41:ASC1918"])
        // Without the constructor's check the size is the request's again.
        #expect(try found(source.replacingOccurrences(of: "if not SIZE_RE.fullmatch(self.size):", with: "if False:")) == ["22:ASC1333", "29:ASC1088", "41:ASC1918"])
    }

    /// Flask's request object handed whole to a helper is the client's data; a client kept in
    /// the application's registry and passed to a helper makes its verbs requests.
    @Test func requestObjectsAndRegistryClients() throws {
        let source = """
        import os
        from aiohttp import ClientSession, web
        from flask import Flask, request, render_template_string

        app = Flask(__name__)
        routes = web.RouteTableDef()

        def helper(req):
            return req.args["x"]

        @app.route("/a")
        def a():
            os.system(helper(request))
            return "ok"

        async def fetch_page(session, url):
            async with session.get(url) as resp:
                return await resp.text()

        @routes.post("/preview")
        async def preview(req):
            data = await req.json()
            return web.json_response({"page": await fetch_page(req.app["http"], data["url"])})

        async def open_session(web_app):
            web_app["http"] = ClientSession()
        """
        #expect(try found(source) == ["13:ASC1078", "17:ASC1918"])
        // The registry holding something else: no client, no request.
        #expect(try found(source.replacingOccurrences(of: "ClientSession()", with: "dict()")) == ["13:ASC1078"])
    }

    /// A stream handler wrapped in a lambda reads the client; `cls(...)` in a class method is a
    /// construction, and the instance it returns holds what it was given; a date parsed from
    /// text and a file's size are no text to log; a command list never changed after it is
    /// written, with the value after `--title`, starts no option.
    @Test func classMethodInstancesStreamLambdasAndPlainValues() throws {
        let source = """
        import asyncio, logging, os, subprocess
        from datetime import date
        from django.db import connection
        from django.utils.dateparse import parse_date
        from lxml import etree

        log = logging.getLogger(__name__)

        async def handle_client(reader, writer, store):
            payload = await reader.read(65536)
            etree.fromstring(payload, etree.XMLParser(resolve_entities=True))

        async def main(store):
            await asyncio.start_server(lambda r, w: handle_client(r, w, store), "127.0.0.1", 9000)

        class Search:
            def __init__(self, term):
                self.term = term

            @classmethod
            def from_request(cls, request):
                return cls(request.GET.get("q", ""))

            def run(self):
                with connection.cursor() as cursor:
                    cursor.execute("SELECT id FROM m WHERE name = '" + self.term + "'")

        def search(request):
            found = Search.from_request(request)
            found.run()
            start = parse_date(request.GET.get("from", "")) or date.today()
            with open(os.path.basename(request.GET.get("f", "r.csv"))) as fh:
                size = os.fstat(fh.fileno()).st_size
            log.info("report from %s, %s bytes", start, size)
            title = request.GET.get("title", "")
            cmd = ["wkhtmltopdf", "--title", title, "in.html", "out.pdf"]
            subprocess.run(cmd, timeout=60)
            more = ["wkhtmltopdf", "in.html"]
            more.append(title)
            subprocess.run(more, timeout=60)
        """
        #expect(try found(source) == ["11:ASC1611", "26:ASC1089", "40:ASC1088"])
        // The value logged as it came, or the list changed after it is written: each reported.
        #expect(try found(source.replacingOccurrences(of: "size = os.fstat(fh.fileno()).st_size", with: "size = fh.name"))
            == ["11:ASC1611", "26:ASC1089", "34:ASC1117", "40:ASC1088"])
        #expect(try found(source.replacingOccurrences(of: " or date.today()", with: "").replacingOccurrences(of: "parse_date(request", with: "str(request"))
            == ["11:ASC1611", "26:ASC1089", "34:ASC1117", "40:ASC1088"])
        // A constant appended leaves the `--title` value a value; the value appended bare is an argument.
        #expect(try found(source.replacingOccurrences(of: "\"out.pdf\"]\n", with: "\"out.pdf\"]\n    cmd.append(\"-q\")\n"))
            == ["11:ASC1611", "26:ASC1089", "41:ASC1088"])
        #expect(try found(source.replacingOccurrences(of: "\"out.pdf\"]\n", with: "\"out.pdf\"]\n    cmd.append(title)\n"))
            == ["11:ASC1611", "26:ASC1089", "38:ASC1088", "41:ASC1088"])
    }

    /// A class given an HTTP client by every construction, kept in the application's registry
    /// and fetched by name in a handler: its method's request is a request.
    @Test func registryInstanceWithClientFromItsConstructor() throws {
        let source = """
        import aiohttp
        from aiohttp import web

        class FeedClient:
            def __init__(self, session):
                self.session = session

            async def fetch(self, url):
                async with self.session.get(url) as resp:
                    return await resp.text()

        async def handler(request):
            params = await request.json()
            client = request.app["feed_client"]
            return web.Response(text=await client.fetch(params["url"]))

        async def on_startup(app):
            session = aiohttp.ClientSession()
            app["feed_client"] = FeedClient(session)
        """
        #expect(try found(source) == ["9:ASC1918"])
        // A session whose kind the file does not show: no request known.
        #expect(try found(source.replacingOccurrences(of: "session = aiohttp.ClientSession()", with: "session = make_session()")).isEmpty)
    }

    /// A command picked from a table of functions (`self.handlers.get(command)`) runs any of
    /// them; a method handed to `asyncio.start_server` reads the client's stream.
    @Test func dispatchTablesAndStreamHandlerMethods() throws {
        let source = """
        import asyncio

        class Server:
            def __init__(self):
                self.handlers = {"PING": self.ping, "UPTIME": self.uptime}

            async def ping(self, args):
                proc = await asyncio.create_subprocess_shell(f"ping -c 1 {args[0]}")
                return await proc.wait()

            async def uptime(self, args):
                return "ok"

            async def handle(self, reader, writer):
                parts = (await reader.readline()).decode().split()
                handler = self.handlers.get(parts[0])
                if handler:
                    await handler(parts[1:])

            async def serve(self):
                await asyncio.start_server(self.handle, "127.0.0.1", 9000)
        """
        #expect(try found(source) == ["8:ASC1078"])
        #expect(try found(source.replacingOccurrences(of: "\"PING\": self.ping, ", with: "")).isEmpty)
    }
}
