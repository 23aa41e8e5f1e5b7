import PythonSyntax

/// Untrusted text written to a log.
struct LogInjectionFlowRule: DataFlowRule {
    static let description = RuleDescription(
        code: "ASC1117", name: "log-injection-flow", cwe: 117, severity: .low, confidence: .medium,
        rationale: """
        Text from the requester written to a log can forge entries (a newline and a fake line). \
        Log it with %r or %s as an argument (logger.info("user %r", name)), so it stays one field.
        """,
        triggering: [
            "import logging\nfrom flask import request\n\ndef login():\n    ↓logging.info(\"login by \" + request.form[\"user\"])\n",
            "import logging, sys\nlog = logging.getLogger(__name__)\n↓log.warning(f\"bad input {sys.argv[1]}\")\n",
        ],
        nonTriggering: [
            "import logging\nfrom flask import request\n\ndef login():\n    logging.info(\"login by %r\", request.form[\"user\"])\n",
            "import logging\nlogging.info(\"started\")\n",
        ]
    )

    var sinkNoun: String { "a log message" }

    static let levels: Set<String> = ["debug", "info", "warning", "warn", "error", "critical", "exception", "fatal"]

    func sinkArguments(of call: CallSite, imports: ImportTable) -> [Expr] {
        guard let method = SinkMatching.method(call), Self.levels.contains(method) else { return [] }
        let isLogging = call.qualifiedName.hasPrefix("logging.")
        let receiverLooksLikeLogger: Bool = {
            if case .attribute(let receiver, _, _) = call.function.kind, case .name(let id, _) = receiver.kind {
                return id.lowercased().contains("log")
            }
            return false
        }()
        guard isLogging || receiverLooksLikeLogger else { return [] }
        // Only the message format: arguments after it are formatted safely as fields.
        return SinkMatching.first(call, keyword: "msg")
    }
}
