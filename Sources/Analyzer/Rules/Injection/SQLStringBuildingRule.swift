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
            // A clause unpacked from fixed text, then extended with the request's value.
            "SORTS = {\"name\": \"p.name\", \"stock\": \"i.on_hand\"}\n\n\ndef stock(cur, leg, category, order_by):\n    where, params = \"WHERE i.leg = %s\", [leg]\n    if category:\n        where += f\" AND p.category = {category}\"\n        params.append(category)\n    query = f\"SELECT p.sku FROM inventory i JOIN products p ON p.sku = i.sku {where} ORDER BY {SORTS.get(order_by, 'p.sku')}\"\n    ↓cur.execute(query, params)\n    return cur.fetchall()\n",
            "↓cursor.execute(\"SELECT * FROM users WHERE id = \" + uid)\n",
            "↓db.execute(f\"DELETE FROM items WHERE name = '{name}'\")\n",
            "query = ↓\"UPDATE accounts SET balance = %s WHERE id = %s\" % (amount, account)\n",
            "sql = ↓\"INSERT INTO log (msg) VALUES ('{}')\".format(message)\n",
            "rows = ↓conn.executemany(\"SELECT name \" + \"FROM t WHERE a = \" + value, batch)\n",
            // Built, then executed: reported where it runs.
            "def find(cur, name):\n    sql = \"SELECT * FROM t WHERE name = '%s'\" % name\n    ↓cur.execute(sql)\n",
            "def find(cur, name, kind):\n    sql = f\"SELECT * FROM t WHERE name = '{name}'\"\n    if kind:\n        sql += \" AND kind = 1\"\n    ↓cur.execute(sql)\n",
            // Built in a helper that returns it: reported where the helper's result runs.
            "def search_sql(flt):\n    where = [f\"name = '{flt.name}'\"]\n    return \"SELECT * FROM t WHERE \" + \" AND \".join(where)\n\ndef run(conn, flt):\n    query = search_sql(flt)\n    ↓conn.execute(query)\n",
            "def segment_query(req):\n    sql = \"SELECT * FROM %s WHERE country = '%s'\" % (req[\"table\"], req[\"country\"])\n    return sql\n\ndef export(conn, req):\n    query = segment_query(req)\n    ↓conn.execute(query)\n",
            "def build(flt):\n    sql = f\"SELECT * FROM t WHERE kind = '{flt.kind}'\"\n    return sql, []\n\ndef search(conn, flt):\n    sql, params = build(flt)\n    ↓conn.execute(sql, params)\n",
            // A module-level name that something rebinds is no constant.
            "TABLE = \"users\"\n\ndef use(name):\n    global TABLE\n    TABLE = name\n\ndef count(conn):\n    return ↓conn.execute(\"SELECT COUNT(*) FROM %s\" % TABLE)\n",
            // A local from a parameter is not, nor one assigned twice.
            "def find(conn, kind):\n    table = kind + \"s\"\n    return ↓conn.execute(f\"SELECT * FROM {table}\")\n",
            "def find(conn, admin):\n    table = \"users\"\n    if admin:\n        table = input()\n    return ↓conn.execute(f\"SELECT * FROM {table}\")\n",
            // A class-level name a method rebinds on the instance.
            // Fixed text first, a value added after.
            "def find(cur, since, sort):\n    sql = \"SELECT id FROM orders WHERE created >= %s\"\n    sql += f\" ORDER BY {sort}\"\n    ↓cur.execute(sql, (since,))\n",
            "class Repo:\n    table = \"users\"\n\n    def use(self, name):\n        self.table = name\n\n    def count(self, conn):\n        return ↓conn.execute(f\"SELECT COUNT(*) FROM {self.table}\")\n",
            // Clauses starting from fixed text, one appended with a value spliced in: not the
            // list as first written.
            "def search(cur, name):\n    clauses = [\"active = 1\"]\n    clauses.append(f\"name = '{name}'\")\n    ↓cur.execute(\"SELECT * FROM t WHERE \" + \" AND \".join(clauses))\n",
            // A module list of fixed columns the file appends a value to.
            "COLUMNS = [\"id\", \"name\"]\n\ndef add(col):\n    COLUMNS.append(col)\n\ndef listing(cur):\n    ↓cur.execute(\"SELECT \" + \", \".join(COLUMNS) + \" FROM t\")\n",
            // A builder's clauses that a caller outside the class adds to; an ordering stored on
            // an instance from outside.
            "class Query:\n    def __init__(self):\n        self.clauses = []\n\n    def sql(self):\n        return ↓\"SELECT * FROM t WHERE \" + \" AND \".join(self.clauses)\n\ndef search(q, name):\n    q.clauses.append(f\"name = '{name}'\")\n",
            "class Query:\n    def __init__(self):\n        self.order = \"id\"\n\n    def sql(self):\n        return ↓f\"SELECT * FROM t ORDER BY {self.order}\"\n\ndef search(q, sort):\n    q.order = sort\n",
        ],
        nonTriggering: [
            // A clause unpacked from fixed text and extended with fixed text; a column from a fixed table.
            "SORTS = {\"name\": \"p.name\", \"stock\": \"i.on_hand\"}\n\n\ndef stock(cur, leg, category, order_by):\n    where, params = \"WHERE i.leg = %s\", [leg]\n    if category:\n        where += \" AND p.category = %s\"\n        params.append(category)\n    query = f\"SELECT p.sku FROM inventory i JOIN products p ON p.sku = i.sku {where} ORDER BY {SORTS.get(order_by, 'p.sku')}\"\n    cur.execute(query, params)\n    return cur.fetchall()\n",
            // Fixed column names, spelled out by a comprehension or a loop over a sorted fixed set.
            "SEARCHABLE = (\"first_name\", \"email\")\n\ndef search(cur, term):\n    sql = \"SELECT id FROM people WHERE \" + \" OR \".join(f\"{col} LIKE %s\" for col in SEARCHABLE)\n    cur.execute(sql, [term] * 2)\n",
            "METRICS = {\"temp\", \"humidity\"}\n\ndef latest(db, device):\n    for metric in sorted(METRICS):\n        db.execute(f\"SELECT ts FROM {metric} WHERE device = ?\", (device,))\n",
            // A builder's clauses, fixed text its methods append; its ordering, fixed text each
            // method stores; clauses counted by a loop's index.
            "SORTS = {\"new\": \"created DESC\"}\n\nclass Query:\n    def __init__(self):\n        self.clauses = [\"active = 1\"]\n        self.order = \"id\"\n\n    def named(self, name):\n        self.clauses.append(\"name = %s\")\n\n    def sort(self, key):\n        self.order = SORTS.get(key, \"id\")\n\n    def sql(self):\n        return \"SELECT * FROM t WHERE \" + \" AND \".join(self.clauses) + f\" ORDER BY {self.order}\"\n",
            // A parameter rebound to one of two fixed texts.
            "def listing(cur, direction):\n    direction = \"DESC\" if direction == \"desc\" else \"ASC\"\n    cur.execute(\"SELECT * FROM t ORDER BY id %s\" % direction)\n",
            "def search_sql(words):\n    where = []\n    for i, word in enumerate(words):\n        where.append(f\"title LIKE :kw{i}\")\n    return \"SELECT id FROM jobs WHERE \" + \" OR \".join(where)\n",
            // A filter of fixed clauses (or a fixed default) from a method of an instance of a
            // class of this file.
            "class OrderFilter:\n    def where_clause(self):\n        return \" AND \".join([\"status = %s\"]) or \"TRUE\"\n\ndef search(cur, params):\n    flt = OrderFilter()\n    sql = \"SELECT id FROM orders WHERE \" + flt.where_clause()\n    cur.execute(sql, params)\n",
            "cursor.execute(\"SELECT * FROM users WHERE id = %s\", (uid,))\n",
            // Clauses of fixed text, appended one by one; values go in the parameters.
            // Clauses from the values of a table of fixed texts, looped over by `.items()`.
            "RANGES = {\"min_price\": \"price >=\", \"max_price\": \"price <=\"}\n\ndef search(cur, filters):\n    clauses, params = [\"active = 1\"], []\n    for key, expr in RANGES.items():\n        if key in filters:\n            clauses.append(f\"{expr} %s\")\n            params.append(int(filters[key]))\n    cur.execute(\"SELECT * FROM t WHERE \" + \" AND \".join(clauses), params)\n",
            "def search(cur, warehouse, prefix):\n    clauses, params = [], []\n    if warehouse:\n        clauses.append(\"warehouse = %s\")\n        params.append(warehouse)\n    if prefix:\n        clauses.append(\"name LIKE %s\")\n        params.append(prefix + \"%\")\n    sql = \"SELECT * FROM stock WHERE \" + \" AND \".join(clauses)\n    cur.execute(sql, params)\n",
            // The clause chosen in each branch is fixed text; the values go in the parameters.
            "def apply(cur, mv, sign):\n    if sign == 0:\n        assignment, value = \"on_hand = %s\", mv.quantity\n    else:\n        assignment, value = \"on_hand = on_hand + %s\", sign * mv.quantity\n    cur.execute(f\"UPDATE stock SET {assignment} WHERE sku = %s\", (value, mv.sku))\n",
            // An allow-listed column, or the default.
            "ALLOWED_SORT = {\"issued_at\", \"amount\"}\n\ndef listing(cur, flt):\n    sort = flt.sort if flt.sort in ALLOWED_SORT else \"issued_at\"\n    cur.execute(f\"SELECT * FROM invoices ORDER BY {sort}\")\n",
            "label = \"select your option: \" + choice\n",
            "query = \"SELECT * FROM users WHERE id = %d\" % 5\n",
            "query = f\"SELECT * FROM users\"\n",
            "print(\"Select the item from %s\" % name)\n",  // English, not SQL
            // Only module constants spliced in: the text is the same on every run.
            "TABLE = \"users\"\nCOLUMNS = \"id, name\"\n\ndef count(conn):\n    return conn.execute(f\"SELECT {COLUMNS} FROM {TABLE}\")\n",
            // A local assigned once from a literal is as fixed.
            "def find(conn, uid):\n    table = \"users\"\n    return conn.execute(f\"SELECT * FROM {table} WHERE id = ?\", (uid,))\n",
            // The class's own fixed name, which no method changes.
            "class Repo:\n    table = \"users\"\n\n    def count(self, conn):\n        return conn.execute(f\"SELECT COUNT(*) FROM {self.table}\")\n",
            // Numbers cannot close a quote: `int()` results, also after clamping.
            "def page(conn, q):\n    limit = int(q.get(\"limit\", \"50\"))\n    limit = max(1, min(limit, 500))\n    return conn.execute(f\"SELECT * FROM events LIMIT {limit}\")\n",
        ]
    )

    static let executors: Set<String> = [
        "execute", "executemany", "executescript", "raw", "read_sql", "read_sql_query", "text", "mogrify", "exec_driver_sql",
        // asyncpg's and `databases`' queries returning rows: only SQL-looking text counts here.
        "fetch", "fetchrow", "fetchval", "fetch_all", "fetch_one", "fetch_val",
    ]

    var inspectsNodes: Bool { true }
    /// Calls (executors, `.format`) and other expressions (`+`, `%`, f-strings); a constant
    /// alone is never dynamic.
    var nodeKinds: NodeKinds { [.call, .binaryOperation, .formattedString, .assignment, .returnStatement] }

    func check(node: Node, context: inout RuleContext) {
        // `sql = "... %s" % name` executed below in the same function: the injection happens
        // where it runs, reported there (the line it was built on named).
        // `return "SELECT ... " + " AND ".join(where)` from a helper (`search_sql(search)`):
        // reported where the file executes what it returns, as for a name it returns.
        if case .stmt(let statement) = node, case .return(let returned?) = statement.kind {
            var value = returned, element: Int?
            if case .tuple(let elements, _) = returned.kind, let index = elements.firstIndex(where: { isDynamicSQL($0, context: context) }) {
                (value, element) = (elements[index], index)
            }
            guard isDynamicSQL(value, context: context),
                  let helper = context.parsed.module.functionName(around: value.loc.startByte) else { return }
            let executions = Self.executions(ofResultOf: helper, element: element, in: context.parsed.module)
            guard !executions.isEmpty else { return }
            Self.report(executions, builtAt: value, context: &context)
            return
        }
        if case .stmt(let statement) = node {
            // The piece that makes the query dynamic, and the name it is built into: the only
            // binding or the first piece of the name (`sql = "... %s" % name`), or a piece added
            // with `+=` onto fixed SQL text (`sql += f" ORDER BY {sort}"`).
            let id: String, value: Expr
            switch statement.kind {
            case .assign(let targets, let assigned):
                guard targets.count == 1, case .name(let name, _) = targets[0].kind, isDynamicSQL(assigned, context: context),
                      context.parsed.module.assignedPieces(of: name, inFunctionAround: assigned.loc.startByte)?.first?.loc == assigned.loc
                else { return }
                (id, value) = (name, assigned)
            case .augAssign(let target, .add, let added):
                guard case .name(let name, _) = target.kind, isDynamicPiece(added, context: context),
                      let pieces = context.parsed.module.assignedPieces(of: name, inFunctionAround: added.loc.startByte),
                      let first = pieces.first, first.loc != added.loc, first.builtString?.looksLikeSQL == true,
                      let index = pieces.firstIndex(where: { $0.loc == added.loc }),
                      !pieces[..<index].contains(where: { isDynamicPiece($0, context: context) }) else { return }
                (id, value) = (name, added)
            default:
                return
            }
            let scope = context.parsed.module.scopeBody(around: value.loc.startByte)
            var executions = Self.execution(of: id, after: statement.loc.endByte, in: scope).map { [$0] } ?? []
            // `return sql` from a helper (`segment_query(req)`, `self.build_sql()`): where the
            // file executes what the helper returns.
            // Only for a query built whole (`sql = f"..."`): a piece added onto fixed text in a
            // helper (`sql += " ORDER BY " + self.sort`) is most often one its class checked.
            if executions.isEmpty, case .assign = statement.kind, let place = Self.returnedPlace(of: id, in: scope),
               let helper = context.parsed.module.functionName(around: value.loc.startByte) {
                executions = Self.executions(ofResultOf: helper, element: place, in: context.parsed.module)
            }
            guard !executions.isEmpty else { return }
            Self.report(executions, builtAt: value, context: &context)
            return
        }
        guard case .expr(let expression) = node else { return }
        // An executor given the built text: reported at the call, from its first line.
        if let attribute = expression.calledAttribute ?? Self.calledName(expression), Self.executors.contains(attribute),
           case .call(_, let arguments, _) = expression.kind, let first = arguments.first {
            if isDynamicSQL(first, context: context) {
                context.report(expression.loc, "SQL query built from non-constant values is executed (SQL injection)",
                               fixHint: "pass the values as query parameters")
                context.skipDescendants(of: first.loc)
            }
            return
        }
        guard isDynamicSQL(expression, context: context) else { return }
        context.report(expression.loc, "SQL query built from non-constant values (possible SQL injection)", confidence: .low,
                       fixHint: "pass the values as query parameters")
        context.skipDescendants(of: expression.loc)
    }

    private func isDynamicSQL(_ expression: Expr, context: RuleContext) -> Bool {
        guard let built = expression.builtString, built.isDynamic, built.looksLikeSQL else { return false }
        return !context.splicesOnlyFixedText(built, at: expression.loc, also: .numbers)
    }

    /// A piece of text splicing in something other than fixed text or numbers.
    private func isDynamicPiece(_ expression: Expr, context: RuleContext) -> Bool {
        guard let built = expression.builtString, built.isDynamic else { return false }
        return !context.splicesOnlyFixedText(built, at: expression.loc, also: .numbers)
    }

    /// Reports each execution of a query built at `value`, naming the line it was built on,
    /// and passes over the building itself.
    static func report(_ executions: [Expr], builtAt value: Expr, context: inout RuleContext) {
        for execution in executions {
            context.report(execution.loc, "SQL query built from non-constant values (line \(value.loc.lineno)) is executed (SQL injection)",
                           flow: [Finding.FlowStep(line: value.loc.lineno, column: value.loc.colOffset + 1, note: "built here")],
                           fixHint: "pass the values as query parameters")
        }
        context.skipDescendants(of: value.loc)
    }

    /// The first call after source byte `position` in `body` (nested definitions aside) that
    /// executes the name `id` (`cursor.execute(sql)`).
    static func execution(of id: String, after position: Int, in body: [Stmt]) -> Expr? {
        var found: Expr?
        ScopeWalk.walk(body) { node in
            guard found == nil else { return false }
            if case .expr(let expression) = node, expression.loc.startByte >= position,
               let attribute = expression.calledAttribute ?? calledName(expression), executors.contains(attribute),
               case .call(_, let arguments, _) = expression.kind, case .name(id, _) = arguments.first?.kind {
                found = expression
                return false
            }
            return true
        }
        return found
    }

    /// Where `body` (nested definitions aside) returns the name `id`: as it is (nil element),
    /// or as one element of a tuple (`return sql, params`: 0). Nil when it returns it neither way.
    static func returnedPlace(of id: String, in body: [Stmt]) -> Int?? {
        var found: Int??
        ScopeWalk.walk(body) { node in
            guard case .stmt(let statement) = node, case .return(let value?) = statement.kind else { return found == nil }
            switch value.kind {
            case .name(id, _): found = .some(nil)
            case .tuple(let elements, _):
                if let index = elements.firstIndex(where: { if case .name(id, _) = $0.kind { true } else { false } }) { found = .some(index) }
            default: break
            }
            return found == nil
        }
        return found
    }

    /// The executor calls in `module` given what a call of `helper` returns (or element
    /// `element` of the tuple it returns): directly (`cur.execute(segment_query(req))`), or
    /// through a name bound once to it (`query = self.build_sql()` … `cursor.execute(query)`,
    /// `sql, params = build_query(flt)` … `db.execute(sql, params)`).
    static func executions(ofResultOf helper: String, element: Int?, in module: Module) -> [Expr] {
        func callsHelper(_ expression: Expr) -> Bool {
            guard case .call(let function, _, _) = expression.kind else { return false }
            switch function.kind {
            case .name(let id, _): return id == helper
            case .attribute(_, let method, _): return method == helper
            default: return false
            }
        }
        var found: [Expr] = []
        module.walk { node in
            guard case .expr(let expression) = node, let attribute = expression.calledAttribute ?? calledName(expression),
                  executors.contains(attribute), case .call(_, let arguments, _) = expression.kind, let first = arguments.first else { return true }
            if let element {
                if case .name(let id, _) = first.kind, let (value, index, _) = module.onlyUnpacking(of: id, inFunctionAround: first.loc.startByte),
                   index == element, callsHelper(value) {
                    found.append(expression)
                }
            } else if callsHelper(first) {
                found.append(expression)
            } else if case .name(let id, _) = first.kind, let bound = module.onlyAssignment(of: id, inFunctionAround: first.loc.startByte),
                      callsHelper(bound) {
                found.append(expression)
            }
            return true
        }
        return found
    }

    /// `text` for `text(...)` (SQLAlchemy's `from sqlalchemy import text`).
    static func calledName(_ expression: Expr) -> String? {
        if case .call(let function, _, _) = expression.kind, case .name(let id, _) = function.kind { return id }
        return nil
    }
}
