import PythonSyntax

/// CWE-943: a MongoDB `$where` built from non-constant text, or a DynamoDB expression string
/// built by concatenation or formatting.
struct NoSQLInjectionRule: Rule {
    static let description = RuleDescription(
        code: "ASC2943", name: "nosql-injection", cwe: 943, severity: .high, confidence: .medium,
        rationale: """
        MongoDB runs a $where string as JavaScript on the server, and DynamoDB parses filter and \
        key-condition strings as expressions: text spliced into them changes the query. Use \
        query operators with values ({"age": {"$gt": age}}) instead of $where, and in DynamoDB \
        keep the expression constant and pass values through ExpressionAttributeValues (or \
        boto3.dynamodb.conditions Key/Attr).
        """,
        triggering: [
            "def find(db, name):\n    return db.users.find_one({\"$where\": ↓\"this.name == '\" + name + \"'\"})\n",
            "def find(coll, expr):\n    return list(coll.find({\"$where\": ↓expr}))\n",
            "def scan(table, status):\n    return table.scan(FilterExpression=↓f\"status = {status}\")\n",
            "def find(orders, name):\n    query = {\"$where\": \"this.name == '%s'\" % name}\n    return ↓orders.find(query)\n",
        ],
        nonTriggering: [
            "def find(db, name):\n    return db.users.find_one({\"name\": name})\n",
            "def find(db):\n    return db.users.find({\"$where\": \"this.a > this.b\"})\n",
            "def scan(table, status):\n    return table.scan(FilterExpression=\"#s = :s\", ExpressionAttributeNames={\"#s\": \"status\"}, ExpressionAttributeValues={\":s\": status})\n",
        ]
    )

    static let mongoMethods: Set<String> = [
        "find", "find_one", "find_one_and_delete", "find_one_and_replace", "find_one_and_update", "delete_one", "delete_many",
        "update_one", "update_many", "replace_one", "count_documents", "aggregate", "distinct", "count", "remove", "update",
    ]
    static let dynamoMethods: Set<String> = ["scan", "query", "get_item", "update_item", "delete_item", "put_item"]
    static let dynamoExpressions: Set<String> = [
        "FilterExpression", "KeyConditionExpression", "ProjectionExpression", "UpdateExpression", "ConditionExpression",
    ]

    var inspectsNodes: Bool { true }
    var nodeKinds: NodeKinds { .call }
    /// `"$where"` holds the word `where`; a DynamoDB expression is passed by its keyword's name.
    var requiredIdentifiers: [String] { ["where"] + Self.dynamoExpressions.sorted() }

    static func isLambda(_ expression: Expr) -> Bool {
        if case .lambda = expression.kind { return true }
        return false
    }

    func check(node: Node, context: inout RuleContext) {
        guard case .expr(let expression) = node, case .call(let function, let arguments, let keywords) = expression.kind,
              case .attribute(_, let method, _) = function.kind else { return }
        if Self.mongoMethods.contains(method) {
            for argument in arguments.prefix(2) {
                // `query = {"$where": ...}` … `orders.find(query)`: the filter built the line
                // before, reported where it runs.
                if case .name(let id, _) = argument.kind,
                   let value = context.parsed.module.onlyAssignment(of: id, inFunctionAround: argument.loc.startByte),
                   case .dict(let keys, let values) = value.kind,
                   zip(keys, values).contains(where: { $0?.stringConstant == "$where" && $1.stringConstant == nil && !Self.isLambda($1) }) {
                    context.report(expression.loc, "MongoDB $where built from a non-constant value runs attacker-influenced JavaScript",
                                   fixHint: "use query operators with values instead of $where")
                    continue
                }
                ScopeWalk.walk(argument) { current in
                    guard case .dict(let keys, let values) = current.kind else { return true }
                    for (key, value) in zip(keys, values) where key?.stringConstant == "$where" && value.stringConstant == nil {
                        if case .lambda = value.kind { continue }
                        context.report(value.loc, "MongoDB $where built from a non-constant value runs attacker-influenced JavaScript",
                                       fixHint: "use query operators with values instead of $where")
                    }
                    return true
                }
            }
        }
        if Self.dynamoMethods.contains(method) {
            for keyword in keywords {
                guard let name = keyword.arg, Self.dynamoExpressions.contains(name), let built = keyword.value.builtString,
                      built.isDynamic else { continue }
                context.report(keyword.value.loc, "DynamoDB \(name) built from non-constant text",
                               fixHint: "keep the expression constant and pass values in ExpressionAttributeValues")
            }
        }
    }
}
