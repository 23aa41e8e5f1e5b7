import Diagnostics

/// Prints a policy as YAML that `PolicyReader` reads back to the same value.
public enum PolicyRenderer {
    public static func render(_ policy: Policy) -> String {
        func list(_ items: [String]) -> String {
            "[" + items.map { quote($0) }.joined(separator: ", ") + "]"
        }
        func quote(_ text: String) -> String {
            "\"" + text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
        }
        func number(_ value: Double) -> String {
            value == value.rounded() && abs(value) < 1e15 ? String(Int(value)) : String(value)
        }
        func limit(_ severity: Severity) -> String {
            policy.gate.limit(for: severity).map(String.init) ?? "unlimited"
        }
        let a = policy.analyzer, g = policy.gate, z = policy.fuzz, f = policy.fix
        return """
        version: \(policy.version)
        analyzer:
          min_severity: \(a.minSeverity.rawValue)
          min_confidence: \(a.minConfidence.rawValue)
          enable: \(list(a.enable))
          disable: \(list(a.disable))
          include: \(list(a.include))
          exclude: \(list(a.exclude))
          max_file_size_kb: \(a.maxFileSizeKB)
        gate:
          max_new_findings:
            high: \(limit(.high))
            medium: \(limit(.medium))
            low: \(limit(.low))
          fail_on_fuzz_crash: \(g.failOnFuzzCrash)
          scope: \(g.scope.rawValue)
          baseline: \(g.baseline.map(quote) ?? "null")
        fuzz:
          enabled: \(z.enabled)
          hook:
            per_function_seconds: \(number(z.hook.perFunctionSeconds))
            total_seconds: \(number(z.hook.totalSeconds))
          ci:
            per_function_seconds: \(number(z.ci.perFunctionSeconds))
            total_seconds: \(number(z.ci.totalSeconds))
          max_executions: \(z.maxExecutions)
          expected_exceptions: \(list(z.expectedExceptions))
          sandbox: \(z.sandbox.rawValue)
          memory_limit_mb: \(z.memoryLimitMB)
          call_timeout_ms: \(z.callTimeoutMS)
        fix:
          agent: \(f.agent.rawValue)
          model: \(quote(f.model))
          base_url: \(quote(f.baseURL))
          api_key_env: \(quote(f.apiKeyEnv))
          max_static_rounds: \(f.maxStaticRounds)
          max_fuzz_rounds: \(f.maxFuzzRounds)
          branch: \(quote(f.branch))
          verify_command: \(quote(f.verifyCommand))
          commit_per: \(f.commitPer.rawValue)
          request_timeout_seconds: \(f.requestTimeoutSeconds)
        output:
          format: \(policy.output.format.rawValue)

        """
    }
}
