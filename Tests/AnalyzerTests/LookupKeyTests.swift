@testable import Analyzer
import PythonSyntax
import Testing

/// What a lookup gives: the value stored under a key, never the key (stop 26: each case taken
/// from a kind of code a blind corpus showed misjudged). Each test also changes the one thing
/// that makes the difference and checks the finding comes (or goes).
@Suite("Data flow: lookups give values, not keys")
struct LookupKeyTests: FindsFlows {
    /// `LOBBIES.setdefault(lobby, LobbyFilters())` keyed by a request value stores a fixed
    /// object: a later `LOBBIES.get(lobby)` gives that object, not the key. A value that is
    /// the request's own text, stored the same way, still arrives.
    @Test func setdefaultStoresTheValueNotTheKey() throws {
        let source = #"""
        import re
        from aiohttp import web

        LOBBIES = {}


        class LobbyFilters:
            def __init__(self):
                self.patterns = []


        def apply_rules(filters, text):
            for pattern in filters.patterns:
                if re.search(pattern, text):
                    return True
            return False


        async def add_rule(request):
            lobby = request.match_info["lobby"]
            LOBBIES.setdefault(lobby, LobbyFilters())
            return web.json_response({})


        async def check(request):
            lobby = request.match_info["lobby"]
            body = await request.json()
            filters = LOBBIES.get(lobby, LobbyFilters())
            return web.json_response({"hit": apply_rules(filters, body["text"])})
        """#
        #expect(try found(source).isEmpty)
        let stored = source.replacingOccurrences(of: "LOBBIES.setdefault(lobby, LobbyFilters())",
                                                 with: "LOBBIES.setdefault(lobby, request.query[\"patterns\"])")
        #expect(try found(stored) == ["14:ASC1333"])
    }
    /// `RULES.setdefault(partner, []).append(rule)` puts the request's rule into the list the
    /// table keeps: a later handler's lookup gives it. Appending a fixed rule keeps the table clean.
    @Test func appendToTheListATableKeeps() throws {
        let source = #"""
        from flask import Flask, request

        app = Flask(__name__)
        RULES = {}


        @app.post("/rules/<partner>")
        def add_rule(partner):
            RULES.setdefault(partner, []).append(request.json["when"])
            return "ok"


        @app.get("/quote/<partner>")
        def quote(partner):
            for rule in RULES.get(partner, []):
                if eval(rule, {"__builtins__": {}}, {}):
                    return "match"
            return "none"
        """#
        #expect(try found(source) == ["16:ASC1095"])
        let fixed = source.replacingOccurrences(of: #"request.json["when"]"#, with: #""price > 10""#)
        #expect(try found(fixed).isEmpty)
    }
}
