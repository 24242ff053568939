import GRDB

/// The `server_user` table: people who may sign in to `stroma serve`.
///
/// `password_hash` is a bcrypt hash (`$2b$…`, made by the server; the store never sees a password); `role` is
/// `reader`, `curator` or `admin` (checked by the table). Names are unique without regard to case.
enum UserSchema {
    static func v1(_ db: Database) throws {
        try db.execute(
            sql: """
                CREATE TABLE server_user (
                    name TEXT PRIMARY KEY NOT NULL COLLATE NOCASE,
                    password_hash TEXT NOT NULL,
                    role TEXT NOT NULL CHECK (role IN ('reader', 'curator', 'admin')),
                    created_at TEXT NOT NULL
                );
                """)
    }
}
