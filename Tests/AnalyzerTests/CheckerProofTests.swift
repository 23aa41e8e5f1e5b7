@testable import Analyzer
import PythonSyntax
import Testing

/// Checks a helper makes for its caller, and data a signature vouches for (stop 22: each case
/// taken from a kind of code a blind corpus showed misjudged). Each test also changes the one
/// thing that makes the difference and checks the finding comes back.
@Suite("Data flow: checkers, validators and signed data")
struct CheckerProofTests: FindsFlows {
    /// A method that raises unless its argument is allowed (`path_for`), and one calling it
    /// before it can return (`folder`): past either call the caller's value is checked. A
    /// check after an early return proves nothing.
    @Test func checkersThatRaise() throws {
        let source = #"""
        import logging
        import os
        from fastapi import FastAPI, HTTPException

        app = FastAPI()
        log = logging.getLogger(__name__)
        CARRIERS = {"ups", "dhl", "fedex"}

        class LabelStore:
            def __init__(self, root: str):
                self.root = root

            def path_for(self, carrier: str, name: str) -> str:
                if carrier not in CARRIERS:
                    raise HTTPException(status_code=404, detail="unknown carrier")
                return os.path.join(self.root, carrier, os.path.basename(name))

            def folder(self, carrier: str) -> str:
                base = self.path_for(carrier, "x")
                return os.path.dirname(base)

        store = LabelStore("/srv/labels")

        @app.get("/labels/{carrier}")
        def fetch_label(carrier: str, file: str):
            path = store.path_for(carrier, file)
            log.info("serving label for %s", carrier)
            return {"path": path}

        @app.get("/folders/{carrier}")
        def folder(carrier: str):
            where = store.folder(carrier)
            log.info("listing %s", carrier)
            return {"where": where}
        """#
        #expect(try found(source) == [])
        #expect(try found(source.replacingOccurrences(of: "        if carrier not in CARRIERS:", with: "        if not carrier:")) == ["27:ASC1117", "33:ASC1117"])
        let early = source.replacingOccurrences(of: "        if carrier not in CARRIERS:", with: "        if name == \"index\":\n            return self.root\n        if carrier not in CARRIERS:")
        #expect(try found(early) == ["29:ASC1117", "35:ASC1117"])
    }

    /// A Stripe event built with the webhook secret and JWT claims decoded with the key are the
    /// signer's data; claims decoded without checking the signature are the sender's.
    @Test func verifiedPayloads() throws {
        let source = #"""
        import logging
        import os
        import jwt
        import stripe
        from flask import Flask, request

        app = Flask(__name__)
        log = logging.getLogger(__name__)
        SECRET = os.environ["WEBHOOK_SECRET"]

        @app.post("/stripe")
        def stripe_hook():
            event = stripe.Webhook.construct_event(request.data, request.headers.get("Stripe-Signature"), SECRET)
            log.info("event %s", event["type"])
            return "ok"

        @app.get("/me")
        def me():
            claims = jwt.decode(request.headers.get("Authorization", "")[7:], SECRET, algorithms=["HS256"])
            log.info("user %s", claims["sub"])
            return "ok"
        """#
        #expect(try found(source) == [])
        let unverified = source.replacingOccurrences(of: #"algorithms=["HS256"])"#, with: #"algorithms=["HS256"], options={"verify_signature": False})"#)
        #expect(try found(unverified) == ["20:ASC1117"])
    }

    /// `os.path.commonpath([str(base), str(candidate)]) != str(base)` is the containment check
    /// written for `Path` objects or text alike.
    @Test func commonPathOfText() throws {
        let source = #"""
        import os
        from flask import Flask, request, send_file
        app = Flask(__name__)
        ROOT = "/srv/docs"

        @app.get("/docs")
        def doc():
            base = os.path.realpath(ROOT)
            candidate = os.path.realpath(os.path.join(base, request.args["name"]))
            if os.path.commonpath([str(base), str(candidate)]) != str(base):
                return "no", 400
            return send_file(candidate)
        """#
        #expect(try found(source) == [])
        #expect(try found(source.replacingOccurrences(of: "if os.path.commonpath([str(base), str(candidate)]) != str(base):", with: "if False:")) == ["12:ASC1022"])
    }

    /// `audit.write(actor, text)` on an instance of a class of this file is that method: its
    /// summary says where the text goes (a line in the file the operator configured), not a
    /// write that puts the text into the object.
    @Test func ownWriteMethod() throws {
        let source = #"""
        import os
        from flask import Flask, request

        app = Flask(__name__)
        AUDIT_LOG = os.environ.get("AUDIT_LOG", "/var/log/audit.log")

        class AuditTrail:
            def __init__(self, path: str):
                self.path = path

            def write(self, actor: str, detail: str) -> None:
                with open(self.path, "a", encoding="utf-8") as fh:
                    fh.write(f"{actor!r} {detail!r}\n")

        audit = AuditTrail(AUDIT_LOG)

        @app.post("/caption")
        def caption():
            text = request.form.get("caption", "")
            audit.write("editor", text)
            return "ok"
        """#
        #expect(try found(source) == [])
        #expect(try found(source.replacingOccurrences(of: #"open(self.path, "a""#, with: #"open(detail, "a""#)) == ["12:ASC1022"])
    }

    /// A validator with a path per kind of target (a local path, or an allowed host), checking
    /// the target with backslashes made slashes, as a browser reads it. Without that
    /// normalisation `/\evil.example` passes as a local path.
    @Test func validatorPaths() throws {
        let source = #"""
        from urllib.parse import urlparse
        from flask import Flask, redirect, request, url_for

        app = Flask(__name__)
        ALLOWED_HOSTS = {"tools.example.com"}

        def is_safe_target(target):
            if not target or any(ord(ch) < 33 for ch in target):
                return False
            target = target.replace("\\", "/").strip()
            parts = urlparse(target)
            if not parts.netloc and not parts.scheme:
                return target.startswith("/") and not target.startswith("//")
            return parts.scheme == "https" and parts.hostname in ALLOWED_HOSTS

        @app.route("/logout")
        def logout():
            target = request.args.get("continue")
            return redirect(target if is_safe_target(target) else url_for("login"))
        """#
        #expect(try found(source) == [])
        #expect(try found(source.replacingOccurrences(of: #"target = target.replace("\\", "/").strip()"#, with: "target = target.strip()")) == ["19:ASC1601"])
        #expect(try found(source.replacingOccurrences(of: #"target = target.replace("\\", "/").strip()"#, with: "target = request.args.get(\"x\", \"/\")")) == ["19:ASC1601"])
    }

    /// A check taking the view's `request` (`_is_local(request, target)`) is a helper, not a
    /// view; a helper giving back the target only as it was checked, its backslashes made
    /// slashes first, gives back no open redirect.
    @Test func redirectHelpers() throws {
        let source = #"""
        from urllib.parse import urlsplit
        from django.shortcuts import redirect
        from django.utils.http import url_has_allowed_host_and_scheme
        from flask import Flask, request as flask_request

        app = Flask(__name__)

        def _is_local(request, target: str) -> bool:
            return url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()})

        def logout_view(request):
            return_to = request.GET.get("return_to", "/")
            if not _is_local(request, return_to):
                return_to = "/"
            return redirect(return_to)

        def local_target(target, fallback):
            if not target:
                return fallback
            normalized = target.replace("\\", "/")
            parts = urlsplit(normalized)
            if parts.scheme or parts.netloc or not normalized.startswith("/") or normalized.startswith("//"):
                return fallback
            return normalized

        @app.route("/login")
        def login():
            return redirect(local_target(flask_request.args.get("next"), "/"))
        """#
        #expect(try found(source) == [])
        #expect(try found(source.replacingOccurrences(of: #"normalized = target.replace("\\", "/")"#, with: "normalized = target.strip()")) == ["28:ASC1601"])
        #expect(try found(source.replacingOccurrences(of: "return url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()})", with: "return bool(target)")) == ["15:ASC1601"])
    }

    /// A checker may leave by a call that does not come back (`abort(400)`) as by `raise`.
    @Test func checkersThatAbort() throws {
        let source = #"""
        import os
        import re
        from flask import Flask, abort, jsonify

        app = Flask(__name__)
        ACCOUNT_RE = re.compile(r"^[A-Z]{2}[0-9]{8}$")

        def _check_account(account_id: str) -> None:
            if not ACCOUNT_RE.match(account_id):
                abort(400, "invalid account id")

        @app.get("/accounts/<account_id>/statements")
        def list_statements(account_id):
            _check_account(account_id)
            return jsonify(sorted(os.listdir(os.path.join("/srv/statements", account_id))))
        """#
        #expect(try found(source) == [])
        #expect(try found(source.replacingOccurrences(of: #"abort(400, "invalid account id")"#, with: #"print("invalid account id")"#)) == ["15:ASC1022"])
    }

    /// A function taking `request` that the file calls is a helper: its `fallback` is what
    /// callers pass (a fixed path), not the client's.
    @Test func requestTakingHelpers() throws {
        let source = #"""
        from starlette.responses import RedirectResponse

        DEFAULT_LANDING = "/dashboard"

        def landing_for(request, candidate, fallback=DEFAULT_LANDING):
            if not candidate.startswith("/") or candidate.startswith("//") or "\\" in candidate:
                return fallback
            return candidate

        async def logout(request):
            return_to = landing_for(request, request.query_params.get("return_to", ""), fallback="/login")
            return RedirectResponse(return_to, status_code=303)
        """#
        #expect(try found(source) == [])
        #expect(try found(source.replacingOccurrences(of: "        return fallback", with: "        return candidate")) == ["12:ASC1601"])
    }

    /// `urlsplit(url or "")` parses `url`: a host check of its parts checks the URL.
    @Test func hostCheckOfURLOrNothing() throws {
        let source = #"""
        from urllib.parse import urlsplit
        import requests
        from flask import Flask, abort, request

        app = Flask(__name__)
        ALLOWED_HOOK_HOSTS = {"hooks.slack.com", "chat.googleapis.com"}

        def check_hook_url(url):
            parts = urlsplit(url or "")
            if parts.scheme != "https" or parts.hostname not in ALLOWED_HOOK_HOSTS:
                abort(400)
            return url

        @app.post("/hooks/test")
        def test_hook():
            return str(requests.get(check_hook_url(request.json["url"]), timeout=5).status_code)
        """#
        #expect(try found(source) == [])
        #expect(try found(source.replacingOccurrences(of: " or parts.hostname not in ALLOWED_HOOK_HOSTS", with: "")) == ["16:ASC1918"])
    }
}
