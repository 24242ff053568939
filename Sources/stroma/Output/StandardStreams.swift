import Foundation

/// stdout for data, stderr for messages.
///
/// Tests run commands in-process and read what they print by binding ``capture`` for the
/// duration of the run (`StandardStreams.$capture.withValue(sink) { … }`); otherwise text goes
/// to the process's standard streams.
enum StandardStreams {
    /// Where output goes instead of the process streams, for the current task.
    @TaskLocal static var capture: OutputCapture?

    static func writeData(_ text: String) {
        if let capture {
            capture.appendData(text)
            return
        }
        FileHandle.standardOutput.write(Data(text.utf8))
    }

    static func writeMessage(_ text: String) {
        let line = text.hasSuffix("\n") ? text : text + "\n"
        if let capture {
            capture.appendMessage(line)
            return
        }
        FileHandle.standardError.write(Data(line.utf8))
    }
}

/// Text a command wrote to its data and message streams.
final class OutputCapture: @unchecked Sendable {
    private let lock = NSLock()
    private var dataText = ""
    private var messageText = ""

    init() {}

    /// Everything written as data (stdout).
    var data: String { lock.withLock { dataText } }
    /// Everything written as messages (stderr).
    var messages: String { lock.withLock { messageText } }

    func appendData(_ text: String) { lock.withLock { dataText += text } }
    func appendMessage(_ text: String) { lock.withLock { messageText += text } }
}
