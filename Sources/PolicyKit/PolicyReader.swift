import Diagnostics
import LibYAML

/// Turns a policy file into a `Policy`: unknown keys, wrong types and out-of-range values
/// are errors naming the key and its position, never silently ignored.
public enum PolicyReader {
    public static func read(bytes: [UInt8], file: String) throws(PolicyError) -> Policy {
        let root: YAMLNode?
        do {
            root = try YAMLDocumentReader.read(bytes: bytes, file: file)
        } catch {
            throw .syntax(error)
        }
        var policy = Policy()
        guard let root else { return policy }
        let top = try Mapping(root, path: "", file: file, keys: ["version", "analyzer", "gate", "fuzz", "fix", "output"])

        if let node = top["version"] {
            let version = try top.int(node, key: "version")
            guard version == 1 else {
                throw top.error(node, key: "version", "unsupported policy version \(version); this tool reads version 1")
            }
        }
        if let node = top["analyzer"] { policy.analyzer = try readAnalyzer(node, file: file) }
        if let node = top["gate"] { policy.gate = try readGate(node, file: file) }
        if let node = top["fuzz"] { policy.fuzz = try readFuzz(node, file: file) }
        if let node = top["fix"] { policy.fix = try readFix(node, file: file) }
        if let node = top["output"] {
            let output = try Mapping(node, path: "output", file: file, keys: ["format"])
            if let value = output["format"] { policy.output.format = try output.choice(value, key: "format") }
        }
        return policy
    }

    private static func readAnalyzer(_ node: YAMLNode, file: String) throws(PolicyError) -> Policy.Analyzer {
        var analyzer = Policy.Analyzer()
        let map = try Mapping(node, path: "analyzer", file: file,
                              keys: ["min_severity", "min_confidence", "enable", "disable", "include", "exclude", "max_file_size_kb"])
        if let value = map["min_severity"] { analyzer.minSeverity = try map.choice(value, key: "min_severity") }
        if let value = map["min_confidence"] { analyzer.minConfidence = try map.choice(value, key: "min_confidence") }
        if let value = map["enable"] { analyzer.enable = try map.strings(value, key: "enable") }
        if let value = map["disable"] { analyzer.disable = try map.strings(value, key: "disable") }
        if let value = map["include"] { analyzer.include = try map.strings(value, key: "include") }
        if let value = map["exclude"] { analyzer.exclude = try map.strings(value, key: "exclude") }
        if let value = map["max_file_size_kb"] { analyzer.maxFileSizeKB = try map.int(value, key: "max_file_size_kb", in: 1...1_048_576) }
        return analyzer
    }

    private static func readGate(_ node: YAMLNode, file: String) throws(PolicyError) -> Policy.Gate {
        var gate = Policy.Gate()
        let map = try Mapping(node, path: "gate", file: file, keys: ["max_new_findings", "fail_on_fuzz_crash", "scope", "baseline"])
        if let value = map["max_new_findings"] {
            let limits = try Mapping(value, path: "gate.max_new_findings", file: file, keys: Severity.allCases.map(\.rawValue))
            for severity in Severity.allCases {
                guard let limit = limits[severity.rawValue] else { continue }
                if limits.isWord(limit, "unlimited") {
                    gate.maxNewFindings[severity] = .some(nil)
                } else {
                    gate.maxNewFindings[severity] = .some(try limits.int(limit, key: severity.rawValue, in: 0...1_000_000,
                                                                      hint: "a count of findings, or 'unlimited'"))
                }
            }
        }
        if let value = map["fail_on_fuzz_crash"] { gate.failOnFuzzCrash = try map.bool(value, key: "fail_on_fuzz_crash") }
        if let value = map["scope"] { gate.scope = try map.choice(value, key: "scope") }
        if let value = map["baseline"] { gate.baseline = try map.optionalString(value, key: "baseline") }
        return gate
    }

    private static func readBudget(_ node: YAMLNode, path: String, file: String, default budget: Policy.Budget) throws(PolicyError) -> Policy.Budget {
        var budget = budget
        let map = try Mapping(node, path: path, file: file, keys: ["per_function_seconds", "total_seconds"])
        if let value = map["per_function_seconds"] { budget.perFunctionSeconds = try map.seconds(value, key: "per_function_seconds") }
        if let value = map["total_seconds"] { budget.totalSeconds = try map.seconds(value, key: "total_seconds") }
        if budget.totalSeconds < budget.perFunctionSeconds, let node = map["total_seconds"] ?? map["per_function_seconds"] {
            throw map.error(node, key: node.start == map["total_seconds"]?.start ? "total_seconds" : "per_function_seconds",
                            "total_seconds (\(budget.totalSeconds)) must not be smaller than per_function_seconds (\(budget.perFunctionSeconds))")
        }
        return budget
    }

