@testable import Analyzer
import PythonSyntax
import Testing

/// Where untrusted data starts, and where what looks like it is the program's own (stop 20:
/// each case taken from a kind of code a blind corpus showed misjudged).
@Suite("Data flow: sources and what is not one")
struct DataFlowSourceTests: FindsFlows {
    /// `parser.parse_args()` reads the command line; an option typed `int`, given fixed
    /// choices or a flag is no text.
    @Test func parsedCommandLine() throws {
        let source = """
        import argparse
        import sqlite3

        def main():
            parser = argparse.ArgumentParser()
            parser.add_argument("table")
            parser.add_argument("--limit", type=int, default=10)
            args = parser.parse_args()
            con = sqlite3.connect("a.db")
            con.execute(f"SELECT * FROM {args.table}")
            con.execute(f"SELECT * FROM t LIMIT {args.limit}")
        """
        #expect(try found(source) == ["10:ASC1089"])
        // Without argparse's parsing, nothing comes from outside.
        #expect(try found(source.replacingOccurrences(of: "args = parser.parse_args()", with: "args = load_defaults()")).isEmpty)
    }

    /// A route pattern converting a parameter (`{ticket_id:int}`) makes Starlette's
    /// `path_params` entry a number; an unconverted one stays the client's text.
    @Test func convertedRouteParameters() throws {
        let source = """
        import os
        from starlette.applications import Starlette
        from starlette.responses import JSONResponse
        from starlette.routing import Route

        async def listing(request):
            ticket = request.path_params["ticket_id"]
            return JSONResponse({"files": os.listdir(os.path.join("/srv/tickets", str(ticket)))})

        app = Starlette(routes=[Route("/tickets/{ticket_id:int}/files", listing)])
        """
        #expect(try found(source).isEmpty)
        #expect(try found(source.replacingOccurrences(of: "{ticket_id:int}", with: "{ticket_id}")) == ["8:ASC1022"])
    }

    /// A signed cookie holds what the server signed; a plain one is the client's.
    @Test func signedCookies() throws {
        let source = """
        import os
        from bottle import Bottle, request

        app = Bottle()
        SECRET = os.environ["COOKIE_SECRET"]

        @app.get("/files")
        def files():
            account = request.get_cookie("account", secret=SECRET)
            return {"files": os.listdir(os.path.join("/srv/accounts", account))}
        """
        #expect(try found(source).isEmpty)
        #expect(try found(source.replacingOccurrences(of: ", secret=SECRET", with: "")) == ["10:ASC1022"])
    }

    /// A dataclass without methods: its instance's fields are what the construction gave them,
    /// a defaulted field none of the client's text.
    @Test func dataclassFields() throws {
        let source = """
        import logging
        import secrets
        from dataclasses import dataclass, field
        from flask import Flask, request

        app = Flask(__name__)
        log = logging.getLogger(__name__)

        @dataclass
        class Subscription:
            target_url: str
            ident: str = field(default_factory=lambda: secrets.token_hex(8))

        @app.post("/subscriptions")
        def subscribe():
            sub = Subscription(target_url=request.json["url"])
            log.info("created subscription %s", sub.ident)
            return {"id": sub.ident}
        """
        #expect(try found(source).isEmpty)
        #expect(try found(source.replacingOccurrences(of: "sub.ident)", with: "sub.target_url)")) == ["17:ASC1117"])
    }

    /// A queue message's id and receipt handle are AWS's; its body is the sender's.
    @Test func platformAssignedMessageFields() throws {
        let source = """
        import logging
        import boto3

        log = logging.getLogger(__name__)
        sqs = boto3.client("sqs")

        def poll(url):
            for message in sqs.receive_message(QueueUrl=url).get("Messages", []):
                log.warning("rejecting message %s", message["MessageId"])
        """
        #expect(try found(source).isEmpty)
        #expect(try found(source.replacingOccurrences(of: "message[\"MessageId\"]", with: "message[\"Body\"]")) == ["9:ASC1117"])
    }

