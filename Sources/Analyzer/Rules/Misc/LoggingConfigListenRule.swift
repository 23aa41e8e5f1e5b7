import PythonSyntax

/// B612: `logging.config.listen` accepts configurations that can run code.
struct LoggingConfigListenRule: Rule {
    static let description = RuleDescription(
        code: "ASC612", name: "logging-config-listen", banditID: "B612", cwe: 94, severity: .medium, confidence: .high,
        rationale: """
        logging.config.listen() opens a socket that accepts logging configurations, and a \
        configuration can name arbitrary callables to construct, so whoever reaches the port \
        runs code. Do not listen, or pass a verify callable that checks a signature.
        """,
        triggering: [
            "import logging.config\nthread = ↓logging.config.listen(9999)\n",
            "from logging.config import listen\nt = ↓listen()\n",
        ],
        nonTriggering: [
            "import logging.config\nt = logging.config.listen(9999, verify=check_signature)\n",
            "import logging.config\nlogging.config.dictConfig(config)\n",
        ]
    )

    var callees: Set<String> { ["logging.config.listen"] }

    func check(call: CallSite, context: inout RuleContext) {
        if let verify = call.argument("verify", position: 1), !verify.isNoneConstant { return }
        context.report(call.expression.loc, "logging.config.listen accepts configurations that can run code",
                       fixHint: "pass verify= to check the configuration's signature")
    }
}
