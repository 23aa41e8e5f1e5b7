import Foundation

/// Sends requests with retries: on connection errors and timeouts, on 429 (honouring
/// `Retry-After`) and on 5xx, with exponential backoff, up to a cap on attempts.
public struct HTTPClient: Sendable {
    public var maximumAttempts: Int
    /// First backoff; doubles each retry.
    public var initialBackoffSeconds: Double
    /// No single wait is longer than this, whatever `Retry-After` says.
    public var maximumBackoffSeconds: Double
    /// Sleeps between attempts; tests pass a recorder.
    public var sleep: @Sendable (Double) -> Void

    public init(maximumAttempts: Int = 4, initialBackoffSeconds: Double = 1, maximumBackoffSeconds: Double = 30,
                sleep: @escaping @Sendable (Double) -> Void = { seconds in Thread.sleep(forTimeInterval: seconds) }) {
        self.maximumAttempts = max(1, maximumAttempts)
        self.initialBackoffSeconds = initialBackoffSeconds
        self.maximumBackoffSeconds = maximumBackoffSeconds
        self.sleep = sleep
    }

    /// The final response (which may still be a 429 or 5xx after the last attempt), or the
    /// last transport error.
    public func send(_ request: HTTPRequest) throws(HTTPError) -> HTTPResponse {
        var backoff = initialBackoffSeconds
        for attempt in 1...maximumAttempts {
            let last = attempt == maximumAttempts
            do {
                let response = try HTTPTransport.perform(request)
                guard !last, response.status == 429 || (500...599).contains(response.status) else { return response }
                let wait = Self.retryAfter(response.headers["retry-after"]) ?? backoff
                sleep(min(wait, maximumBackoffSeconds))
            } catch {
                guard !last, error.isTransient else { throw error }
                sleep(min(backoff, maximumBackoffSeconds))
            }
            backoff *= 2
        }
        throw .setup(message: "no attempt was made")  // unreachable: the loop returns or throws
    }

    /// `Retry-After` in seconds, or as an HTTP date.
    static func retryAfter(_ value: String?) -> Double? {
        guard let value = value?.trimmingCharacters(in: .whitespaces), !value.isEmpty else { return nil }
        if let seconds = Double(value), seconds >= 0 { return seconds }
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "GMT")
        formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss zzz"
        guard let date = formatter.date(from: value) else { return nil }
        return max(0, date.timeIntervalSinceNow)
    }
}
