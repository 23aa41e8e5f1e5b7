import Diagnostics
import LibYAML

extension PolicyReader {
    /// One mapping of the policy, checked against the keys it may hold.
    struct Mapping {
        let path: String
        let file: String
        private let values: [String: YAMLNode]

        init(_ node: YAMLNode, path: String, file: String, keys: [String]) throws(PolicyError) {
            self.path = path
            self.file = file
            guard case .mapping(let pairs) = node.value else {
                if case .scalar(let text, true) = node.value, text.isEmpty || text == "null" || text == "~" {
                    values = [:]  // `gate:` with nothing under it keeps the defaults.
                    return
                }
                throw PolicyError.invalid(file: file, line: node.start.line, column: node.start.column,
                                          key: path.isEmpty ? "policy" : path, message: "expected a mapping, found \(node.kindName)")
            }
            var values: [String: YAMLNode] = [:]
            for pair in pairs {
                guard case .scalar(let name, _) = pair.key.value else {
                    throw PolicyError.invalid(file: file, line: pair.key.start.line, column: pair.key.start.column,
                                              key: path.isEmpty ? "policy" : path, message: "keys must be plain names")
                }
                guard keys.contains(name) else {
                    let place = path.isEmpty ? "at the top level" : "in '\(path)'"
                    throw PolicyError.invalid(file: file, line: pair.key.start.line, column: pair.key.start.column,
                                              key: Self.join(path, name),
                                              message: "unknown key \(place) (known: \(keys.joined(separator: ", ")))")
                }
                values[name] = pair.value
            }
            self.values = values
        }

        subscript(key: String) -> YAMLNode? { values[key] }

        static func join(_ path: String, _ key: String) -> String { path.isEmpty ? key : "\(path).\(key)" }

        func error(_ node: YAMLNode, key: String, _ message: String) -> PolicyError {
            .invalid(file: file, line: node.start.line, column: node.start.column, key: Self.join(path, key), message: message)
        }

        private func scalar(_ node: YAMLNode, key: String, expected: String) throws(PolicyError) -> (text: String, plain: Bool) {
            guard case .scalar(let text, let plain) = node.value else {
                throw error(node, key: key, "expected \(expected), found \(node.kindName)")
            }
            return (text, plain)
        }

        func isWord(_ node: YAMLNode, _ word: String) -> Bool {
            if case .scalar(let text, _) = node.value { return text == word }
            return false
        }

        func int(_ node: YAMLNode, key: String, in range: ClosedRange<Int>? = nil, hint: String = "an integer") throws(PolicyError) -> Int {
            let (text, plain) = try scalar(node, key: key, expected: hint)
            guard plain, let value = Int(text.replacingOccurrences(of: "_", with: "")) else {
                throw error(node, key: key, "expected \(hint), found '\(text)'")
            }
            if let range, !range.contains(value) {
                throw error(node, key: key, "\(value) is out of range (\(range.lowerBound)...\(range.upperBound))")
            }
            return value
        }

        func seconds(_ node: YAMLNode, key: String) throws(PolicyError) -> Double {
            let (text, plain) = try scalar(node, key: key, expected: "a number of seconds")
            guard plain, let value = Double(text), value.isFinite else {
                throw error(node, key: key, "expected a number of seconds, found '\(text)'")
            }
            guard value > 0, value <= 86_400 else {
                throw error(node, key: key, "\(text) is out of range (more than 0, at most 86400 seconds)")
            }
            return value
        }

        func bool(_ node: YAMLNode, key: String) throws(PolicyError) -> Bool {
            let (text, plain) = try scalar(node, key: key, expected: "true or false")
            switch (plain, text.lowercased()) {
            case (true, "true"), (true, "yes"), (true, "on"): return true
            case (true, "false"), (true, "no"), (true, "off"): return false
            default: throw error(node, key: key, "expected true or false, found '\(text)'")
            }
        }

        func string(_ node: YAMLNode, key: String) throws(PolicyError) -> String {
            try scalar(node, key: key, expected: "a string").text
        }

        func optionalString(_ node: YAMLNode, key: String) throws(PolicyError) -> String? {
            let (text, plain) = try scalar(node, key: key, expected: "a string")
            if plain, text.isEmpty || text == "null" || text == "~" { return nil }
            return text
        }

        func strings(_ node: YAMLNode, key: String) throws(PolicyError) -> [String] {
            if case .scalar(let text, true) = node.value, text.isEmpty || text == "null" || text == "~" { return [] }
            guard case .sequence(let items) = node.value else {
                throw error(node, key: key, "expected a list of strings, found \(node.kindName)")
            }
            var result: [String] = []
            for item in items {
                guard case .scalar(let text, _) = item.value else {
                    throw error(item, key: key, "expected a string in the list, found \(item.kindName)")
                }
                result.append(text)
            }
            return result
        }

        func choice<T: RawRepresentable & CaseIterable>(_ node: YAMLNode, key: String) throws(PolicyError) -> T where T.RawValue == String {
            let options = T.allCases.map(\.rawValue).joined(separator: ", ")
            let (text, _) = try scalar(node, key: key, expected: "one of \(options)")
            guard let value = T(rawValue: text) else {
                throw error(node, key: key, "expected one of \(options), found '\(text)'")
            }
            return value
        }
    }
}
