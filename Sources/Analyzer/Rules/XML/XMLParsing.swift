import PythonSyntax

/// What the XML parser rules share: they report a stdlib parse call unless its input is a
/// literal, and all point to defusedxml.
enum XMLParsing {
    static let rationale = """
        The standard library's XML parsers expand entities, so a document from outside can \
        exhaust memory (billion laughs) or, with some parsers, read local files (XXE). Parse \
        untrusted XML with defusedxml (defusedxml.ElementTree.fromstring, defusedxml.minidom.parse).
        """

    static func check(_ call: CallSite, module: String, context: inout RuleContext) {
        // A constant document cannot carry an attack.
        if let input = call.arguments.first, input.stringConstant != nil || { if case .constant(.bytes, _) = input.kind { return true } else { return false } }() {
            return
        }
        let function = call.qualifiedName.split(separator: ".").last.map(String.init) ?? call.qualifiedName
        context.report(call.expression.loc, "\(module).\(function) parses untrusted XML unsafely (entity expansion, XXE)",
                       fixHint: "use the defusedxml equivalent")
    }

    static func names(_ module: String, _ functions: [String]) -> Set<String> {
        Set(functions.map { "\(module).\($0)" })
    }
}
