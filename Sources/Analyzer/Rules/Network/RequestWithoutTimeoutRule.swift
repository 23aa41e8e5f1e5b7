import PythonSyntax

/// B113: `requests` calls without a timeout, and `httpx` calls with the timeout turned off.
struct RequestWithoutTimeoutRule: Rule {
    static let description = RuleDescription(
        code: "ASC113", name: "request-without-timeout", banditID: "B113", cwe: 400, severity: .medium, confidence: .low,
        rationale: """
        requests waits forever by default, so one slow or malicious server can hang a worker \
        for good. Always pass a timeout: requests.get(url, timeout=10). httpx has a default \
        timeout; do not set it to None.
        """,
        fixAvailable: true,
        triggering: [
            "import requests\nr = ↓requests.get(url)\n",
            "import requests\nr = requests.post(url, json=body, ↓timeout=None)\n",
            "import httpx\nr = httpx.get(url, ↓timeout=None)\n",
            "from requests import request\nr = ↓request(\"GET\", url)\n",
        ],
        nonTriggering: [
            "import requests\nr = requests.get(url, timeout=10)\n",
            "import httpx\nr = httpx.get(url)\n",  // httpx times out after 5 s by default
            "import requests\nr = requests.get(url, **options)\n",
            "r = session.get(url)\n",
        ]
    )

    static let verbs: Set<String> = ["get", "options", "head", "post", "put", "patch", "delete", "request"]
    static let httpx: Set<String> = verbs.union(["stream", "Client", "AsyncClient"])

    var calleePrefixes: [String] { ["requests.", "httpx."] }

    func check(call: CallSite, context: inout RuleContext) {
        let parts = call.qualifiedName.split(separator: ".")
        guard parts.count == 2, let name = parts.last.map(String.init) else { return }
        let isRequests = parts[0] == "requests"
        guard isRequests ? Self.verbs.contains(name) : Self.httpx.contains(name) else { return }
        if let timeout = call.keywords.first(where: { $0.arg == "timeout" }) {
            if timeout.value.isNoneConstant {
                context.report(timeout.loc, "\(call.qualifiedName) with timeout=None can wait forever",
                               fixHint: "pass a timeout in seconds")
            }
            return
        }
        guard isRequests, !call.hasKeywordSplat else { return }
        context.report(call.expression.loc, "\(call.qualifiedName) without a timeout can wait forever",
                       fixHint: "pass timeout=10 (seconds)")
    }
}
