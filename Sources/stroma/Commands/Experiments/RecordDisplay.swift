import Foundation
import StromaDomain

/// Short human strings for records, shared by the listing commands and `stroma show`.
enum RecordDisplay {
    /// All provenance entries as short citations, `; `-free parts joined by ` | `.
    static func citation(_ provenance: [Provenance]) -> String {
        provenance.map(\.shortDescription).joined(separator: " | ")
    }

    /// `1 × 10^6 cells/dose, 2 administrations` — the stated dose and the number of
    /// administrations.
    static func dose(_ experiment: Experiment) -> String {
        var parts = [experiment.dose?.stated].compactMap { $0 }
        let stated = experiment.administrationsStated
        if let count = experiment.administrations {
            var text = count == 1 ? "1 administration" : "\(count) administrations"
            if let stated, stated != "\(count)" { text += " (\(stated))" }
            parts.append(text)
        } else if let stated {
            parts.append("administrations: \(stated)")
        }
        return parts.joined(separator: ", ")
    }

    /// `200 μl PBS` — the volume, then the vehicle unless the volume already names it.
    static func volume(_ experiment: Experiment) -> String {
        guard let volume = experiment.volume else { return experiment.vehicle ?? "" }
        guard let vehicle = experiment.vehicle,
            volume.range(of: vehicle, options: .caseInsensitive) == nil
        else { return volume }
        return volume + " " + vehicle
    }

    /// `tail-vein (tail vein)` — route ids and the stated site.
    static func route(_ experiment: Experiment) -> String {
        let routes = experiment.routes.joined(separator: ", ")
        guard let site = experiment.site, !site.isEmpty else { return routes }
        return routes.isEmpty ? site : "\(routes) (\(site))"
    }

    /// `rat, mcao` — species and model ids, else the stated model.
    static func model(_ experiment: Experiment) -> String {
        [experiment.species, experiment.model ?? experiment.modelStated].compactMap { $0 }
            .joined(separator: ", ")
    }

    /// `human placenta` style: origin ids then the source id.
    static func source(_ experiment: Experiment) -> String {
        (experiment.origin + [experiment.source].compactMap { $0 }).joined(separator: " ")
    }

    /// A claim's subject and object, as term ids or free text.
    static func subject(_ claim: Claim) -> String {
        claim.subject.map { $0.id } ?? claim.subjectText ?? ""
    }

    static func object(_ claim: Claim) -> String {
        claim.object.map { $0.id } ?? claim.objectText ?? ""
    }

    /// `PHASE1/PHASE2`.
    static func phases(_ trial: ClinicalTrial) -> String {
        trial.phases.joined(separator: "/")
    }

    /// Number formatting for CSV: integers without a decimal point, others as Swift prints them.
    static func number(_ value: Double?) -> String {
        guard let value else { return "" }
        if value == value.rounded(), abs(value) < 1e15 { return String(Int64(value)) }
        return String(value)
    }

    /// Wraps `text` to lines of at most `width` characters: the first prefixed with `indent`,
    /// the others with `indent` plus `hanging` spaces.
    static func wrap(
        _ text: String, width: Int = 96, indent: String, hanging: Int = 0
    ) -> [String] {
        var lines: [String] = []
        var line = ""
        var prefix = indent
        for word in text.split(whereSeparator: \.isWhitespace) {
            if !line.isEmpty, line.count + 1 + word.count > width - prefix.count {
                lines.append(prefix + line)
                line = ""
                prefix = indent + String(repeating: " ", count: hanging)
            }
            line += (line.isEmpty ? "" : " ") + word
        }
        if !line.isEmpty { lines.append(prefix + line) }
        return lines
    }

    /// Packs `segments` joined by ` · ` into lines of at most `width` characters, breaking only
    /// between segments (a segment longer than a line is word-wrapped).
    static func wrapSegments(_ segments: [String], width: Int = 96, indent: String) -> [String] {
        var lines: [String] = []
        var line = ""
        for segment in segments where !segment.isEmpty {
            if line.isEmpty {
                line = segment
            } else if indent.count + line.count + 3 + segment.count <= width {
                line += " · " + segment
            } else {
                lines += wrap(line, width: width, indent: indent, hanging: 2)
                line = segment
            }
        }
        if !line.isEmpty { lines += wrap(line, width: width, indent: indent, hanging: 2) }
        return lines
    }
}
