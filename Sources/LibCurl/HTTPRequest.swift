/// One HTTP request; the body is sent as given.
public struct HTTPRequest: Sendable {
    public enum Method: String, Sendable { case get = "GET", post = "POST" }

    public var method: Method
    public var url: String
    public var headers: [(name: String, value: String)]
    public var body: [UInt8]
    public var connectTimeoutSeconds: Double
    public var totalTimeoutSeconds: Double
    /// Responses larger than this fail with `HTTPError.responseTooLarge`.
    public var maximumResponseBytes: Int

    public init(method: Method = .get, url: String, headers: [(name: String, value: String)] = [], body: [UInt8] = [],
                connectTimeoutSeconds: Double = 10, totalTimeoutSeconds: Double = 120, maximumResponseBytes: Int = 8 << 20) {
        self.method = method
        self.url = url
        self.headers = headers
        self.body = body
        self.connectTimeoutSeconds = connectTimeoutSeconds
        self.totalTimeoutSeconds = totalTimeoutSeconds
        self.maximumResponseBytes = maximumResponseBytes
    }
}

/// A response with any status; 4xx and 5xx are not errors at this level.
public struct HTTPResponse: Sendable {
    public var status: Int
    /// Header names lower-cased, last value wins.
    public var headers: [String: String]
    public var body: [UInt8]

    public var text: String { String(decoding: body, as: UTF8.self) }
}