    /// A FastAPI dependency reading the request hands the handler what it returns: a record
    /// looked up by the client's key is the server's; the client's own text stays the client's.
    @Test func requestDependencies() throws {
        let source = """
        import logging
        from fastapi import Depends, FastAPI, Header

        app = FastAPI()
        log = logging.getLogger(__name__)
        ACCOUNTS = {"k1": {"name": "acme"}}

        def current_account(x_api_key: str = Header(...)) -> dict:
            return ACCOUNTS.get(x_api_key)

        @app.get("/files")
        def files(account: dict = Depends(current_account)):
            log.info("listing for %s", account)
            return {}
        """
        #expect(try found(source).isEmpty)
        #expect(try found(source.replacingOccurrences(of: "return ACCOUNTS.get(x_api_key)", with: "return x_api_key.strip()")) == ["13:ASC1117"])
    }

    /// A Celery task's arguments are what was enqueued: content reaching a command counts, the
    /// ids a task names its files and log lines with do not.
    @Test func queuedTaskArguments() throws {
        let source = """
        import logging
        import subprocess
        from celery import Celery

        app = Celery("jobs")
        log = logging.getLogger(__name__)

        @app.task(bind=True)
        def render(self, job_id, options):
            log.info("rendering %s", job_id)
            with open(f"/srv/jobs/{job_id}.log", "w") as fh:
                subprocess.run(f"render {options}", shell=True, stdout=fh)
        """
        #expect(try found(source) == ["12:ASC1078"])
        #expect(try found(source.replacingOccurrences(of: "@app.task(bind=True)\n", with: "")).isEmpty)
    }

    /// A pika delivery's method frame is the broker's; its body is the publisher's.
    @Test func pikaDeliveryFrames() throws {
        let source = """
        import logging
        import pika

        log = logging.getLogger(__name__)

        def on_message(channel, method, properties, body):
            log.warning("dropping delivery %s", method.delivery_tag)
            channel.basic_ack(delivery_tag=method.delivery_tag)
        """
        #expect(try found(source).isEmpty)
        #expect(try found(source.replacingOccurrences(of: "method.delivery_tag)\n    channel", with: "body)\n    channel")) == ["7:ASC1117"])
    }

    /// A `str.format` field formatted as a date or a number holds no text.
    @Test func formatFieldsAsNumbersAndDates() throws {
        let source = """
        import tornado.web

        class Search(tornado.web.RequestHandler):
            def get(self):
                when = self.get_argument("when")
                self.write("<p>Due on {:%d %b %Y}, {:.2f} left</p>".format(when, when))
        """
        #expect(try found(source).isEmpty)
        #expect(try found(source.replacingOccurrences(of: "{:%d %b %Y}", with: "{}")) == ["6:ASC1079"])
    }

    /// A member name checked as text of its normalised `Path` (`str(out).startswith(base)`)
    /// stays inside the directory.
    @Test func pathCheckedAsText() throws {
        let source = """
        import os
        import zipfile
        from pathlib import Path

        def unpack(bundle, dest):
            base = os.path.realpath(dest)
            with zipfile.ZipFile(bundle) as archive:
                for info in archive.infolist():
                    out = Path(os.path.realpath(os.path.join(base, info.filename)))
                    if not str(out).startswith(base + os.sep):
                        raise ValueError(info.filename)
                    with archive.open(info) as src, open(out, "wb") as dst:
                        dst.write(src.read())
        """
        #expect(try found(source).isEmpty)
        #expect(try found(source.replacingOccurrences(of: "if not str(out).startswith(base + os.sep):", with: "if not str(out):")) == ["12:ASC1022"])
    }

    /// A bearer token compared with the configured one authenticates the caller; what the
    /// caller sends stays theirs (only a MAC over the data makes it the signer's).
    @Test func tokenComparisonSignsNothing() throws {
        let source = """
        import hmac
        import os
        import requests
        from flask import Flask, request

        app = Flask(__name__)
        TOKEN = os.environ["RELAY_TOKEN"]

        @app.post("/relay")
        def relay():
            supplied = request.headers.get("Authorization", "")
            if not hmac.compare_digest(supplied, TOKEN):
                return "unauthorized", 401
            target = request.get_json()["callback_url"]
            return str(requests.post(target, timeout=5).status_code)
        """
        #expect(try found(source) == ["15:ASC1918"])
    }

