import Foundation
import Hummingbird
import NIOCore
import StromaWorkbench

/// Reads request bodies under the server's limits: at most ``ServerLimits/maxUploadBytes`` bytes, within
/// ``ServerLimits/requestTimeout``.
///
/// A larger body answers 413 and a slower one 408, each with a ``WorkbenchError`` naming the limit.
public struct ServerLimits: Sendable {
    public var maxUploadBytes: Int
    public var requestTimeout: Duration

    /// The whole body as bytes.
    func body(of request: Request) async throws -> Data {
        let limit = maxUploadBytes
        let timeout = requestTimeout
        let body = request.body
        let buffer: ByteBuffer? = try await withThrowingTaskGroup(of: ByteBuffer?.self) { group in
            group.addTask {
                do {
                    return try await body.collect(upTo: limit)
                } catch is NIOTooManyBytesError {
                    throw HTTPError(
                        .contentTooLarge,
                        message: "the request body is larger than the upload limit of \(limit) bytes "
                            + "(\(limit / 1_048_576) MiB); send a smaller file or ask the operator to raise it")
                }
            }
            group.addTask {
                try await Task.sleep(for: timeout)
                return nil
            }
            defer { group.cancelAll() }
            return try await group.next() ?? nil
        }
        guard let buffer else {
            throw HTTPError(
                .requestTimeout,
                message: "the request body did not arrive within \(timeout.components.seconds) s")
        }
        return Data(buffer.readableBytesView)
    }

    /// The body decoded as JSON into `T`; an empty body or invalid JSON answers 400 naming the field.
    func json<T: Decodable>(_ type: T.Type, from request: Request) async throws -> T {
        let data = try await body(of: request)
        guard !data.isEmpty else {
            throw WorkbenchError(.invalidInput, "the request body is empty; send a JSON object", field: "body")
        }
        return try JSONDecoder().decode(T.self, from: data)
    }
}
