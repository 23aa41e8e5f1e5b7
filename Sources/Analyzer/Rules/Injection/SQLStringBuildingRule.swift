import PythonSyntax

/// B608: SQL text built by formatting or concatenation from values that are not constants.
struct SQLStringBuildingRule: Rule {
    static let description = RuleDescription(
        code: "ASC608", name: "sql-string-building", banditID: "B608", cwe: 89, severity: .medium, confidence: .medium,
        rationale: """
        SQL assembled with f-strings, %, + or .format lets a value close the quote and add its own \
        clauses. Pass values as query parameters instead: \
        cursor.execute("SELECT * FROM users WHERE id = %s", (user_id,)); only table or column \
        names may be interpolated, and then only from a fixed allow-list.
        """,
        fixAvailable: true,
        triggering: [
            "cursor.execute(↓\"SELECT * FROM users WHERE id = \" + uid)\n",
            "db.execute(↓f\"DELETE FROM items WHERE name = '{name}'\")\n",
            "query = ↓\"UPDATE accounts SET balance = %s WHERE id = %s\" % (amount, account)\n",
            "sql = ↓\"INSERT INTO log (msg) VALUES ('{}')\".format(message)\n",
            "rows = conn.executemany(↓\"SELECT name \" + \"FROM t WHERE a = \" + value, batch)\n",
            // A module-level name that something rebinds is no constant.
            "TABLE = \"users\"\n\ndef use(name):\n    global TABLE\n    TABLE = name\n\ndef count(conn):\n    return conn.execute(↓\"SELECT COUNT(*) FROM %s\" % TABLE)\n",
            // A local from a parameter is not, nor one assigned twice.
            "def find(conn, kind):\n    table = kind + \"s\"\n    return conn.execute(↓f\"SELECT * FROM {table}\")\n",
            "def find(conn, admin):\n    table = \"users\"\n    if admin:\n        table = input()\n    return conn.execute(↓f\"SELECT * FROM {table}\")\n",
        ],
        nonTriggering: [
            "cursor.execute(\"SELECT * FROM users WHERE id = %s\", (uid,))\n",
            "label = \"select your option: \" + choice\n",
            "query = \"SELECT * FROM users WHERE id = %d\" % 5\n",
            "query = f\"SELECT * FROM users\"\n",
            "print(\"Select the item from %s\" % name)\n",  // English, not SQL
            // Only module constants spliced in: the text is the same on every run.
            "TABLE = \"users\"\nCOLUMNS = \"id, name\"\n\ndef count(conn):\n    return conn.execute(f\"SELECT {COLUMNS} FROM {TABLE}\")\n",
            // A local assigned once from a literal is as fixed.
            "def find(conn, uid):\n    table = \"users\"\n    return conn.execute(f\"SELECT * FROM {table} WHERE id = ?\", (uid,))\n",
            // Numbers cannot close a quote: `int()` results, also after clamping.
            "def page(conn, q):\n    limit = int(q.get(\"limit\", \"50\"))\n    limit = max(1, min(limit, 500))\n    return conn.execute(f\"SELECT * FROM events LIMIT {limit}\")\n",
        ]
    )

    static let executors: Set<String> = [
        "execute", "executemany", "executescript", "raw", "read_sql", "read_sql_query", "text", "mogrify", "exec_driver_sql",
    ]

    var inspectsNodes: Bool { true }
    /// Calls (executors, `.format`) and other expressions (`+`, `%`, f-strings); a constant
    /// alone is never dynamic.
    var nodeKinds: NodeKinds { [.call, .binaryOperation, .formattedString] }

    func check(node: Node, context: inout RuleContext) {
        guard case .expr(let expression) = node else { return }
        // The walk meets a call before its arguments: note the query argument of an executor.
        if let attribute = expression.calledAttribute ?? Self.calledName(expression), Self.executors.contains(attribute),
           case .call(_, let arguments, _) = expression.kind, let first = arguments.first {
            context.marks.insert(first.loc.startByte)
        }
        guard let built = expression.builtString, built.isDynamic, built.looksLikeSQL,
              !context.splicesOnlyFixedText(built, at: expression.loc, also: .numbers) else { return }
        if context.marks.contains(expression.loc.startByte) {
            context.report(expression.loc, "SQL query built from non-constant values is executed (SQL injection)",
                           fixHint: "pass the values as query parameters")
        } else {
            context.report(expression.loc, "SQL query built from non-constant values (possible SQL injection)", confidence: .low,
                           fixHint: "pass the values as query parameters")
        }
        context.skipDescendants(of: expression.loc)
    }

    /// `text` for `text(...)` (SQLAlchemy's `from sqlalchemy import text`).
    static func calledName(_ expression: Expr) -> String? {
        if case .call(let function, _, _) = expression.kind, case .name(let id, _) = function.kind { return id }
        return nil
    }
}
