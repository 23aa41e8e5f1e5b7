import PythonSyntax

/// CWE-116: a regular expression that tries to strip `<script>` tags to sanitise HTML.
struct HTMLSanitizingRegexRule: Rule {
    static let description = RuleDescription(
        code: "ASC2116", name: "regex-html-sanitizer", cwe: 116, severity: .medium, confidence: .medium,
        rationale: """
        HTML is not a regular language: a regex that removes <script> tags misses <SCRIPT >, \
        nested or split tags (<scr<script>ipt>), event handlers (onerror=) and javascript: URLs, \
        so the "sanitised" text still runs script. Escape output (markupsafe.escape, template \
        autoescaping) or sanitise with a real HTML parser such as bleach or nh3.
        """,
        triggering: [
            "import re\nclean = re.sub(↓r\"<script.*?>.*?</script>\", \"\", html)\n",
            "import re\nSCRIPT = re.compile(↓\"<SCRIPT[^>]*>\", re.I)\n",
        ],
        nonTriggering: [
            "import nh3\nclean = nh3.clean(html)\n",
            "import re\nclean = re.sub(r\"\\s+\", \" \", text)\n",
            "import re\nis_script = re.search(r\"<script\", html)\n",  // detection, not replacement
        ]
    )

    var callees: Set<String> { ["re.sub", "re.subn", "re.compile", "regex.sub", "regex.subn", "regex.compile"] }

    func check(call: CallSite, context: inout RuleContext) {
        guard let pattern = call.argument("pattern", position: 0), let text = pattern.stringConstant ?? pattern.bytesText,
              text.lowercased().contains("<script") else { return }
        context.report(pattern.loc, "regular expression used to strip <script> tags; regexes cannot sanitise HTML",
                       fixHint: "escape the output, or sanitise with bleach/nh3")
    }
}
