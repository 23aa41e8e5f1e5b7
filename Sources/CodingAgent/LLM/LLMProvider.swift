import Diagnostics
import Foundation
import LibCurl

/// A chat message for an LLM provider.
public struct ChatMessage: Sendable, Equatable {
    public enum Role: String, Sendable { case system, user, assistant }
    public var role: Role
    public var content: String
    public init(role: Role, content: String) {
        self.role = role
        self.content = content
    }
}

/// Why an LLM exchange failed, in one line (never with the API key in it).
public struct LLMError: ToolError, Equatable {
    public var message: String
    public init(_ message: String) { self.message = message }
    public var exitStatus: ExitStatus { .internalError }
    public var description: String { "error: LLM agent: \(message)" }
}

/// A provider that turns messages into the model's reply text.
public protocol LLMProvider: Sendable {
    func complete(_ messages: [ChatMessage]) throws -> String
}

/// OpenAI-compatible chat completions: OpenAI, vLLM, llama.cpp's server, LM Studio, Ollama's `/v1`.
public struct OpenAICompatibleProvider: LLMProvider {
    public var baseURL: String
    public var model: String
    /// Read from the environment variable the policy names; nil for local servers without keys.
    public var apiKey: String?
    public var client: HTTPClient
    public var timeoutSeconds: Double

    public init(baseURL: String, model: String, apiKey: String?, client: HTTPClient = HTTPClient(), timeoutSeconds: Double = 120) {
        self.baseURL = baseURL.hasSuffix("/") ? String(baseURL.dropLast()) : baseURL
        self.model = model
        self.apiKey = apiKey
        self.client = client
        self.timeoutSeconds = timeoutSeconds
    }

    /// The request body: model, messages, deterministic temperature.
    public func requestBody(_ messages: [ChatMessage]) -> [UInt8] {
        let body: [String: Any] = [
            "model": model,
            "temperature": 0,
            "messages": messages.map { ["role": $0.role.rawValue, "content": $0.content] },
        ]
        return Array((try? JSONSerialization.data(withJSONObject: body, options: [.sortedKeys])) ?? Data())
    }

    public func complete(_ messages: [ChatMessage]) throws -> String {
        var headers: [(name: String, value: String)] = [("Content-Type", "application/json")]
        if let apiKey, !apiKey.isEmpty { headers.append(("Authorization", "Bearer \(apiKey)")) }
        let response = try client.send(HTTPRequest(method: .post, url: baseURL + "/chat/completions", headers: headers,
                                                   body: requestBody(messages), totalTimeoutSeconds: timeoutSeconds))
        guard response.status == 200 else {
            throw LLMError("\(baseURL) answered HTTP \(response.status)")
        }
        guard let object = try? JSONSerialization.jsonObject(with: Data(response.body)) as? [String: Any],
              let choices = object["choices"] as? [[String: Any]], let message = choices.first?["message"] as? [String: Any],
              let content = message["content"] as? String else {
            throw LLMError("\(baseURL) sent a reply without choices[0].message.content")
        }
        return content
    }
}

/// Anthropic's Messages API.
public struct AnthropicProvider: LLMProvider {
    public var baseURL: String
    public var model: String
    public var apiKey: String
    public var client: HTTPClient
    public var timeoutSeconds: Double
    public var maxTokens: Int

    public init(baseURL: String = "https://api.anthropic.com/v1", model: String, apiKey: String, client: HTTPClient = HTTPClient(),
                timeoutSeconds: Double = 120, maxTokens: Int = 8192) {
        self.baseURL = baseURL.hasSuffix("/") ? String(baseURL.dropLast()) : baseURL
        self.model = model
        self.apiKey = apiKey
        self.client = client
        self.timeoutSeconds = timeoutSeconds
        self.maxTokens = maxTokens
    }

    /// System messages go in `system`; the rest alternate user/assistant.
    public func requestBody(_ messages: [ChatMessage]) -> [UInt8] {
        let system = messages.filter { $0.role == .system }.map(\.content).joined(separator: "\n\n")
        var body: [String: Any] = [
            "model": model,
            "max_tokens": maxTokens,
            "temperature": 0,
            "messages": messages.filter { $0.role != .system }.map { ["role": $0.role.rawValue, "content": $0.content] },
        ]
        if !system.isEmpty { body["system"] = system }
        return Array((try? JSONSerialization.data(withJSONObject: body, options: [.sortedKeys])) ?? Data())
    }

    public func complete(_ messages: [ChatMessage]) throws -> String {
        let headers: [(name: String, value: String)] = [
            ("Content-Type", "application/json"), ("x-api-key", apiKey), ("anthropic-version", "2023-06-01"),
        ]
        let response = try client.send(HTTPRequest(method: .post, url: baseURL + "/messages", headers: headers,
                                                   body: requestBody(messages), totalTimeoutSeconds: timeoutSeconds))
        guard response.status == 200 else {
            throw LLMError("\(baseURL) answered HTTP \(response.status)")
        }
        guard let object = try? JSONSerialization.jsonObject(with: Data(response.body)) as? [String: Any],
              let content = object["content"] as? [[String: Any]] else {
            throw LLMError("\(baseURL) sent a reply without content blocks")
        }
        let text = content.compactMap { $0["type"] as? String == "text" ? $0["text"] as? String : nil }.joined()
        guard !text.isEmpty else { throw LLMError("\(baseURL) sent no text") }
        return text
    }
}