    private static func readFuzz(_ node: YAMLNode, file: String) throws(PolicyError) -> Policy.Fuzz {
        var fuzz = Policy.Fuzz()
        let map = try Mapping(node, path: "fuzz", file: file,
                              keys: ["enabled", "hook", "ci", "max_executions", "expected_exceptions", "sandbox", "memory_limit_mb", "call_timeout_ms"])
        if let value = map["enabled"] { fuzz.enabled = try map.bool(value, key: "enabled") }
        if let value = map["hook"] { fuzz.hook = try readBudget(value, path: "fuzz.hook", file: file, default: fuzz.hook) }
        if let value = map["ci"] { fuzz.ci = try readBudget(value, path: "fuzz.ci", file: file, default: fuzz.ci) }
        if let value = map["max_executions"] { fuzz.maxExecutions = try map.int(value, key: "max_executions", in: 1...1_000_000_000) }
        if let value = map["expected_exceptions"] {
            fuzz.expectedExceptions = try map.strings(value, key: "expected_exceptions")
            for (index, name) in fuzz.expectedExceptions.enumerated() where !isPythonDottedName(name) {
                guard case .sequence(let items) = value.value, index < items.count else { break }
                throw map.error(items[index], key: "expected_exceptions", "'\(name)' is not a Python exception name")
            }
        }
        if let value = map["sandbox"] { fuzz.sandbox = try map.choice(value, key: "sandbox") }
        if let value = map["memory_limit_mb"] { fuzz.memoryLimitMB = try map.int(value, key: "memory_limit_mb", in: 64...65_536) }
        if let value = map["call_timeout_ms"] { fuzz.callTimeoutMS = try map.int(value, key: "call_timeout_ms", in: 10...600_000) }
        return fuzz
    }

    private static func readFix(_ node: YAMLNode, file: String) throws(PolicyError) -> Policy.Fix {
        var fix = Policy.Fix()
        let map = try Mapping(node, path: "fix", file: file,
                              keys: ["agent", "model", "base_url", "api_key_env", "max_static_rounds", "max_fuzz_rounds",
                                     "branch", "verify_command", "commit_per", "request_timeout_seconds"])
        if let value = map["agent"] { fix.agent = try map.choice(value, key: "agent") }
        if let value = map["model"] { fix.model = try map.string(value, key: "model") }
        if let value = map["base_url"] {
            fix.baseURL = try map.string(value, key: "base_url")
            if !fix.baseURL.isEmpty, !(fix.baseURL.hasPrefix("https://") || fix.baseURL.hasPrefix("http://")) {
                throw map.error(value, key: "base_url", "expected an http:// or https:// URL, found '\(fix.baseURL)'")
            }
        }
        if let value = map["api_key_env"] {
            fix.apiKeyEnv = try map.string(value, key: "api_key_env")
            if !fix.apiKeyEnv.isEmpty, !isEnvironmentName(fix.apiKeyEnv) {
                throw map.error(value, key: "api_key_env",
                                "expected the NAME of an environment variable (letters, digits, '_'), not the key itself")
            }
        }
        if let value = map["max_static_rounds"] { fix.maxStaticRounds = try map.int(value, key: "max_static_rounds", in: 0...20) }
        if let value = map["max_fuzz_rounds"] { fix.maxFuzzRounds = try map.int(value, key: "max_fuzz_rounds", in: 0...20) }
        if let value = map["branch"] {
            fix.branch = try map.string(value, key: "branch")
            if fix.branch.isEmpty || fix.branch.contains("..") || fix.branch.hasPrefix("/") || fix.branch.hasSuffix("/")
                || fix.branch.contains(where: { " ~^:?*[\\".contains($0) && !"{}".contains($0) }) {
                throw map.error(value, key: "branch", "'\(fix.branch)' is not a valid branch name template")
            }
        }
        if let value = map["verify_command"] { fix.verifyCommand = try map.string(value, key: "verify_command") }
        if let value = map["commit_per"] { fix.commitPer = try map.choice(value, key: "commit_per") }
        if let value = map["request_timeout_seconds"] {
            fix.requestTimeoutSeconds = try map.int(value, key: "request_timeout_seconds", in: 1...3600)
        }
        return fix
    }

    private static func isPythonDottedName(_ name: String) -> Bool {
        !name.isEmpty && name.split(separator: ".", omittingEmptySubsequences: false).allSatisfy { part in
            guard let first = part.first, first == "_" || first.isLetter else { return false }
            return part.allSatisfy { $0 == "_" || $0.isLetter || $0.isNumber }
        }
    }

    private static func isEnvironmentName(_ name: String) -> Bool {
        guard let first = name.unicodeScalars.first, first == "_" || (first.isASCII && first.properties.isAlphabetic) else { return false }
        return name.unicodeScalars.allSatisfy { $0 == "_" || ($0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0))) }
    }
}
