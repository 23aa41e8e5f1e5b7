import PythonSyntax

/// CWE-477: functions and modules that are deprecated or removed from Python 3.
struct ObsoleteFunctionRule: Rule {
    static let description = RuleDescription(
        code: "ASC2477", name: "obsolete-function", cwe: 477, severity: .low, confidence: .high,
        rationale: """
        Deprecated and removed APIs are unmaintained, often had security-relevant flaws (cgi.escape \
        leaves quotes unescaped, imp loads modules unsafely), and break on upgrade. Use the \
        replacement named in the message.
        """,
        triggering: [
            "import time\nstart = ↓time.clock()\n",
            "import cgi\nsafe = ↓cgi.escape(text)\n",
            "import ↓imp\n",
            "↓from asyncore import dispatcher\n",
        ],
        nonTriggering: [
            "import time\nstart = time.perf_counter()\n",
            "import html\nsafe = html.escape(text)\n",
            "import importlib\n",
        ]
    )

    static let replacements: [String: String] = [
        "time.clock": "time.perf_counter() or time.process_time()",
        "os.popen2": "subprocess.Popen", "os.popen3": "subprocess.Popen", "os.popen4": "subprocess.Popen",
        "string.letters": "string.ascii_letters", "string.lowercase": "string.ascii_lowercase", "string.uppercase": "string.ascii_uppercase",
        "string.maketrans": "str.maketrans",
        "cgi.escape": "html.escape", "platform.linux_distribution": "the distro package or platform.freedesktop_os_release()",
        "platform.dist": "the distro package", "base64.encodestring": "base64.encodebytes", "base64.decodestring": "base64.decodebytes",
        "inspect.getargspec": "inspect.signature or inspect.getfullargspec", "os.getcwdu": "os.getcwd",
        "sys.maxint": "sys.maxsize", "thread.start_new_thread": "threading.Thread",
    ]
    static let modules: [String: String] = [
        "imp": "importlib", "asyncore": "asyncio", "asynchat": "asyncio", "smtpd": "aiosmtpd", "distutils": "setuptools/sysconfig",
        "formatter": "nothing (removed)", "md5": "hashlib", "sha": "hashlib", "popen2": "subprocess", "commands": "subprocess",
    ]

    static let moduleNames = Set(modules.keys)
    /// The last part of every replaced name: most attributes are none of these, and asking
    /// costs less than resolving the attribute's name.
    static let replacedAttributes = Set(replacements.keys.compactMap { $0.split(separator: ".").last.map(String.init) })

    var inspectsNodes: Bool { true }
    var nodeKinds: NodeKinds { [.importStatement, .attribute] }
    /// Every name it reports is an imported module or a name of one.
    var requiredImports: [String] { Self.importedModules }
    static let importedModules = Array(moduleNames.union(replacements.keys.compactMap { $0.split(separator: ".").first.map(String.init) }))

    func check(node: Node, context: inout RuleContext) {
        switch node {
        case .stmt:
            ImportMatching.check(node, modules: Self.moduleNames, message: { module in
                let head = String(module.split(separator: ".").first ?? "")
                return "\(head) is deprecated or removed; use \(Self.modules[head] ?? "its replacement")"
            }, context: &context)
        case .expr(let expression):
            guard case .attribute(_, let attr, _) = expression.kind, Self.replacedAttributes.contains(attr),
                  let name = context.imports.qualifiedName(of: expression),
                  let replacement = Self.replacements[name] else { return }
            context.report(expression.loc, "\(name) is deprecated or removed; use \(replacement)", fixHint: "use \(replacement)")
        default:
            return
        }
    }
}
