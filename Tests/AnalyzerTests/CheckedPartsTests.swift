@testable import Analyzer
import PythonSyntax
import Testing

/// Checks that prove the parts a value was built of, checks kept in methods and loops, and
/// records sent as JSON (stop 25: each case taken from a kind of code a blind corpus showed
/// misjudged). Each test also changes the one thing that makes the difference and checks the
/// finding comes (or goes).
@Suite("Data flow: checked parts, method and loop checks, set allow-lists, JSON records")
struct CheckedPartsTests: FindsFlows {
    /// A folder built from a handler's parameter before the parameter is checked
    /// (`folder = voyage_dir(voyage)`, then `if not voyage.isalnum(): raise`) is built again
    /// from the checked value; unchecked, or checked after being rebound, it is not.
    @Test func valueBuiltBeforeItsPartsAreChecked() throws {
        let source = #"""
        import os
        from flask import Flask
        app = Flask(__name__)
        ROOT = "/srv/voyages"


        def voyage_dir(voyage):
            return os.path.join(ROOT, voyage)


        @app.get("/a/<voyage>")
        def checked(voyage):
            folder = voyage_dir(voyage)
            if not voyage.isalnum() or not os.path.isdir(folder):
                return "no"
            return str(os.listdir(folder))


        @app.get("/b/<voyage>")
        def unchecked(voyage):
            folder = voyage_dir(voyage)
            if not os.path.isdir(folder):
                return "no"
            return str(os.listdir(folder))


        @app.get("/c/<voyage>")
        def rebound(voyage):
            folder = os.path.join(ROOT, voyage)
            voyage = voyage.strip()
            if not voyage.isalnum():
                return "no"
            return str(os.listdir(folder))
        """#
        #expect(try found(source) == ["24:ASC1022", "33:ASC1022"])
    }

    /// `unknown = set(args.names) - set(ALLOWED)` then `if unknown: parser.error(...)` (which
    /// exits): every name is an allowed one. A logger's `.error` does not exit.
    @Test func setDifferenceAgainstAnAllowList() throws {
        let source = #"""
        import argparse
        import logging
        import sqlite3
        ALLOWED = {"hotel": 1, "bus": 2}
        log = logging.getLogger(__name__)


        def main():
            parser = argparse.ArgumentParser()
            parser.add_argument("names", nargs="*")
            args = parser.parse_args()
            unknown = set(args.names) - set(ALLOWED)
            if unknown:
                parser.error("unknown: %s" % ", ".join(sorted(unknown)))
            conn = sqlite3.connect("grants.db")
            for name in args.names:
                conn.execute(f"GRANT SELECT ON {name} TO reporting")


        def logged():
            parser = argparse.ArgumentParser()
            parser.add_argument("names", nargs="*")
            args = parser.parse_args()
            unknown = set(args.names) - set(ALLOWED)
            if unknown:
                log.error("unknown names")
            conn = sqlite3.connect("grants.db")
            for name in args.names:
                conn.execute(f"GRANT SELECT ON {name} TO reporting")


        def subset():
            parser = argparse.ArgumentParser()
            parser.add_argument("names", nargs="*")
            args = parser.parse_args()
            if not set(args.names) <= ALLOWED.keys():
                raise SystemExit(2)
            conn = sqlite3.connect("grants.db")
            for name in args.names:
                conn.execute(f"GRANT SELECT ON {name} TO reporting")
        """#
        #expect(try found(source) == ["29:ASC1089"])
    }

    /// `req.validate()` of a method raising unless its attributes match (`not (A and B)`,
    /// `self.context.isdigit()`) proves `req.old`, `req.new` and `req.context` past the call.
    @Test func methodCheckingItsInstance() throws {
        let source = #"""
        import re
        import subprocess
        from bottle import get, request
        REV_RE = re.compile(r"^(HEAD(~\d{1,4})?|[0-9a-f]{7,40})$")


        class DiffRequest:
            def __init__(self, params):
                self.old = params.get("from", "HEAD~1")
                self.new = params.get("to", "HEAD")
                self.context = params.get("context", "3")

            def validate(self):
                if not (REV_RE.match(self.old) and REV_RE.match(self.new)):
                    raise ValueError("bad revision")
                if not self.context.isdigit():
                    raise ValueError("bad context")


        def git_diff(req: DiffRequest) -> bytes:
            req.validate()
            return subprocess.check_output(["git", "diff", f"-U{req.context}", req.old, req.new])


        def git_diff_unchecked(req: DiffRequest) -> bytes:
            return subprocess.check_output(["git", "diff", req.old, req.new])


        @get("/diff")
        def diff():
            return git_diff(DiffRequest(request.query))


        @get("/diff2")
        def diff2():
            return git_diff_unchecked(DiffRequest(request.query))
        """#
        #expect(try found(source) == ["26:ASC1088"])
    }

    /// `for ts in (job.start, job.end): if ts and not TS.match(ts): raise ...` in a factory
    /// classmethod proves both fields of the record it returns; checking one leaves the other.
    @Test func loopCheckingEachValueListed() throws {
        let checkedBoth = #"""
        import re
        import subprocess
        from dataclasses import dataclass
        from flask import request
        TS = re.compile(r"^\d{2}:\d{2}$")


        @dataclass
        class Job:
            start: str = ""
            end: str = ""

            @classmethod
            def make(cls, data):
                job = cls(start=data.get("s", ""), end=data.get("e", ""))
                for ts in (job.start, job.end):
                    if ts and not TS.match(ts):
                        raise ValueError("bad timestamp")
                return job


        def trim():
            job = Job.make(request.args)
            subprocess.call(["ffmpeg", "-ss", job.start, "-to", job.end, "out.mp4"])
        """#
        #expect(try found(checkedBoth) == [])
        let checkedOne = checkedBoth.replacingOccurrences(of: "for ts in (job.start, job.end):", with: "for ts in (job.start,):")
        #expect(try found(checkedOne) == ["24:ASC1088"])
    }

    /// A host checked to resolve only to public addresses by a validator returning
    /// `all(ip_address(info[4][0]).is_global for info in getaddrinfo(...))` is no SSRF.
    @Test func validatorResolvingToPublicAddresses() throws {
        let source = #"""
        import ipaddress
        import socket
        from urllib.parse import urlparse
        import requests
        from flask import request


        def public_target(url):
            parsed = urlparse(url)
            if parsed.scheme != "https" or not parsed.hostname:
                return False
            infos = socket.getaddrinfo(parsed.hostname, 443)
            return all(ipaddress.ip_address(info[4][0]).IS for info in infos)


        def deliver():
            url = request.json["url"]
            if not public_target(url):
                raise ValueError("not public")
            return requests.post(url, json={}, timeout=5)
        """#
        #expect(try found(source.replacingOccurrences(of: ".IS for", with: ".is_global for")) == [])
        #expect(try found(source.replacingOccurrences(of: ".IS for", with: ".is_private for")) == ["20:ASC1918"])
    }

    /// Tornado's `self.write(entry)` of a record a helper builds (or a dict made here) is sent
    /// as JSON; of text a helper builds, as HTML.
    @Test func tornadoWriteOfAHelpersRecord() throws {
        let source = #"""
        import tornado.web


        def record(who):
            entry = {"who": who, "ok": True}
            return entry


        def page(who):
            return "<p>" + who + "</p>"


        class Handler(tornado.web.RequestHandler):
            def post(self):
                who = self.request.headers.get("X-Who", "")
                entry = record(who)
                self.write(entry)

            def put(self):
                who = self.request.headers.get("X-Who", "")
                self.write(record(who))

            def get(self):
                who = self.request.headers.get("X-Who", "")
                self.write(page(who))
        """#
        #expect(try found(source) == ["25:ASC1079"])
    }

    /// A helper reading its parameter only by constant keys (`opts["sort"]`) is judged key by
    /// key against the record its caller passes, through helpers handing it on: a sort column
    /// looked up in a table of constants is safe beside a tainted search value passed as a
    /// parameter; the tainted key spliced in is reported.
    @Test func recordReadKeyByKeyThroughHelpers() throws {
        let source = #"""
        from django.db import connection
        from django.views.decorators.http import require_GET
        SORTABLE = {"name": "i.name", "ndc": "i.ndc"}


        def options(params):
            return {"sort": SORTABLE.get(params.get("sort", "name"), "i.name"), "supplier": params.get("supplier", "")}


        def build(opts):
            sql = "SELECT i.name FROM items i"
            if opts["supplier"]:
                sql += " WHERE i.supplier = %(supplier)s"
            sql += " ORDER BY %s" % (opts["sort"],)
            return sql


        def run(opts):
            sql = build(opts)
            with connection.cursor() as cur:
                cur.execute(sql, {"supplier": opts["supplier"]})


        @require_GET
        def report(request):
            run(options(request.GET))
        """#
        #expect(try found(source) == [])
        let spliced = source.replacingOccurrences(of: "sql += \" WHERE i.supplier = %(supplier)s\"", with: "sql += \" WHERE i.supplier = \" + opts[\"supplier\"]")
        #expect(try found(spliced) == ["21:ASC1089"])
    }

    /// A helper's query built with an attribute of the instance a handler passes (`tq.sort`)
    /// that the handler's construction left clean explains ASC608 away; a tainted one is the
    /// flow's finding.
    @Test func cleanAttributeOfAPassedQueryObject() throws {
        let source = #"""
        import sqlite3
        from flask import Flask, jsonify, request
        app = Flask(__name__)
        SORTABLE = {"created": "created_at", "priority": "priority"}


        class TicketQuery:
            def __init__(self, args):
                self.status = args.get("status", "open")
                self.sort = SORTABLE.get(args.get("sort", "created"), "created_at")


        def run_search(tq):
            sql = "SELECT id FROM tickets WHERE status = ?"
            sql += " ORDER BY %s DESC" % (tq.sort,)
            return sqlite3.connect("t.db").execute(sql, [tq.status]).fetchall()


        @app.route("/search")
        def search():
            return jsonify(run_search(TicketQuery(request.args)))
        """#
        #expect(try found(source, enable: ["ASC1", "ASC608"]) == [])
        let tainted = source.replacingOccurrences(of: "SORTABLE.get(args.get(\"sort\", \"created\"), \"created_at\")", with: "args.get(\"sort\", \"created\")")
        #expect(try found(tainted, enable: ["ASC1", "ASC608"]) == ["16:ASC1089"])
    }

    /// `make_response(redirect(url))` is a redirect, no page; a value read back by an
    /// itsdangerous serializer's `loads` is what the server signed.
    @Test func redirectResponsesAndSignedValues() throws {
        let source = #"""
        import logging
        import os
        from flask import Flask, make_response, redirect, request
        from itsdangerous import URLSafeTimedSerializer
        app = Flask(__name__)
        log = logging.getLogger(__name__)
        SIGNER = URLSafeTimedSerializer(os.environ["STATE_KEY"])


        @app.route("/go")
        def go():
            return make_response(redirect("/done?next=" + request.args.get("n", "")))


        @app.route("/back")
        def back():
            state = SIGNER.loads(request.cookies.get("state", ""), max_age=600)
            log.info("state %s", state["user"])
            return make_response("<p>" + request.args.get("n", "") + "</p>")
        """#
        #expect(try found(source, enable: ["ASC1079", "ASC1117"]) == ["19:ASC1079"])
        let unsigned = source.replacingOccurrences(of: "SIGNER.loads(", with: "json.loads(")
            .replacingOccurrences(of: "import logging\n", with: "import json\nimport logging\n")
        #expect(try found(unsigned, enable: ["ASC1079", "ASC1117"]) == ["19:ASC1117", "20:ASC1079"])
    }

    /// A mapping filled under keys from a constant table (`filters[column] = value`) has the
    /// program's keys, even in a helper iterating it; keyed by the client, it has the client's.
    @Test func mappingFilledUnderFixedKeys() throws {
        let source = #"""
        from django.db import connection
        from django.views.decorators.http import require_GET
        FILTER_PARAMS = {"phase": "phase", "crew": "crew_code"}


        def filters_from(request):
            filters = {}
            for param, column in FILTER_PARAMS.items():
                value = request.GET.get(param)
                if value:
                    filters[COLUMN] = value
            return filters


        def schedule_sql(filters):
            where = ["t.project_id = %s"]
            params = [1]
            for column, value in filters.items():
                where.append(f"t.{column} = %s")
                params.append(value)
            return "SELECT * FROM tasks t WHERE " + " AND ".join(where), params


        @require_GET
        def report(request):
            sql, params = schedule_sql(filters_from(request))
            with connection.cursor() as cur:
                cur.execute(sql, params)
        """#
        #expect(try found(source.replacingOccurrences(of: "filters[COLUMN]", with: "filters[column]")) == [])
        #expect(try found(source.replacingOccurrences(of: "filters[COLUMN]", with: "filters[param + request.GET.get(\"x\", \"\")]")) == ["28:ASC1089"])
    }

    /// `--assignment NAME` of the site's own program takes NAME as its value; after `git
    /// clone --mirror` (a flag of a common tool) the argument is read on its own.
    @Test func longOptionValuesOfOwnPrograms() throws {
        let source = #"""
        import subprocess
        from flask import request
        GRADER_BIN = "/opt/grader/bin/grade"


        def grade():
            assignment = request.args["assignment"]
            subprocess.run([GRADER_BIN, "--assignment", assignment, "--project", "/srv/p"])


        def mirror():
            subprocess.run(["git", "clone", "--mirror", request.args["url"], "/srv/m"])
        """#
        #expect(try found(source, enable: ["ASC1088"]) == ["12:ASC1088"])
    }

    /// `urlparse(raw.strip())` checked against an allow-list of hosts checks `raw`.
    @Test func hostCheckOfAStrippedURL() throws {
        let source = #"""
        from urllib.parse import urlparse
        import requests
        from flask import request
        ALLOWED = {"img.example.com"}


        def validate(raw):
            parsed = urlparse(raw.strip())
            if parsed.hostname not in ALLOWED:
                raise ValueError("host")
            return parsed.geturl()


        def fetch():
            return requests.get(validate(request.args["u"]), timeout=5)
        """#
        #expect(try found(source) == [])
        #expect(try found(source.replacingOccurrences(of: "not in ALLOWED", with: "is None")) == ["15:ASC1918"])
    }

    /// Query text from a method of a parameter declared as a dataclass of this file
    /// (`flt: BidFilter`), and a sort column reset to a default unless allowed, are fixed
    /// text for ASC608; a column taken as given is not.
    @Test func fixedQueryPiecesForTheBuildingRule() throws {
        let source = #"""
        from dataclasses import dataclass
        from typing import Optional
        SORTABLE = {"due_date", "trade"}


        @dataclass
        class BidFilter:
            trade: Optional[str] = None

            def where_clause(self):
                parts = ["status = 'open'"]
                params = []
                if self.trade:
                    parts.append("trade = ?")
                    params.append(self.trade)
                return " AND ".join(parts), params


        def build_query(flt: BidFilter, order_by: str):
            if order_by not in SORTABLE:
                order_by = "due_date"
            clause, params = flt.where_clause()
            return f"SELECT id FROM bids WHERE {clause} ORDER BY {order_by}", params
        """#
        #expect(try found(source, enable: ["ASC608"]) == [])
        #expect(try found(source.replacingOccurrences(of: "order_by = \"due_date\"", with: "pass"), enable: ["ASC608"]) == ["23:ASC608"])
    }

    /// A function raising unless attributes of the instance it is given match
    /// (`forward(session, job)` checking `job.device_id`) proves them past the call; a regex
    /// match of `str(data.get("id", ""))` proves the element; Django's `request.META` keys the
    /// server sets (`REMOTE_ADDR`) are no client text.
    @Test func checksOfPassedInstancesAndElements() throws {
        let source = #"""
        import json
        import logging
        import re
        import requests
        from dataclasses import dataclass
        from flask import request
        log = logging.getLogger(__name__)
        DEVICE_RE = re.compile(r"^[0-9a-f]{32}$")
        INC_RE = re.compile(r"^INC-\d{1,8}$")


        @dataclass
        class Job:
            device: str


        def forward(job):
            if not DEVICE_RE.match(job.device):
                raise ValueError("device")
            return 200


        def consume():
            job = Job(device=str(json.loads(request.data)["device"]))
            status = forward(job)
            log.info("quarantine on %s -> %d", job.device, status)


        def note():
            data = json.loads(request.data)
            if not INC_RE.match(str(data.get("incident_id", ""))):
                raise ValueError("incident")
            return requests.post(f"https://{data['incident_id']}.t.example.com/notes", json={}, timeout=5)


        def login_failed(request):
            log.warning("failed login from %s", request.META.get("REMOTE_ADDR"))
        """#
        #expect(try found(source) == [])
        let unchecked = source.replacingOccurrences(of: "if not DEVICE_RE.match(job.device):", with: "if not job.device:")
            .replacingOccurrences(of: "if not INC_RE.match(str(data.get(\"incident_id\", \"\"))):", with: "if not data:")
            .replacingOccurrences(of: "\"REMOTE_ADDR\"", with: "\"HTTP_X_USER\"")
        #expect(try found(unchecked) == ["26:ASC1117", "33:ASC1918", "37:ASC1117"])
    }

    /// Raffle draws and zero-padded random codes are made for someone to not guess them.
    @Test func randomDrawsAndDigitCodes() throws {
        let source = #"""
        import random


        def issue(count):
            return ["%08d" % random.randint(0, 99_999_999) for _ in range(count)]


        def draw_winners(pool, n):
            random.shuffle(pool)
            return pool[:n]


        def roll():
            return random.randint(1, 6)
        """#
        #expect(try found(source, enable: ["ASC311"]) == ["5:ASC311", "9:ASC311"])
    }

    /// `mark_safe` of pieces each a helper escaped (`format_html`) is no alarm; of raw text it is.
    @Test func markSafeOfEscapedPieces() throws {
        let source = #"""
        from django.utils.html import format_html
        from django.utils.safestring import mark_safe


        def row(note):
            return format_html("<li>{}</li>", note.body)


        def page(notes):
            html = "".join(row(n) for n in notes)
            return mark_safe(html)
        """#
        #expect(try found(source, enable: ["ASC308"]) == [])
        #expect(try found(source.replacingOccurrences(of: "format_html(\"<li>{}</li>\", note.body)", with: "note.body"), enable: ["ASC308"]) == ["11:ASC308"])
    }

    /// A factory classmethod returning `cls(int(book_id), jobname)` of a constructor that
    /// checks `jobname` gives a record: `req.book_id` is a number, `req.jobname` checked; its
    /// methods still read what the instance holds.
    @Test func factoryRecordsOfCheckingConstructors() throws {
        let source = #"""
        import json
        import os
        import re
        import tornado.web
        JOBNAME_RE = re.compile(r"^[a-z0-9-]{1,40}$")


        class BuildRequest:
            def __init__(self, book_id, jobname):
                if not JOBNAME_RE.match(jobname):
                    raise ValueError("jobname")
                self.book_id = book_id
                self.jobname = jobname

            @classmethod
            def from_body(cls, book_id, body):
                data = json.loads(body)
                return cls(int(book_id), data.get("jobname", "book"))

            def command(self):
                return f"pdflatex -jobname={self.jobname} main.tex"


        class Build(tornado.web.RequestHandler):
            def post(self, book_id):
                req = BuildRequest.from_body(book_id, self.request.body)
                os.makedirs(os.path.join("/srv/out", str(req.book_id)), exist_ok=True)
                os.system(req.command())
        """#
        #expect(try found(source) == [])
        let unchecked = source.replacingOccurrences(of: "if not JOBNAME_RE.match(jobname):", with: "if not jobname:")
        #expect(try found(unchecked) == ["28:ASC1078"])
    }

    /// A helper taking `request` that returns a dataclass record keeps its fields apart: a
    /// query built from its constant fields is clean, one from its request fields is not.
    @Test func recordsReturnedByRequestHelpers() throws {
        let source = #"""
        from dataclasses import dataclass
        import asyncpg
        from aiohttp import web


        @dataclass
        class InvoiceQuery:
            customer_id: int
            direction: str = "DESC"
            status: str = ""

            def build(self):
                return f"SELECT n FROM invoices WHERE customer_id = $1 ORDER BY issued_at {self.FIELD}", [self.customer_id]


        def query_from_request(request):
            direction = "ASC" if request.query.get("dir", "desc") == "asc" else "DESC"
            return InvoiceQuery(customer_id=int(request.match_info["id"]), direction=direction, status=request.query.get("status", ""))


        async def list_invoices(request):
            query = query_from_request(request)
            sql, args = query.build()
            async with request.app["pool"].acquire() as conn:
                return await conn.fetch(sql, *args)
        """#
        #expect(try found(source.replacingOccurrences(of: "{self.FIELD}", with: "{self.direction}")) == [])
        #expect(try found(source.replacingOccurrences(of: "{self.FIELD}", with: "{self.status}")) == ["25:ASC1089"])
    }

    /// `"--title=%s" % meta["title"]` is one argument that cannot start an option.
    @Test func textAfterAFixedStartIsNoOption() throws {
        let source = #"""
        import subprocess
        from flask import request


        def build_args(job):
            return ["--title=%s" % job["title"], PIECE]


        def convert():
            job = request.get_json()
            subprocess.check_output(["ebook-convert", "in.epub", "out.mobi", *build_args(job)])
        """#
        #expect(try found(source.replacingOccurrences(of: "PIECE", with: "\"--authors=%s\" % job[\"author\"]"), enable: ["ASC1088"]) == [])
        #expect(try found(source.replacingOccurrences(of: "PIECE", with: "job[\"author\"]"), enable: ["ASC1088"]) == ["11:ASC1088"])
    }

    /// A property of an instance made in place (`UploadTarget(project, "").directory`) reads
    /// what its checking constructor stored; an upload saved to an attribute named for a
    /// path (`f.save(target.path)`) is a path sink.
    @Test func propertiesOfInstancesMadeInPlace() throws {
        let source = #"""
        import os
        import re
        from flask import Flask, abort, request
        app = Flask(__name__)
        PROJECT_RE = re.compile(r"^[A-Z]{2,6}-\d{3,5}$")


        class UploadTarget:
            def __init__(self, project, filename):
                if not PROJECT_RE.match(project):
                    abort(400)
                self.project = project
                self.filename = filename

            @property
            def directory(self):
                return os.path.join("/srv/sdf", self.project)

            @property
            def path(self):
                return os.path.join(self.directory, self.filename)


        @app.get("/<project>/list")
        def listing(project):
            return str(os.listdir(UploadTarget(project, "").directory))


        @app.post("/<project>/upload")
        def upload(project):
            f = request.files["file"]
            target = UploadTarget(project, f.filename)
            f.save(target.path)
        """#
        #expect(try found(source, enable: ["ASC1022"]) == ["33:ASC1022"])
        let unchecked = source.replacingOccurrences(of: "if not PROJECT_RE.match(project):", with: "if not project:")
        #expect(try found(unchecked, enable: ["ASC1022"]) == ["26:ASC1022", "33:ASC1022"])
    }

    /// A local-redirect validator that rebinds its parameter with backslashes replaced
    /// (`value = value.replace("\\", "/")`) before checking for a scheme, a host and `//`
    /// returns a path on this site; without the replacement a backslash could still lead away.
    @Test func localTargetAfterBackslashesReplaced() throws {
        let source = #"""
        from urllib.parse import urlparse
        from flask import Flask, redirect, request
        app = Flask(__name__)


        def _local_target(value, default):
            if not value:
                return default
            value = value.replace("\\", "/")
            parts = urlparse(value)
            if parts.scheme or parts.netloc or not value.startswith("/") or value.startswith("//"):
                return default
            return value


        @app.get("/logout")
        def logout():
            return redirect(_local_target(request.args.get("return_to"), "/login"))
        """#
        #expect(try found(source) == [])
        #expect(try found(source.replacingOccurrences(of: "value = value.replace(\"\\\\\", \"/\")", with: "pass")) == ["18:ASC1601"])
    }

    /// Bottle's `html_escape` escapes for HTML; text after a URL whose host a helper checked
    /// (`f"{base}/api?" + urlencode(q)`) picks a path on that host (no SSRF); the
    /// keys of a record joined (`", ".join(row)`) are the program's, its values (`row.values()`)
    /// the client's; a helper's command list
    /// naming a path bound to fixed text under a constant folder starts no option.
    @Test func escapesCheckedHostsRecordKeysAndFixedPaths() throws {
        let escaped = #"""
        from bottle import html_escape, request, route


        @route("/hello")
        def hello():
            return "<p>%s</p>" % html_escape(request.query.get("name", ""))
        """#
        #expect(try found(escaped) == [])
        #expect(try found(escaped.replacingOccurrences(of: "html_escape(request", with: "str(request")) == ["6:ASC1079"])

        let checkedHost = #"""
        import urllib.parse
        import requests
        from flask import request
        HOSTS = {"api.vendor.example"}


        def vendor_url(url):
            parts = urllib.parse.urlsplit(url)
            if parts.scheme != "https" or (parts.hostname or "").lower() not in HOSTS:
                raise ValueError("vendor")
            return urllib.parse.urlunsplit((parts.scheme, parts.netloc, parts.path, "", ""))


        def status():
            base = vendor_url(request.json["url"]).rstrip("/")
            serial = request.json["serial"]
            return requests.get(f"{base}/api?" + urllib.parse.urlencode({"s": serial}), timeout=5)
        """#
        #expect(try DataFlowTests().findings(checkedHost).isEmpty)
        let unchecked = checkedHost.replacingOccurrences(of: "base = vendor_url(request.json[\"url\"])", with: "base = request.json[\"url\"]")
        #expect(try DataFlowTests().findings(unchecked).map { "\($0.line):\($0.code):\($0.severity)" } == ["17:ASC1918:high"])

        let joinedKeys = #"""
        import sqlite3
        from flask import request


        def upsert():
            row = {"ip": request.json["ip"], "hostname": request.json.get("hostname", "")}
            cols = ", ".join(row)
            marks = ", ".join("?" for _ in row)
            sqlite3.connect("hosts.db").execute(f"INSERT INTO hosts ({cols}) VALUES ({marks})", tuple(row.values()))
        """#
        #expect(try found(joinedKeys) == [])
        #expect(try found(joinedKeys.replacingOccurrences(of: "\", \".join(row)", with: "\", \".join(row.values())")) == ["9:ASC1089"])

        let fixedPath = #"""
        import os
        import subprocess
        from flask import request
        DRAWINGS = "/srv/drawings"


        def build_command(job):
            drawing = os.path.join(DRAWINGS, os.path.basename(job["drawing"]))
            return ["qto-cli", "--layers", job["layers"], drawing]


        def takeoff():
            return subprocess.check_output(build_command(request.json), timeout=60)
        """#
        #expect(try found(fixedPath, enable: ["ASC1088"]) == [])
        #expect(try found(fixedPath.replacingOccurrences(of: "drawing = os.path.join(DRAWINGS, os.path.basename(job[\"drawing\"]))", with: "drawing = job[\"drawing\"]"),
                          enable: ["ASC1088"]) == ["13:ASC1088"])
    }
}
