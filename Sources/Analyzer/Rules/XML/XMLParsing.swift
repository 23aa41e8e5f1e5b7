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
        // Nor can a document the program ships: a fixed path, or one found next to the module
        // (`__file__`) or through the package's resources.
        if let input = call.arguments.first, isPackagedData(input, context: context) { return }
        let function = call.qualifiedName.split(separator: ".").last.map(String.init) ?? call.qualifiedName
        context.report(call.expression.loc, "\(module).\(function) parses untrusted XML unsafely (entity expansion, XXE)",
                       fixHint: "use the defusedxml equivalent")
    }

    static let packageDataReaders = ["importlib.resources.", "importlib_resources.", "pkgutil.get_data", "pkg_resources.resource_"]

    /// Whether `input` is a file of the program itself: fixed text, `__file__`, the package's
    /// resources, or paths and files made only from those (`os.path.join(HERE, "codes.xml")`,
    /// `files("geo").joinpath("codes.xml").open("rb")`), names standing for the one value they
    /// were given (by `=` here or at the top level, or by `with … as`). One part from anywhere
    /// else (`os.path.join(HERE, name)`) and it is not.
    static func isPackagedData(_ input: Expr, context: RuleContext, depth: Int = 0) -> Bool {
        if context.isFixedText(input) { return true }
        guard depth < 6 else { return false }
        func packaged(_ expression: Expr) -> Bool { isPackagedData(expression, context: context, depth: depth + 1) }
        switch input.kind {
        case .name("__file__", _):
            return true
        case .name(let id, _):
            let position = input.loc.startByte
            guard let value = context.parsed.module.onlyAssignment(of: id, inFunctionAround: position)
                    ?? context.parsed.module.withItemValue(of: id, inFunctionAround: position)
                    ?? context.moduleValue(of: id) else { return false }
            return packaged(value)
        case .attribute(let owner, _, _):
            return packaged(owner)  // `HERE.parent`
        case .binOp(let left, .div, let right):
            return packaged(left) && packaged(right)  // `HERE / "codes.xml"`
        case .call(let function, let arguments, let keywords):
            let name = context.imports.qualifiedName(of: function)
            if let name, packageDataReaders.contains(where: name.hasPrefix) { return true }
            let parts = arguments + keywords.map(\.value)
            switch function.kind {
            case .attribute(let receiver, _, _):
                // `os.path.join(HERE, "x")`: every argument; a method (`.joinpath("x")`,
                // `.open("rb")`): its receiver too.
                if let name, name.hasPrefix("os.path.") { return !parts.isEmpty && parts.allSatisfy(packaged) }
                return packaged(receiver) && parts.allSatisfy(packaged)
            case .name:
                // `Path(HERE, "x")`, `open(path, "rb")`.
                guard let name, name == "pathlib.Path" || name == "open" || name == "io.open" else { return false }
                return !parts.isEmpty && parts.allSatisfy(packaged)
            default:
                return false
            }
        default:
            return false
        }
    }

    static func names(_ module: String, _ functions: [String]) -> Set<String> {
        Set(functions.map { "\(module).\($0)" })
    }
}