    /// A tree whose every node a loop checked against allowed kinds runs only those; a
    /// `compile` file name is a label, not code.
    @Test func checkedTreesAndCompileLabels() throws {
        let source = """
        import ast
        from flask import Flask, request

        app = Flask(__name__)
        ALLOWED = (ast.Expression, ast.BinOp, ast.Constant, ast.Add)

        @app.post("/calc")
        def calc():
            tree = ast.parse(request.json["expr"], mode="eval")
            for node in ast.walk(tree):
                if not isinstance(node, ALLOWED):
                    raise ValueError("not allowed")
            name = request.json["name"]
            return str(eval(compile(tree, f"<calc:{name}>", "eval")))
        """
        #expect(try found(source).isEmpty)
        #expect(try found(source.replacingOccurrences(of: "raise ValueError(\"not allowed\")", with: "pass")).contains("14:ASC1095"))
    }

    /// A click (or typer) command's parameters are the command line; a typed or flag option is no text.
    @Test func clickAndTyperCommands() throws {
        let source = """
        import sqlite3
        import click

        @click.command()
        @click.option("--table")
        @click.option("--limit", type=int, default=10)
        def export(table, limit):
            con = sqlite3.connect("a.db")
            con.execute(f"SELECT * FROM t LIMIT {limit}")
            con.execute(f"SELECT * FROM {table}")
        """
        #expect(try found(source) == ["10:ASC1089"])
        #expect(try found(source.replacingOccurrences(of: "@click.command()\n", with: "")).isEmpty)
    }

    /// A resolved path checked with `root in target.parents` stays under root; code whose
    /// digest matches a pinned one is the approved code; compiled code runs where it is run.
    @Test func parentsChecksPinnedDigestsAndCompiledCode() throws {
        let source = """
        import hashlib
        import hmac
        import zipfile
        from pathlib import Path
        from flask import Flask, request

        app = Flask(__name__)
        APPROVED = {"tax": "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08"}

        def extract(archive, dest):
            root = dest.resolve()
            with zipfile.ZipFile(archive) as zf:
                for info in zf.infolist():
                    target = (root / info.filename).resolve()
                    if root not in target.parents:
                        continue
                    with zf.open(info) as src, open(target, "wb") as out:
                        out.write(src.read())

        @app.post("/plugins/<name>")
        def load(name):
            source = request.get_data(as_text=True)
            digest = hashlib.sha256(source.encode()).hexdigest()
            if not hmac.compare_digest(digest, APPROVED[name]):
                return "rejected", 403
            code = compile(source, f"<plugin {name}>", "exec")
            exec(code, {})
            return "ok"
        """
        #expect(try found(source).isEmpty)
        // Unchecked: one finding for the archive's names, one where the compiled code runs.
        let unchecked = source.replacingOccurrences(of: "if root not in target.parents:", with: "if False:")
            .replacingOccurrences(of: "if not hmac.compare_digest(digest, APPROVED[name]):", with: "if not digest:")
        #expect(try found(unchecked) == ["17:ASC1022", "27:ASC1095"])
    }

    /// A Flask `MethodView` routed by `add_url_rule` with `<int:listing_id>`: the parameter is a number.
    @Test func methodViewRouteConverters() throws {
        let source = """
        import os
        from flask import Flask, jsonify
        from flask.views import MethodView

        class Photos(MethodView):
            def delete(self, listing_id):
                folder = os.path.join("/srv/photos", str(listing_id))
                return jsonify(os.listdir(folder))

        app = Flask(__name__)
        app.add_url_rule("/listings/<int:listing_id>/photos", view_func=Photos.as_view("photos"))
        """
        #expect(try found(source).isEmpty)
        #expect(try found(source.replacingOccurrences(of: "<int:listing_id>", with: "<listing_id>")) == ["8:ASC1022"])
    }

    /// A host checked against a partner's domain held by the server, of a URL parsed as text;
    /// what middleware put on a Falcon request's context.
    @Test func partnerDomainsAndRequestContext() throws {
        let source = """
        import os
        import requests
        from urllib.parse import urlsplit
        from flask import Flask, request

        app = Flask(__name__)
        PARTNERS = {"acme": "acme.example"}

        def allowed(url, domain):
            parts = urlsplit(str(url))
            host = (parts.hostname or "").lower()
            return parts.scheme == "https" and (host == domain or host.endswith("." + domain))

        @app.post("/hook")
        def hook():
            url = request.json["url"]
            if not allowed(url, PARTNERS["acme"]):
                return "no", 400
            return str(requests.post(url, timeout=5).status_code)

        class Documents:
            def on_get(self, req, resp):
                resp.media = os.listdir(os.path.join("/srv/docs", req.context.holder_id))
        """
        #expect(try found(source).isEmpty)
        #expect(try found(source.replacingOccurrences(of: "req.context.holder_id", with: "req.get_param(\"holder\")")) == ["23:ASC1022"])
    }

