@testable import Analyzer
import PythonSyntax
import Testing

/// What checkers and builders of a file prove (stop 27: each case taken from a kind of code a
/// blind corpus showed misjudged). Each test also changes the one thing that makes the
/// difference and checks the finding comes (or goes).
@Suite("Data flow: address checkers, allow-listed columns, quoted identifiers")
struct CheckerLoopTests: FindsFlows {
    /// A checker raising unless every address the URL's host resolves to is public proves the
    /// URL for SSRF past the call, also when given an attribute (`endpoint.url`).
    @Test func publicAddressCheckerProvesTheURL() throws {
        let source = #"""
        import ipaddress
        import socket
        from urllib.parse import urlparse
        import requests
        from flask import Flask, request
        app = Flask(__name__)


        class Endpoint:
            def __init__(self, url):
                self.url = url


        def assert_public(url):
            parts = urlparse(url)
            if parts.scheme not in ("http", "https") or not parts.hostname:
                raise ValueError("scheme")
            for info in socket.getaddrinfo(parts.hostname, 443, proto=socket.IPPROTO_TCP):
                if not ipaddress.ip_address(info[4][0]).is_global:
                    raise ValueError("private")


        def deliver(endpoint):
            assert_public(endpoint.url)
            return requests.post(endpoint.url, json={}, timeout=10)


        @app.post("/preview")
        def preview():
            url = request.get_json()["url"]
            assert_public(url)
            requests.get(url, timeout=5)
            return deliver(Endpoint(request.get_json()["hook"])).text
        """#
        #expect(try found(source) == [])
        let unchecked = source.replacingOccurrences(of: "if not ipaddress.ip_address(info[4][0]).is_global:", with: "if not info:")
        #expect(try found(unchecked) == ["25:ASC1918", "32:ASC1918"])
    }

    /// `unknown = [c for c in columns if c not in KNOWN]` then `if unknown: raise`: past it,
    /// every column is a known one, and the statement built of them is fixed text.
    @Test func columnsOutsideAnAllowListTestedEmpty() throws {
        let source = #"""
        import csv
        import sqlite3
        import sys

        KNOWN = ("entry_date", "account", "memo")


        def load(path):
            with open(path, newline="") as fh:
                columns = next(csv.reader(fh))
            unknown = [c for c in columns if c not in KNOWN]
            if unknown:
                raise SystemExit(f"unexpected columns: {unknown!r}")
            sql = f"INSERT INTO staging ({', '.join(columns)}) VALUES (?, ?, ?)"
            sqlite3.connect("x.db").execute(sql, (1, 2, 3))


        load(input())
        """#
        #expect(try found(source) == [])
        #expect(try found(source.replacingOccurrences(of: "if c not in KNOWN]", with: "if c]")) == ["15:ASC1089"])
    }

    /// An identifier quoted with its quote character doubled inside cannot end early.
    @Test func quotedIdentifiersAreSafeForSQL() throws {
        let source = #"""
        import json
        import sqlite3


        def quote_ident(name):
            return '"' + name.replace('"', '""') + '"'


        def add_columns(conn, event):
            for prop in event["properties"]:
                conn.execute(f"ALTER TABLE events ADD COLUMN {quote_ident('p_' + prop)} TEXT")


        add_columns(sqlite3.connect("w.db"), json.loads(input()))
        """#
        #expect(try found(source) == [])
        #expect(try found(source.replacingOccurrences(of: "name.replace('\"', '\"\"')", with: "name")) == ["11:ASC1089"])
    }

    /// A checker that normalises its parameter first (`site = site.upper()`) and then raises
    /// unless it matches proves the parameter, also through a helper calling it.
    @Test func normalisedThenCheckedParameter() throws {
        let source = #"""
        import logging
        import os
        import re
        from flask import Flask, abort, send_file
        app = Flask(__name__)
        log = logging.getLogger(__name__)
        SITE_RE = re.compile(r"^[A-Z]{4}\Z")


        def site_dir(site):
            site = site.upper()
            if not SITE_RE.match(site):
                abort(400)
            return os.path.join("/data", site)


        def resolve(site, name):
            base = os.path.realpath(site_dir(site))
            return os.path.join(base, os.path.basename(name))


        @app.route("/archive/<site>/<name>")
        def download(site, name):
            path = resolve(site, name)
            log.info("download site=%s", site.upper())
            return send_file(path)
        """#
        #expect(try found(source) == [])
        #expect(try found(source.replacingOccurrences(of: "    if not SITE_RE.match(site):\n        abort(400)\n", with: "")) == ["23:ASC1117", "24:ASC1022"])
    }
}
