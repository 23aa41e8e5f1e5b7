@testable import Analyzer
import PythonSyntax
import Testing

/// Mappings, bound methods, shared stores and path parts the data flow tells apart (stop 23: each case taken
/// from a kind of code a blind corpus showed misjudged). Each test also changes the one thing
/// that makes the difference and checks the finding comes (or goes).
@Suite("Data flow: mapping keys, shared stores, handed-off methods, path parts, command lists")
struct MappingKeysTests: FindsFlows {
    /// A record built with the program's own keys, handed to a helper that makes column names of its keys: the query holds no client text. Keys from the client, or values iterated instead of keys, do.
    @Test func recordKeysPassedToHelpers() throws {
        let source = #"""
        import sqlite3
        from fastapi import FastAPI

        app = FastAPI()


        class Repo:
            @staticmethod
            def _where(filters: dict):
                parts, params = [], []
                for column, value in filters.items():
                    parts.append(f"{column} = ?")
                    params.append(value)
                return " AND ".join(parts), params

            def search(self, filters: dict):
                where, params = self._where(filters)
                conn = sqlite3.connect("x.db")
                return conn.execute("SELECT * FROM t WHERE " + where, params).fetchall()


        repo = Repo()


        @app.get("/versions")
        def list_versions(name: str = None, stage: str = None):
            filters = {"name": name, "stage": stage}
            return repo.search(filters)
        """#
        #expect(try found(source) == [])
        #expect(try found(source.replacingOccurrences(of: #"    filters = {"name": name, "stage": stage}"#, with: #"    filters = {name: stage}"#)) == ["19:ASC1089"])
        #expect(try found(source.replacingOccurrences(of: #"        for column, value in filters.items():"#, with: #"        for column in list(filters.values()):"#)) == ["19:ASC1089"])
        // The query-building alarm in the callee is explained away by the keys the flow saw arrive.
        #expect(try DataFlowTests().findings(source, enable: ["ASC1", "ASC608"]).map { "\($0.line):\($0.code)" } == [])
    }

    /// A parameter declared a mapping, iterated itself, gives its keys; declared a list, its elements.
    @Test func iteratingADeclaredMapping() throws {
        let source = #"""
        import sqlite3
        from flask import Flask, request

        app = Flask(__name__)


        def where(filters: dict):
            return " AND ".join(f"{column} = ?" for column in filters)


        @app.route("/search")
        def search():
            filters = {"name": request.args["name"], "stage": request.args["stage"]}
            sql = "SELECT * FROM t WHERE " + where(filters)
            return sqlite3.connect("x.db").execute(sql, list(filters.values())).fetchall()
        """#
        #expect(try found(source) == [])
        #expect(try found(source.replacingOccurrences(of: "def where(filters: dict):", with: "def where(filters: list):")) == ["15:ASC1089"])
    }

    /// An attribute that holds the constructor's mapping as given (filtered by a comprehension keeping its keys) has the caller's keys; one whose keys are the mapping's values does not.
    @Test func keysOfAnAttributeHoldingTheMapping() throws {
        let source = #"""
        import sqlite3
        from fastapi import FastAPI

        app = FastAPI()


        class SampleQuery:
            def __init__(self, filters: dict):
                self.filters = {k: v for k, v in filters.items() if v}

            def to_sql(self):
                where = [f"{col} = ?" for col in self.filters]
                return "SELECT * FROM samples WHERE " + " AND ".join(where), list(self.filters.values())


        @app.get("/samples")
        def search_samples(species: str = None, tissue: str = None):
            sql, params = SampleQuery({"species": species, "tissue": tissue}).to_sql()
            return sqlite3.connect("x.db").execute(sql, params).fetchall()
        """#
        #expect(try found(source) == [])
        #expect(try found(source.replacingOccurrences(of: #"        self.filters = {k: v for k, v in filters.items() if v}"#, with: #"        self.filters = {v: k for k, v in filters.items() if v}"#)) == ["19:ASC1089"])
    }

    /// A bound method of an instance made here, handed to a thread, runs with what the instance holds.
    @Test func boundMethodsHandedToThreads() throws {
        let source = #"""
        import threading
        import requests
        from flask import Flask, request

        app = Flask(__name__)


        class CallbackJob:
            def __init__(self, url):
                self.url = url

            def deliver(self):
                return requests.post(self.url, json={}, timeout=10)


        @app.route("/batch", methods=["POST"])
        def batch():
            job = CallbackJob(request.get_json()["callback_url"])
            threading.Thread(target=job.deliver).start()
            return {"queued": True}
        """#
        #expect(try found(source) == ["13:ASC1918"])
        #expect(try found(source.replacingOccurrences(of: #"    threading.Thread(target=job.deliver).start()"#, with: #"    threading.Thread(target=print).start()"#)) == [])
    }

    /// `Path(x).name` is the last part of a path, as `os.path.basename` gives; `Path(x).stem` joined to the whole is not.
    @Test func lastPartOfAPath() throws {
        let source = #"""
        import os
        from pathlib import Path
        from flask import Flask, request

        app = Flask(__name__)


        @app.route("/save", methods=["POST"])
        def save():
            name = Path(request.form["name"]).name
            with open(os.path.join("/srv/uploads", name), "wb") as fh:
                fh.write(request.get_data())
            return "ok"
        """#
        #expect(try found(source) == [])
        #expect(try found(source.replacingOccurrences(of: #"    name = Path(request.form["name"]).name"#, with: #"    name = Path(request.form["name"]).stem + "/" + request.form["name"]"#)) == ["11:ASC1022"])
    }

    /// A property of an instance a helper returned reads the attributes that instance was made with.
    @Test func propertiesOfReturnedInstances() throws {
        let source = #"""
        import os
        from dataclasses import dataclass
        from flask import Flask, abort, request, send_file

        app = Flask(__name__)
        ROOT = "/data"


        @dataclass
        class DatasetRef:
            project: str
            relpath: str

            @property
            def location(self) -> str:
                return os.path.join(ROOT, self.project, self.relpath)


        def parse_ref(args) -> DatasetRef:
            relpath = args.get("file", "")
            if not relpath:
                abort(400)
            return DatasetRef("public", relpath)


        @app.route("/download")
        def download():
            ref = parse_ref(request.args)
            return send_file(ref.location)
        """#
        #expect(try found(source) == ["29:ASC1022"])
        #expect(try found(source.replacingOccurrences(of: #"        return os.path.join(ROOT, self.project, self.relpath)"#, with: #"        return os.path.join(ROOT, self.project, "index.html")"#)) == [])
    }

    /// A helper that stores its parameter in the session stores what its caller passed: a later request redirects to it.
    @Test func helpersStoringInTheSession() throws {
        let source = #"""
        from flask import Flask, redirect, request, session

        app = Flask(__name__)


        def remember_destination(target):
            if target:
                session["return_to"] = target


        @app.route("/login")
        def login():
            remember_destination(request.args.get("next"))
            return redirect("/idp")


        @app.route("/callback")
        def callback():
            return redirect(session.pop("return_to", "/"))
        """#
        #expect(try found(source) == ["19:ASC1601"])
        #expect(try found(source.replacingOccurrences(of: #"        session["return_to"] = target"#, with: #"        session["return_to"] = "/home""#)) == [])
    }

    /// `**mapping` passes its values (keys only pick placeholders): escaped values make escaped text.
    @Test func spreadMappingsPassTheirValues() throws {
        let source = #"""
        from html import escape
        from flask import Flask, request

        app = Flask(__name__)
        ROW = "<tr><td>{name}</td><td>{plan}</td></tr>"


        @app.route("/tenants")
        def tenants():
            row = {"name": request.args["name"], "plan": request.args["plan"]}
            return ROW.format(**{k: escape(v) for k, v in row.items()})
        """#
        #expect(try found(source) == [])
        #expect(try found(source.replacingOccurrences(of: #"    return ROW.format(**{k: escape(v) for k, v in row.items()})"#, with: #"    return ROW.format(**{k: v for k, v in row.items()})"#)) == ["11:ASC1079"])
    }

    /// A URL that starts with this site's own root (`request.build_absolute_uri("/")`) stays on this host; one that merely starts with `/` may not.
    @Test func prefixOfTheSitesOwnRoot() throws {
        let source = #"""
        from django.shortcuts import redirect

        DEFAULT_LANDING = "/"


        def switch_currency(request, code):
            back = request.META.get("HTTP_REFERER") or DEFAULT_LANDING
            if not back.startswith(request.build_absolute_uri("/")):
                back = DEFAULT_LANDING
            return redirect(back)
        """#
        #expect(try found(source) == [])
        #expect(try found(source.replacingOccurrences(of: #"    if not back.startswith(request.build_absolute_uri("/")):"#, with: #"    if not back.startswith("/"):"#)) == ["10:ASC1601"])
    }

    /// A helper's command list built of lists (`cmd += [...]`) keeps its fixed program: a value in it can only be an option (CWE-88), not a command; a list changed otherwise too is judged whole.
    @Test func helperCommandListsBuiltPieceByPiece() throws {
        let source = #"""
        import subprocess
        from celery import Celery

        app = Celery("t")


        def command(src, watermark):
            cmd = ["convert", src, "-resize", "10x"]
            if watermark:
                cmd += ["-annotate", "+10+10", watermark]
            return cmd + ["out.jpg"]


        @app.task
        def make(src, watermark=None):
            cmd = command(src, watermark)
            return subprocess.call(cmd)
        """#
        #expect(try found(source) == ["17:ASC1088"])
        #expect(try found(source.replacingOccurrences(of: #"        cmd += ["-annotate", "+10+10", watermark]"#, with: #"        cmd += ["-annotate", "+10+10", watermark]\#n    cmd.insert(0, src)"#)) == ["18:ASC1078"])
    }

    /// A URL the operator configures, then a query (`f"{settings.AUTHORIZE_URL}?{params}"`): the request's data cannot move the host; spliced straight after the setting, it can.
    @Test func operatorsURLThenAQuery() throws {
        let source = #"""
        from urllib.parse import urlencode
        from django.conf import settings
        from django.http import HttpResponseRedirect


        def start_login(request):
            params = urlencode({"client_id": "x", "state": request.GET.get("state", "")})
            return HttpResponseRedirect(f"{settings.SSO_AUTHORIZE_URL}?{params}")
        """#
        #expect(try found(source) == [])
        #expect(try found(source.replacingOccurrences(of: #"    return HttpResponseRedirect(f"{settings.SSO_AUTHORIZE_URL}?{params}")"#, with: #"    return HttpResponseRedirect(f"{settings.SSO_AUTHORIZE_URL}{params}")"#)) == ["8:ASC1601"])
    }

    /// A FastAPI dependency imported from the application's auth layer gives the principal it verified, not the client's text; the query parameter beside it is the client's.
    @Test func importedDependenciesAreTheServers() throws {
        let source = #"""
        import os
        from fastapi import Depends, FastAPI

        from soc.auth import Analyst, require_analyst

        app = FastAPI()
        SPOOL = "/var/spool/audit"


        @app.get("/grep")
        def grep(q: str, analyst: Analyst = Depends(require_analyst)):
            with open(os.path.join(SPOOL, analyst.tenant_id, "audit.jsonl")) as fh:
                return [line for line in fh if q in line]
        """#
        #expect(try found(source) == [])
        #expect(try found(source.replacingOccurrences(of: #"    with open(os.path.join(SPOOL, analyst.tenant_id, "audit.jsonl")) as fh:"#, with: #"    with open(os.path.join(SPOOL, q, "audit.jsonl")) as fh:"#)) == ["12:ASC1022"])
    }

    /// A web handler's query whose dynamic part the flow saw hold none of the request's data
    /// (clauses a helper chose from its own text): the query-building alarm is explained away.
    /// A clause holding the value is the request's.
    @Test func handlersQueriesTheFlowSawClean() throws {
        let source = #"""
        import sqlite3
        from flask import Flask, request

        app = Flask(__name__)


        def where_clauses(args):
            clauses, params = ["1 = 1"], []
            if args.get("author"):
                clauses.append("u.username = ?")
                params.append(args.get("author"))
            return clauses, params


        @app.route("/search")
        def search():
            clauses, params = where_clauses(request.args)
            sql = f"SELECT p.id FROM posts p JOIN users u ON u.id = p.author_id WHERE {' AND '.join(clauses)}"
            return sqlite3.connect("x.db").execute(sql, params).fetchall()
        """#
        let found = { (source: String) in try DataFlowTests().findings(source, enable: ["ASC1", "ASC608"]).map { "\($0.line):\($0.code)" } }
        #expect(try found(source) == [])
        #expect(try found(source.replacingOccurrences(of: #"        clauses.append("u.username = ?")"#, with: #"        clauses.append("u.username = " + args.get("author"))"#)) == ["19:ASC1089"])
        // Outside a handler (nothing shows where the data comes from) the alarm stays.
        #expect(try found(source.replacingOccurrences(of: #"@app.route("/search")"#, with: "")) == ["19:ASC608"])
    }

    /// `if x and not X_RE.match(x): return` leaves `x` empty or matched: safe either way (an
    /// empty value carries nothing). A check that proves nothing of `x` leaves it the client's.
    @Test func emptyOrCheckedValues() throws {
        let source = #"""
        import re
        import subprocess
        from flask import Flask, request

        app = Flask(__name__)
        IFACE_RE = re.compile(r"^[a-z0-9]{1,15}$")


        @app.route("/ping", methods=["POST"])
        def ping():
            iface = request.form.get("iface")
            if iface and not IFACE_RE.match(iface):
                return "bad interface", 400
            cmd = ["ping", "-c", "3"]
            if iface:
                cmd += ["-I", iface]
            return subprocess.run(cmd + ["--", "example.com"], capture_output=True).stdout
        """#
        #expect(try found(source) == [])
        #expect(try found(source.replacingOccurrences(of: #"    if iface and not IFACE_RE.match(iface):"#, with: #"    if iface and not iface.strip():"#)) == ["17:ASC1078"])
    }

    /// `try: uuid.UUID(sid) except ValueError: abort(400)`: past the `try`, `sid` is a UUID. Converting another value proves nothing of it.
    @Test func conversionsCheckedByTry() throws {
        let source = #"""
        import os
        import uuid
        from flask import Flask, abort, request

        app = Flask(__name__)
        ROOT = "/srv/submissions"


        @app.route("/note", methods=["POST"])
        def note():
            sid = request.args["sid"]
            try:
                uuid.UUID(sid)
            except ValueError:
                abort(400)
            with open(os.path.join(ROOT, sid + ".txt"), "a") as fh:
                fh.write("seen")
            return "ok"
        """#
        #expect(try found(source) == [])
        #expect(try found(source.replacingOccurrences(of: #"        uuid.UUID(sid)"#, with: #"        uuid.UUID(request.args["other"])"#)) == ["16:ASC1022"])
    }

    /// A name whose slashes were replaced is one path component; replacing backslashes leaves the slashes.
    @Test func slashesReplaced() throws {
        let source = #"""
        import json
        import os
        from flask import Flask, request

        app = Flask(__name__)


        @app.route("/save", methods=["POST"])
        def save():
            record = request.get_json()
            path = os.path.join("/var/lib/itineraries", f"{record['ref']}.json".replace("/", "_"))
            with open(path, "w") as fh:
                json.dump(record, fh)
            return "ok"
        """#
        #expect(try found(source) == [])
        #expect(try found(source.replacingOccurrences(of: #".replace("/", "_")"#, with: #".replace("\\", "_")"#)) == ["12:ASC1022"])
    }

    /// A path joined under the program's directory (`MEDIA_ROOT / "hls" / job`, and any path
    /// joined under that) starts with the directory: no dash, no option. One that starts with
    /// the request's text may be an option.
    @Test func pathsUnderTheProgramsDirectory() throws {
        let source = #"""
        import os
        import subprocess
        from pathlib import Path
        from flask import Flask, request

        app = Flask(__name__)
        MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", "/srv/media"))


        @app.route("/probe")
        def probe():
            out_dir = MEDIA_ROOT / "hls" / request.args["job"]
            return subprocess.run(["ffprobe", "-v", "error", str(out_dir / "index.m3u8")], capture_output=True).stdout
        """#
        #expect(try found(source) == [])
        #expect(try found(source.replacingOccurrences(of: #"    out_dir = MEDIA_ROOT / "hls" / request.args["job"]"#, with: #"    out_dir = Path(request.args["job"]) / "hls""#)) == ["13:ASC1088"])
    }

    /// A record built by spreading the request's mapping keeps its listed keys apart, and so
    /// does a join of two branches: a key one branch sets to fixed text and the other leaves
    /// to the spread holds the spread's data; set to fixed text in both, it holds none.
    @Test func spreadRecordsJoinedAcrossBranches() throws {
        let source = #"""
        import logging
        from flask import request

        log = logging.getLogger(__name__)


        def view():
            data = request.get_json()
            if data.get("fast"):
                record = {**data, "status": "new"}
            else:
                record = {**data}
            log.info("status=%s", record["status"])
            return "ok"
        """#
        #expect(try found(source) == ["13:ASC1117"])
        #expect(try found(source.replacingOccurrences(of: #"        record = {**data}"#, with: #"        record = {**data, "status": "old"}"#)) == [])
    }
}
