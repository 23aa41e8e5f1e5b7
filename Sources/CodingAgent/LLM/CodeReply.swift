import PythonSyntax

/// Takes the whole fixed file out of a model's reply, fenced or not, with prose around it,
/// and checks it before anyone uses it.
public enum CodeReply {
    public enum Rejection: Error, Equatable, CustomStringConvertible {
        case noCode
        case doesNotParse(line: Int, message: String)
        case dropsFunctions([String])

        /// What to tell the model for its next try.
        public var description: String {
            switch self {
            case .noCode: return "the reply holds no Python code; answer with the whole fixed file in one ```python block"
            case .doesNotParse(let line, let message): return "the code does not parse: line \(line): \(message)"
            case .dropsFunctions(let names): return "the code drops functions the original defines: \(names.joined(separator: ", "))"
            }
        }
    }

    /// The largest fenced block, else the reply itself when it parses as Python.
    public static func extract(_ reply: String) -> String? {
        var blocks: [String] = []
        var current: [Substring]?
        for line in reply.split(separator: "\n", omittingEmptySubsequences: false) {
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if trimmed.hasPrefix("```") {
                if let open = current {
                    blocks.append(open.joined(separator: "\n") + "\n")
                    current = nil
                } else {
                    current = []  // any fence: models label Python blocks inconsistently
                }
            } else if current != nil {
                current?.append(line)
            }
        }
        if let best = blocks.max(by: { $0.count < $1.count }) { return best }
        let whole = reply.hasSuffix("\n") ? reply : reply + "\n"
        return (try? PythonSyntax.parse(Array(whole.utf8), filename: "reply.py")) != nil ? whole : nil
    }

    /// The code, if it parses and keeps every top-level function and class of the original.
    public static func accept(_ reply: String, original: ParsedModule) -> Result<String, Rejection> {
        guard let code = extract(reply) else { return .failure(.noCode) }
        let parsed: ParsedModule
        do {
            parsed = try PythonSyntax.parse(Array(code.utf8), filename: original.filename)
        } catch {
            return .failure(.doesNotParse(line: error.line, message: error.message))
        }
        let missing = definitions(original.module).subtracting(definitions(parsed.module)).sorted()
        return missing.isEmpty ? .success(code) : .failure(.dropsFunctions(missing))
    }

    static func definitions(_ module: Module) -> Set<String> {
        var names: Set<String> = []
        for statement in module.body {
            switch statement.kind {
            case .functionDef(let name, _, _, _, _, _, _), .classDef(let name, _, _, _, _, _): names.insert(name)
            default: break
            }
        }
        return names
    }
}
