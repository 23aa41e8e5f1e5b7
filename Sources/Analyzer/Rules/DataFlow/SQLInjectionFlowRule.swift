import PythonSyntax

/// Untrusted data built into an SQL statement.
struct SQLInjectionFlowRule: DataFlowRule {
    static let description = RuleDescription(
        code: "ASC1089", name: "sql-injection-flow", cwe: 89, severity: .high, confidence: .high,
        rationale: """
        Untrusted data is part of the SQL text itself, so it can change the query. Keep the \
        statement constant and pass the values as parameters: cursor.execute("... WHERE id = ?", (uid,)).
        """,
        fixAvailable: true,
        triggering: [
            "import sqlite3\nfrom flask import request\n\ndef user():\n    name = request.args[\"name\"]\n    db = sqlite3.connect(\"x.db\")\n    ↓db.execute(\"SELECT * FROM users WHERE name = '%s'\" % name)\n",
            "def find(cursor, uid):\n    query = \"SELECT * FROM t WHERE id = \" + uid\n    ↓cursor.execute(query)\n\ndef main(cursor):\n    find(cursor, input())\n",
            "import asyncpg\nfrom aiohttp import web\n\nasync def reviews(request):\n    sql = f\"SELECT * FROM r WHERE s = '{request.query['s']}'\"\n    async with request.app[\"pool\"].acquire() as conn:\n        return await ↓conn.fetch(sql)\n",
        ],
        nonTriggering: [
            "import sqlite3\nfrom flask import request\n\ndef user():\n    db = sqlite3.connect(\"x.db\")\n    db.execute(\"SELECT * FROM users WHERE name = ?\", (request.args[\"name\"],))\n",
            "def find(cursor):\n    uid = int(input())\n    cursor.execute(\"SELECT * FROM t WHERE id = %d\" % uid)\n",
            // An HTTP client's fetch, in a file with no async SQL driver.
            "from tornado.httpclient import AsyncHTTPClient\nfrom tornado.web import RequestHandler\n\nclass P(RequestHandler):\n    async def get(self):\n        await AsyncHTTPClient().fetch(\"https://api.example.com/\" + self.get_argument(\"q\"))\n",
            // A GraphQL document run by its schema.
            "import graphene\nfrom flask import request\nschema = graphene.Schema(query=Query)\n\ndef graphql():\n    return schema.execute(request.get_json()[\"query\"])\n",
        ]
    )

    var sinkNoun: String { "an SQL statement" }

    static let methods: Set<String> = ["execute", "executemany", "executescript", "raw", "mogrify"]
    /// asyncpg's and `databases`' row queries (`await conn.fetch(sql)`), in files importing one:
    /// elsewhere `fetch` is as often an HTTP client's.
    static let asyncMethods: Set<String> = ["fetch", "fetchrow", "fetchval", "fetch_all", "fetch_one", "fetch_val"]
    static let asyncDrivers = ["asyncpg", "databases", "aiosqlite", "aiomysql", "aiopg", "asyncmy"]
    static let functions: Set<String> = ["sqlalchemy.text", "sqlalchemy.sql.text", "pandas.read_sql", "pandas.read_sql_query", "django.db.models.expressions.RawSQL"]

    func sinkArguments(of call: CallSite, imports: ImportTable) -> [Expr] {
        if Self.functions.contains(call.qualifiedName) { return SinkMatching.first(call, keyword: "sql") }
        if let method = SinkMatching.method(call),
           Self.methods.contains(method) || (Self.asyncMethods.contains(method) && Self.asyncDrivers.contains(where: imports.imports)) {
            // `schema.execute(query)` runs a GraphQL document, not SQL.
            if case .attribute(let receiver, _, _) = call.function.kind, case .name(let id, _) = receiver.kind,
               id.lowercased().hasSuffix("schema") {
                return []
            }
            return call.argument("sql", position: 0).map { [$0] } ?? call.argument("query", position: 0).map { [$0] } ?? []
        }
        return []
    }
}
