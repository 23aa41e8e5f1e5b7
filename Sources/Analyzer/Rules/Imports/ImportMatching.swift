import PythonSyntax

/// What the import rules share: find the `import`/`from … import` statements that bring in one
/// of a set of modules, and report each once.
enum ImportMatching {
    /// Whether `name` is one of `modules` or lies under one of them.
    static func matches(_ name: String, _ modules: Set<String>) -> Bool {
        modules.contains { name == $0 || name.hasPrefix($0 + ".") }
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
