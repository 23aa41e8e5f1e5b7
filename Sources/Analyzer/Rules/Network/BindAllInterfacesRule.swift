import PythonSyntax

/// B104: binding a server to every network interface.
struct BindAllInterfacesRule: Rule {
    static let description = RuleDescription(
        code: "ASC104", name: "bind-all-interfaces", banditID: "B104", cwe: 605, severity: .medium, confidence: .medium,
        rationale: """
        0.0.0.0 accepts connections on every interface, including public ones the service was \
        never meant to face. Bind to 127.0.0.1 (or the one interface needed) and make the \
        address configurable for deployments that need more.
        """,
        triggering: [
            "app.run(host=↓\"0.0.0.0\")\n",
            "sock.bind((↓\"0.0.0.0\", 8080))\n",
            "HOST = ↓\"0.0.0.0\"\n",
            "server.add_insecure_port(↓\"0.0.0.0:50051\")\n",
        ],
        nonTriggering: [
            "BLOCKED_HOSTS = {\"localhost\", \"127.0.0.1\", \"0.0.0.0\"}\n",
            "app.run(host=\"127.0.0.1\")\n",
            "if address == \"0.0.0.0\":\n    warn()\n",
        ]
    )

    var inspectsNodes: Bool { true }
    var nodeKinds: NodeKinds { [.compare, .constant, .assignment] }

    func check(node: Node, context: inout RuleContext) {
        // `BLOCKED_HOSTS = {"localhost", "0.0.0.0"}`: a table of addresses to test against; a
        // bind takes one address (or a `(host, port)` pair), never a set or a list of them.
        if case .stmt(let statement) = node, case .assign(_, let value) = statement.kind {
            switch value.kind {
            case .set(let elements), .list(let elements, _), .tuple(let elements, _):
                if elements.count >= 2, elements.allSatisfy({ $0.stringConstant != nil }) { context.skipDescendants(of: value.loc) }
            default: break
            }
            return
        }
        guard case .expr(let expression) = node else { return }
        if case .compare = expression.kind {
            context.skipDescendants(of: expression.loc)  // `host == "0.0.0.0"` tests an address; it binds nothing
        } else if let text = expression.stringConstant, text == "0.0.0.0" || Self.isAllInterfacesWithPort(text) {
            context.report(expression.loc, "binding to 0.0.0.0 listens on every network interface",
                           fixHint: "bind to 127.0.0.1 or a configured address")
        }
    }

    /// `0.0.0.0:50051` (gRPC's address form).
    static func isAllInterfacesWithPort(_ text: String) -> Bool {
        guard text.hasPrefix("0.0.0.0:") else { return false }
        let port = text.dropFirst(8)
        return !port.isEmpty && port.allSatisfy(\.isNumber)
    }
}
