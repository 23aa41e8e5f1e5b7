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
            "app.run(host=\"127.0.0.1\")\n",
            "if address == \"0.0.0.0\":\n    warn()\n",
        ]
    )

    var inspectsNodes: Bool { true }
    var nodeKinds: NodeKinds { [.compare, .constant] }

    func check(node: Node, context: inout RuleContext) {
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
