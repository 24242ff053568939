import StromaDomain

/// One experiment of the user's own evidence as stored: the record and where it came from.
public struct UserEvidence: Sendable, Codable, Equatable {
    /// The experiment (id `user-…`).
    public var experiment: Experiment
    /// The study label as written in the file.
    public var study: String
    /// 1 for the first import; each changed re-import adds 1.
    public var version: Int
    /// The file's name and the path it was imported from.
    public var sourceFile: String
    public var sourcePath: String
    /// The file's data rows that make up this version (`1–4, 7`).
    public var rows: String
    /// When this version was imported (ISO 8601, UTC).
    public var importedAt: String
    /// When it was retracted, and why; a retracted experiment is left out of pooling.
    public var retractedAt: String?
    public var retractionReason: String?

    public init(
        experiment: Experiment, study: String, version: Int, sourceFile: String, sourcePath: String, rows: String,
        importedAt: String, retractedAt: String? = nil, retractionReason: String? = nil
    ) {
        self.experiment = experiment
        self.study = study
        self.version = version
        self.sourceFile = sourceFile
        self.sourcePath = sourcePath
        self.rows = rows
        self.importedAt = importedAt
        self.retractedAt = retractedAt
        self.retractionReason = retractionReason
    }

    enum CodingKeys: String, CodingKey {
        case experiment, study, version
        case sourceFile = "source_file"
        case sourcePath = "source_path"
        case rows
        case importedAt = "imported_at"
        case retractedAt = "retracted_at"
        case retractionReason = "retraction_reason"
    }
}

/// A replaced version of a user experiment.
public struct UserEvidenceVersion: Sendable, Codable, Equatable {
    public var version: Int
    public var sourceFile: String
    public var rows: String
    public var importedAt: String
    public var replacedAt: String
    public var experiment: Experiment

    enum CodingKeys: String, CodingKey {
        case version
        case sourceFile = "source_file"
        case rows
        case importedAt = "imported_at"
        case replacedAt = "replaced_at"
        case experiment
    }
}

/// What one evidence import did, by experiment id.
public struct EvidenceWriteOutcome: Sendable, Codable, Equatable {
    /// New experiments.
    public var added: [String] = []
    /// Experiments whose record changed: a new version, the old one in history.
    public var changed: [String] = []
    /// Experiments identical to the stored version (nothing written).
    public var unchanged: [String] = []

    public init() {}
}
