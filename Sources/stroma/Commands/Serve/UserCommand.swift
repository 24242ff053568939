import ArgumentParser
import Foundation
import StromaServer
import StromaStore
import StromaWorkbench

/// `stroma user add|list`: the people who may sign in to `stroma serve`.
struct UserCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "user",
        abstract: "Add or list the users who may sign in to 'stroma serve'.",
        subcommands: [UserAdd.self, UserList.self])
}

/// `stroma user add NAME --role ROLE`: reads the password from standard input (first line).
struct UserAdd: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "add",
        abstract: "Add a user (or --replace one); the password is read from the first line of standard input.",
        discussion: "Roles: reader (reads only), curator (also imports and curates), admin (everything).")

    @Argument(help: "The sign-in name.") var name: String
    @Option(help: "reader, curator or admin.") var role = "curator"
    @Flag(help: "Replace the password and role of an existing user.") var replace = false
    @OptionGroup var store: StoreOptions

    func run() throws {
        guard let password = readLine(strippingNewline: true), !password.isEmpty else {
            throw ValidationError("give the password on the first line of standard input")
        }
        do {
            try ServerUsers.add(
                name: name, password: password, role: role, replace: replace, store: try store.openStore())
        } catch let error as WorkbenchError {
            StandardStreams.writeMessage("Error: \(error.message)")
            throw ExitCode(error.exitCode)
        }
        StandardStreams.writeMessage("Added user '\(name)' (\(role)).")
    }
}

/// `stroma user list`: names and roles.
struct UserList: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "List the users and roles.")
    @OptionGroup var store: StoreOptions

    func run() throws {
        let users = try store.openStore().users()
        StandardStreams.writeData(
            users.map { "\($0.name)\t\($0.role)\t\($0.createdAt)" }.joined(separator: "\n") + "\n")
    }
}
