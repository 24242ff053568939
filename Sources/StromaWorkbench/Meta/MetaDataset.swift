import Foundation
import StromaDomain
import StromaImport
import StromaStatistics

/// Comparisons read from one input source, with one computed effect size per kept comparison.
///
/// Each source has its own file with an initializer that reads a ``ComparisonTable`` and hands it to
/// ``init(table:fileName:layout:measure:)``: `MetaDataset+File.swift` (comparison CSV, SyRF export, from a path or
/// uploaded bytes) and `MetaDataset+Knowledge.swift` (knowledge-base experiments). A new source is one more file.
public struct MetaDataset: Sendable {
    /// The input file's name, or the database path with `--knowledge` (JSON `input.file`).
    public var fileName: String
    /// Where the comparisons came from (JSON `input.layout`).
    public var layout: MetaLayout
    public var table: ComparisonTable
    /// After shared-control splitting.
    public var comparisons: [Comparison]
    /// One per kept comparison; `row` indexes ``comparisons``.
    public var effects: [EffectSize]
    public var warnings: [String]
    public var measure: MetaMeasure

    /// Splits shared controls and computes effect sizes, one comparison at a time so that each row's direction
    /// (`greater_is_worse`) and dispersion type (SD/SEM) are respected.
    ///
    /// Throws a ``WorkbenchError`` naming the file, line and column of a value the measure cannot use, or when no
    /// comparison has the data for the measure.
    public init(table: ComparisonTable, fileName: String, layout: MetaLayout, measure: MetaMeasure) throws {
        self.fileName = fileName
        self.layout = layout
        self.table = table
        self.measure = measure
        let split = Comparison.splittingSharedControls(table.comparisons)
        comparisons = split.comparisons
        warnings = table.warnings + split.notes
        effects = []
        for (index, comparison) in comparisons.enumerated() {
            if let effect = try MetaEffectSizes.effect(
                comparison, measure: measure, fileName: fileName, syrf: layout == .syrf)
            {
                effects.append(EffectSize(label: effect.label, row: index, yi: effect.yi, vi: effect.vi))
            } else {
                warnings.append(
                    "\(comparison.placeName) ('\(comparison.study)'): dropped, missing data for \(measure.rawValue)")
            }
        }
        guard !effects.isEmpty else {
            let source = layout == .knowledge ? "knowledge base" : "file '\(fileName)'"
            throw WorkbenchError(
                .invalidInput, "\(source): no comparison has the data for measure '\(measure.rawValue)'",
                file: fileName, field: "measure", option: "--measure")
        }
    }

    /// Whether every kept comparison states its direction (so "favours" labels are meaningful).
    public var directionKnown: Bool {
        measure == .nmd || effects.allSatisfy { comparisons[$0.row].greaterIsWorse != nil }
    }

    /// The moderator column named `name` (case-insensitive), or a ``WorkbenchError`` listing the valid ones.
    public func moderatorColumn(_ name: String, option: String) throws -> String {
        guard let column = table.moderatorColumn(named: name) else {
            let valid =
                table.moderatorColumns.isEmpty
                ? "the file has no moderator columns"
                : "valid: " + table.moderatorColumns.joined(separator: ", ")
            throw WorkbenchError(
                .invalidInput, "\(option): unknown column '\(name)'; \(valid)", file: fileName, field: name,
                option: option, valid: table.moderatorColumns)
        }
        return column
    }

    /// The moderator columns named in a comma-separated list (`--mods a,b`, `--forest-columns a,b`).
    public func moderatorColumns(_ list: [String], option: String) throws -> [String] {
        try Self.splitList(list).map { try moderatorColumn($0, option: option) }
    }

    /// Splits comma-separated names, trimming spaces and dropping empty ones.
    public static func splitList(_ values: [String]) -> [String] {
        values.flatMap { $0.split(separator: ",").map { String($0).trimmingCharacters(in: .whitespaces) } }
            .filter { !$0.isEmpty }
    }
}

extension Comparison {
    /// Where the comparison came from, for messages: `line N`, or `knowledge base`.
    var placeName: String { line.map { "line \($0)" } ?? "knowledge base" }
}
