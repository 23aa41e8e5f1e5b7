import PythonSyntax

/// B501: HTTP requests that skip TLS certificate verification.
struct RequestsVerifyFalseRule: Rule {
    static let description = RuleDescription(
        code: "ASC501", name: "request-without-cert-validation", banditID: "B501", cwe: 295, severity: .high, confidence: .high,
        rationale: """
        verify=False accepts any certificate, so anyone on the path can read and change the \
        traffic. Keep verification on; for a private CA pass verify="/path/to/ca.pem".
        """,
        fixAvailable: true,
        triggering: [
            "import requests\nr = requests.get(url, ↓verify=False, timeout=5)\n",
            "import httpx\nclient = httpx.Client(↓verify=False)\n",
            // A module constant is as false as the literal.
            "import requests\nVERIFY_TLS = False\n\ndef get(url):\n    return requests.get(url, ↓verify=VERIFY_TLS, timeout=5)\n",
        ],
        nonTriggering: [
            "import requests\nr = requests.get(url, timeout=5)\n",
            "import requests\nr = requests.get(url, verify=\"/etc/ca.pem\", timeout=5)\n",
            "import os, requests\nVERIFY_TLS = os.environ.get(\"CA_BUNDLE\", True)\nr = requests.get(url, verify=VERIFY_TLS, timeout=5)\n",
        ]
    )

    var calleePrefixes: [String] { ["requests.", "httpx."] }

    func check(call: CallSite, context: inout RuleContext) {
        guard let keyword = call.keywords.first(where: { $0.arg == "verify" }), context.literalValue(keyword.value)?.boolConstant == false else { return }
        context.report(keyword.loc, "\(call.qualifiedName) with verify=False skips TLS certificate checks",
                       fixHint: "remove verify=False (or point verify at a CA bundle)")
    }
}
