import PythonSyntax

/// B310: `urllib` openers that also accept `file:` and custom schemes.
struct URLOpenRule: Rule {
    static let description = RuleDescription(
        code: "ASC310", name: "urllib-urlopen", banditID: "B310", cwe: 22, severity: .medium, confidence: .high,
        rationale: """
        urlopen and urlretrieve follow any scheme they are given, so a URL from input such as \
        file:///etc/passwd reads local files. Check that the scheme is http or https before \
        opening, or use a client limited to HTTP such as requests.
        """,
        triggering: [
            "import urllib.request\ndata = ↓urllib.request.urlopen(url).read()\n",
            "from urllib.request import urlretrieve\n↓urlretrieve(link, \"out.bin\")\n",
            "import urllib.request\nopener = ↓urllib.request.URLopener()\n",
        ],
        nonTriggering: [
            "import urllib.request\ndata = urllib.request.urlopen(\"https://example.com/feed\").read()\n",
            "import requests\ndata = requests.get(url, timeout=5).content\n",
            // A module constant's scheme is known.
            "import urllib.request\nSTATUS = \"https://status.example.com/health\"\n\ndef up():\n    return urllib.request.urlopen(STATUS).status\n",
        ]
    )

    var callees: Set<String> {
        ["urllib.urlopen", "urllib.request.urlopen", "urllib.urlretrieve", "urllib.request.urlretrieve", "urllib.URLopener",
         "urllib.request.URLopener", "urllib.FancyURLopener", "urllib.request.FancyURLopener", "urllib2.urlopen",
         "urllib2.Request", "urllib.request.Request", "six.moves.urllib.request.urlopen", "six.moves.urllib.request.urlretrieve"]
    }

    func check(call: CallSite, context: inout RuleContext) {
        if let url = call.argument("url", position: 0).flatMap(context.literalValue)?.stringConstant?.lowercased(),
           url.hasPrefix("http://") || url.hasPrefix("https://") { return }
        context.report(call.expression.loc, "\(call.qualifiedName) also opens file: and custom schemes; check the URL's scheme",
                       fixHint: "allow only http(s) URLs")
    }
}
