@testable import Analyzer
import PythonSyntax
import Testing

/// What a route's own pattern lets through to its handler's parameters.
@Suite("Data flow: route filters")
struct RouteFilterTests {
    /// Bottle's `<plan_id:re:[0-9a-f]{32}>` admits hex digits only: no path reaches outside
    /// the folder. A filter admitting dots (`[^/]+`) still lets `..` through.
    @Test func bottleRegexFilterOfPlainCharacters() throws {
        let source = #"""
        import json
        import os
        from bottle import Bottle

        app = Bottle()
        PLAN_DIR = "/srv/plans"


        @app.get("/plans/<plan_id:re:[0-9a-f]{32}>")
        def get_plan(plan_id):
            path = os.path.join(PLAN_DIR, plan_id + ".json")
            with open(path) as fh:
                return json.load(fh)
        """#
        #expect(try DataFlowTests().findings(source, enable: ["ASC1"]).isEmpty)
        let dotted = source.replacingOccurrences(of: "[0-9a-f]{32}", with: "[^/]+")
        #expect(try DataFlowTests().findings(dotted, enable: ["ASC1"]).map { "\($0.line):\($0.code)" } == ["12:ASC1022"])
    }

    @Test func routeParametersOfBottleFilters() {
        #expect(FunctionTable.routeParameters("/p/<id:re:[a-z0-9_-]{1,40}>").converted == ["id"])
        #expect(FunctionTable.routeParameters("/p/<id:re:.+>").open == ["id"])
        #expect(FunctionTable.routeParameters("/p/<id:int>/<rest:path>") == (["id"], ["rest"]))
    }
}
