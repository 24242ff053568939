import ArgumentParser

/// `stroma import`: reads registry and literature files into the store, idempotently.
struct ImportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Import ClinicalTrials.gov, PubMed/MEDLINE, RIS or SyRF files into the store.",
        discussion: """
            Re-importing a file changes nothing; a newer version of a record replaces the stored \
            one and keeps the old one in history. Records are committed in batches of whole \
            records: an interrupted import leaves no partial record, and re-running it completes \
            it. Progress goes to stderr on a terminal; the summary (read, new, updated, \
            unchanged, failed with reasons, warnings) goes to stdout and each warning to stderr. \
            Exit status: 0 when no record failed, 1 when every record or file failed (a missing \
            path, a retired format), 3 when some failed and others were stored. See \
            docs/import-formats.md.
            """,
        subcommands: [ImportCTGov.self, ImportPubMed.self, ImportRIS.self, ImportSyRF.self]
    )
}
