import Foundation

/// Checks on paths given by users, made before any work so that a bad path fails first with one clear line.
///
/// Each check throws a ``WorkbenchError`` (`file_access`) naming the option and the path and saying what is
/// wrong: a directory where a file was expected, a missing file or parent folder, no permission.
public enum FilePaths {
    /// Checks that `path` names a readable regular file.
    public static func checkReadableFile(_ path: String, option: String) throws {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw WorkbenchError(
                .fileAccess, "\(option) '\(path)': no such file", file: path, option: option)
        }
        if isDirectory.boolValue {
            throw WorkbenchError(
                .fileAccess, "\(option) '\(path)' is a directory; give a file", file: path, option: option)
        }
        guard FileManager.default.isReadableFile(atPath: path) else {
            throw WorkbenchError(
                .fileAccess, "\(option) '\(path)': permission denied (not readable)", file: path, option: option)
        }
    }

    /// Checks that a file can be written at `path`: not a directory, its parent folder exists and is writable,
    /// and an existing file there is writable.
    public static func checkWritableFile(_ path: String, option: String) throws {
        var isDirectory: ObjCBool = false
        let fileManager = FileManager.default
        if fileManager.fileExists(atPath: path, isDirectory: &isDirectory) {
            if isDirectory.boolValue {
                throw WorkbenchError(
                    .fileAccess, "\(option) '\(path)' is a directory; give a file name to write", file: path,
                    option: option)
            }
            guard fileManager.isWritableFile(atPath: path) else {
                throw WorkbenchError(
                    .fileAccess, "\(option) '\(path)': permission denied (the file is not writable)", file: path,
                    option: option)
            }
            return
        }
        let parent = URL(fileURLWithPath: path).deletingLastPathComponent().path
        guard fileManager.fileExists(atPath: parent, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw WorkbenchError(
                .fileAccess, "\(option) '\(path)': the folder '\(parent)' does not exist", file: path, option: option)
        }
        guard fileManager.isWritableFile(atPath: parent) else {
            throw WorkbenchError(
                .fileAccess, "\(option) '\(path)': permission denied (cannot create files in '\(parent)')",
                file: path, option: option)
        }
    }
}