    /// A number checked in range (`1 <= count <= 20`) and a validator accepting an address or a
    /// host name (`try: ipaddress.ip_address(t); return True`, else a whole-value match) make
    /// a command list's values plain.
    @Test func rangeChecksAndTryValidators() throws {
        let source = """
        import ipaddress
        import re
        import subprocess
        from flask import Flask, request, abort

        app = Flask(__name__)
        HOST = re.compile(r"[a-z0-9.-]{1,253}")

        def valid_target(target):
            try:
                ipaddress.ip_address(target)
                return True
            except ValueError:
                return HOST.fullmatch(target) is not None

        def run(command):
            return subprocess.run(command, capture_output=True, text=True).stdout

        @app.get("/ping")
        def ping():
            count = request.args.get("count", 3, type=int)
            target = request.args["target"]
            if not 1 <= count <= 20 or not valid_target(target):
                abort(400)
            return run(["ping", "-c", str(count), target])
        """
        #expect(try found(source).isEmpty)
        // Unchecked, the target may be read as an option of the fixed program (`-f`), as it
        // would be were the list run in place: argument injection, not command injection.
        #expect(try found(source.replacingOccurrences(of: " or not valid_target(target)", with: "")) == ["17:ASC1088"])
    }

    /// A name matched whole once its suffix is taken off (`NAME.fullmatch(n.removesuffix(".jpg"))`).
    @Test func matchAfterSuffixRemoved() throws {
        let source = """
        import os
        import re
        from flask import Flask, request, abort, send_file

        app = Flask(__name__)
        NAME = re.compile(r"[A-Za-z0-9_-]{1,64}")

        @app.get("/img")
        def image():
            name = request.args["name"]
            if not NAME.fullmatch(name.removesuffix(".jpg")):
                abort(400)
            return send_file(os.path.join("/srv/cache", name))
        """
        #expect(try found(source).isEmpty)
        #expect(try found(source.replacingOccurrences(of: "name.removesuffix(\".jpg\")", with: "request.args[\"other\"]")) == ["13:ASC1022"])
    }

    /// A FastAPI dependency's own parameters as FastAPI fills them: a typed path parameter is a
    /// number, one filled by a dependency of its own the server's; what it looks up is the store's.
    @Test func dependencyParametersAsFastAPIFillsThem() throws {
        let source = """
        import os
        from fastapi import Depends, FastAPI

        app = FastAPI()

        def get_root():
            return "/srv/bookings"

        def load_folder(booking_id: int, root: str = Depends(get_root)):
            return os.path.join(root, str(booking_id))

        @app.get("/bookings/{booking_id}/files")
        def files(folder: str = Depends(load_folder)):
            return os.listdir(folder)
        """
        #expect(try found(source).isEmpty)
        #expect(try found(source.replacingOccurrences(of: "booking_id: int,", with: "booking_id: str,")) == ["14:ASC1022"])
    }

    /// Bottle's `<pid:int>` converts like Flask's `<int:pid>`; an async database connection
    /// returns the store's rows, whatever named the database.
    @Test func bottleConvertersAndAsyncConnections() throws {
        let source = """
        import os
        import aiosqlite
        from aiohttp import web
        from bottle import route

        @route("/pets/<pet_id:int>/photos")
        def photos(pet_id):
            return os.listdir(os.path.join("/srv/pets", str(pet_id)))

        async def reviews(request):
            async with aiosqlite.connect(request.app["db_path"]) as db:
                rows = await (await db.execute("SELECT body FROM reviews")).fetchall()
            return web.Response(text="".join(r[0] for r in rows), content_type="text/html")
        """
        #expect(try found(source).isEmpty)
        #expect(try found(source.replacingOccurrences(of: "<pet_id:int>", with: "<pet_id>")) == ["8:ASC1022"])
    }
}
