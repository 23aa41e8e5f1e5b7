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
            // A fixed scheme and host, a path appended.
            "import urllib.request\nUPSTREAM = \"https://origin.internal\"\n\ndef fetch(path):\n    return urllib.request.urlopen(UPSTREAM + path).read()\n",
            // A URL from a constant table, through a constructor and a Request object.
            "import urllib.request\nHOOKS = {1: \"https://a.example.com/h\"}\nclass Tester:\n    def __init__(self, target):\n        self.target = target\n    def ping(self):\n        req = urllib.request.Request(self.target, method=\"POST\")\n        return urllib.request.urlopen(req)\ndef test(n):\n    return Tester(HOOKS.get(n)).ping()\n",
        ]
    )

    static let requestMakers: Set<String> = ["urllib.request.Request", "urllib2.Request"]

    var callees: Set<String> {
        ["urllib.urlopen", "urllib.request.urlopen", "urllib.urlretrieve", "urllib.request.urlretrieve", "urllib.URLopener",
         "urllib.request.URLopener", "urllib.FancyURLopener", "urllib.request.FancyURLopener", "urllib2.urlopen",
         "urllib2.Request", "urllib.request.Request", "six.moves.urllib.request.urlopen", "six.moves.urllib.request.urlretrieve"]
    }

    func check(call: CallSite, context: inout RuleContext) {
        if var url = call.argument("url", position: 0) {
            // `urlopen(req)` of `req = urllib.request.Request(URL, ...)`: the URL the request holds.
            if case .name(let id, _) = url.kind, let value = context.parsed.module.onlyAssignment(of: id, inFunctionAround: url.loc.startByte),
               let request = CallSite(value, imports: context.imports), Self.requestMakers.contains(request.qualifiedName),
               let inner = request.argument("url", position: 0) {
                url = inner
            }
            if let text = context.literalValue(url)?.stringConstant?.lowercased(), text.hasPrefix("http://") || text.hasPrefix("https://") { return }
            // A URL the program fixes itself (a constant, an entry of a constant table, what
            // every caller passes): its author chose the scheme; only one from outside can be `file:`.
            if context.isFixedText(url) { return }
            // `UPSTREAM + path` with `UPSTREAM = "https://origin.internal/"`: the scheme is fixed.
            if let leading = TaintInterpreter.leadingText(of: url, constants: TaintEngine.moduleStrings(context.parsed.module))?.lowercased(),
               leading.hasPrefix("http://") || leading.hasPrefix("https://") {
                return
            }
        }
        context.report(call.expression.loc, "\(call.qualifiedName) also opens file: and custom schemes; check the URL's scheme",
                       fixHint: "allow only http(s) URLs")
    }
}
