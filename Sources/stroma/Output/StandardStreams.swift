import Foundation

/// stdout for data, stderr for messages.
enum StandardStreams {
    static func writeData(_ text: String) {
        FileHandle.standardOutput.write(Data(text.utf8))
    }

    static func writeMessage(_ text: String) {
        let line = text.hasSuffix("\n") ? text : text + "\n"
        FileHandle.standardError.write(Data(line.utf8))
    }
}
