import PythonSyntax

/// What the import rules share: find the `import`/`from … import` statements that bring in one
/// of a set of modules, and report each once.
enum ImportMatching {
    /// Whether `name` is one of `modules` or lies under one of them.
    static func matches(_ name: String, _ modules: Set<String>) -> Bool {
        // `name` itself or a dotted prefix of it (`xml.etree` of `xml.etree.ElementTree`).
        if modules.contains(name) { return true }
        var index = name.startIndex
        while let dot = name[index...].firstIndex(of: ".") {
            if modules.contains(String(name[..<dot])) { return true }
            index = name.index(after: dot)
        }
        return false
    }

    /// The top-level packages of `modules`: a file importing none of them cannot match
    /// (for `Rule.requiredImports`).
    static func heads(_ modules: Set<String>) -> [String] {
        Array(Set(modules.map { String($0.split(separator: ".").first ?? Substring($0)) })).sorted()
    }

    /// Reports `import m` (at the alias) and `from m import x` (at the statement, once; or at
    /// each alias when only `m.x` is listed).
    static func check(_ node: Node, modules: Set<String>, message: (String) -> String, context: inout RuleContext) {
        guard case .stmt(let statement) = node else { return }
        switch statement.kind {
        case .import(let names):
            for alias in names where matches(alias.name, modules) {
                context.report(alias.loc, message(alias.name))
            }
        case .importFrom(let module?, let names, 0):
            if matches(module, modules) {
                context.report(statement.loc, message(module))
                return
            }
            for alias in names where matches(module + "." + alias.name, modules) {
                context.report(alias.loc, message(module + "." + alias.name))
            }
        default:
            return
        }
    }
}
