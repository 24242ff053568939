import Foundation
import StromaDomain
import StromaImport
import StromaWorkbench

/// ``TrialDetail`` as CSV rows and as the readable text of `stroma trials show`.
extension TrialDetail {
    static let csvHeaders = [
        "nct_id", "title", "phases", "status", "enrollment", "conditions", "interventions", "is_msc",
        "product_form", "source", "origin", "routes", "dose", "dose_cells", "dose_basis", "administrations",
        "msc_conditions", "warnings",
    ]

    var csvRow: [String] {
        [
            nctId, title ?? "", phases.joined(separator: ";"), status ?? "", enrollment.map(String.init) ?? "",
            conditions.joined(separator: ";"), interventions.map(\.name).joined(separator: ";"),
            msc.isMSC ? "true" : "false", msc.productForm?.value ?? "unknown", msc.source?.value ?? "unknown",
            msc.origin?.value ?? (msc.origins.isEmpty ? "unknown" : msc.origins.map(\.value).joined(separator: ";")),
            msc.routes.isEmpty ? "unknown" : msc.routes.map(\.value).joined(separator: ";"),
            msc.dose?.value.stated ?? "unknown", msc.dose?.value.cells.map { String(format: "%g", $0) } ?? "",
            msc.dose.map { $0.value.cells == nil ? "" : $0.value.basis.rawValue } ?? "",
            msc.administrations.map { String($0.value) } ?? "unknown",
            msc.conditions.map(\.value).joined(separator: ";"), warnings.joined(separator: "; "),
        ]
    }

    /// The readable form: the record's fields, then each MSC value with its source field.
    var text: String {
        var lines = ["\(nctId)  \(title ?? "")"]
        func add(_ name: String, _ value: String?) {
            if let value, !value.isEmpty {
                lines.append("  " + name.padding(toLength: 16, withPad: " ", startingAt: 0) + value)
            }
        }
        add("phases", phases.joined(separator: ", "))
        add("status", status)
        add("enrollment", enrollment.map { "\($0)\(enrollmentType.map { " (\($0.lowercased()))" } ?? "")" })
        add("conditions", conditions.joined(separator: "; "))
        add("interventions", interventions.map(\.name).joined(separator: "; "))
        add("last update", lastUpdate)
        add("versions kept", history.isEmpty ? nil : String(history.count))
        for warning in warnings { add("warning", warning) }
        lines.append(
            "  MSC             \(msc.isMSC ? "yes" : "no")\(msc.mscEvidence.map { "  ← \($0.field): \"\($0.evidence)\"" } ?? "")"
        )
        guard msc.isMSC else { return lines.joined(separator: "\n") + "\n" }
        func extracted<V>(_ name: String, _ x: MSCExtracted<V>?, _ show: (V) -> String) {
            let value = x.map { "\(show($0.value))  ← \($0.field): \"\($0.evidence)\"" } ?? "unknown"
            lines.append("  " + name.padding(toLength: 16, withPad: " ", startingAt: 0) + value)
        }
        extracted("product form", msc.productForm) { $0 }
        extracted("source", msc.source) { $0 }
        if msc.origins.count > 1 {
            for o in msc.origins { extracted("origin", o) { $0 } }
        } else {
            extracted("origin", msc.origin) { $0 }
        }
        if msc.routes.isEmpty { extracted("route", nil as MSCExtracted<String>?) { $0 } }
        for r in msc.routes { extracted("route", r) { $0 } }
        extracted("dose", msc.dose) { d in
            d.cells.map { String(format: "%g cells", $0) + (d.basis == .unspecified ? "" : " \(d.basis.rawValue)") }
                ?? d.amount.map { String(format: "%g %@", $0, d.unit ?? "") } ?? d.stated
        }
        extracted("administrations", msc.administrations) { String($0) }
        extracted("schedule", msc.schedule) { $0 }
        for c in msc.conditions { extracted("condition", c) { $0 } }
        return lines.joined(separator: "\n") + "\n"
    }
}
