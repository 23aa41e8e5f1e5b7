import Analyzer
import CodingAgent
import Diagnostics
import Foundation
import LibCurl
import PolicyKit

/// A problem with the LLM agent's settings: which key, which variable, what to set.
public struct AgentConfigurationError: ToolError {
    public var message: String
    public init(message: String) { self.message = message }
    public var exitStatus: ExitStatus { .badInput }
    public var description: String { "error: \(message)" }
}

/// Builds the LLM agent the policy names (`fix.agent`), or nil for the built-in one. The key
/// comes only from the environment variable `fix.api_key_env` names, is sent only to
/// `fix.base_url`, and appears in no message.
public enum AgentFactory {
    public static func llmAgent(policy: Policy, engine: AnalysisEngine,
                                environment: [String: String] = ProcessInfo.processInfo.environment) throws -> LLMAgent? {
        let fix = policy.fix
        guard fix.agent != .builtin else { return nil }
        guard !fix.model.isEmpty else {
            throw AgentConfigurationError(message: "fix.agent is \(fix.agent.rawValue) but fix.model is empty; name the model (for example gpt-4o, claude-sonnet-4-5, llama3.1)")
        }
        var key: String?
        if !fix.apiKeyEnv.isEmpty {
            guard let value = environment[fix.apiKeyEnv], !value.isEmpty else {
                throw AgentConfigurationError(message: "fix.api_key_env names \(fix.apiKeyEnv), which is not set in the environment")
            }
            key = value
        }
        let client = HTTPClient(maximumAttempts: 4)
        let timeout = Double(fix.requestTimeoutSeconds)
        let provider: any LLMProvider
        switch fix.agent {
        case .builtin:
            return nil
        case .openai, .ollama:
            let base = fix.baseURL.isEmpty ? (fix.agent == .ollama ? "http://localhost:11434/v1" : "https://api.openai.com/v1") : fix.baseURL
            if key == nil, fix.agent == .openai, fix.baseURL.isEmpty {
                throw AgentConfigurationError(message: "the openai agent needs an API key: set fix.api_key_env to the name of the variable that holds it (for example OPENAI_API_KEY)")
            }
            provider = OpenAICompatibleProvider(baseURL: base, model: fix.model, apiKey: key, client: client, timeoutSeconds: timeout)
        case .anthropic:
            guard let key else {
                throw AgentConfigurationError(message: "the anthropic agent needs an API key: set fix.api_key_env to the name of the variable that holds it (for example ANTHROPIC_API_KEY)")
            }
            provider = AnthropicProvider(baseURL: fix.baseURL.isEmpty ? "https://api.anthropic.com/v1" : fix.baseURL, model: fix.model, apiKey: key,
                                         client: client, timeoutSeconds: timeout)
        }
        return LLMAgent(provider: provider, engine: engine, maxRounds: max(1, fix.maxStaticRounds), name: "\(fix.agent.rawValue) \(fix.model)")
    }
}
