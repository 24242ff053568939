import Foundation
/// Quoting for the `stroma …` commands the pages show, so that a copied command runs as shown in a POSIX shell.
enum ShellWords {
    /// `word` as is when it is safe, else in single quotes (with `'` written as `'\''`).
    static func quote(_ word: String) -> String {
        let safe = word.allSatisfy { $0.isLetter || $0.isNumber || "-_./=:,+@%".contains($0) }
        if safe && !word.isEmpty { return word }
        return "'" + word.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }
}
