import Foundation

extension ForestPlot {
    private static let rowHeight = 20.0
    private static let fontSize = 12.0
    private static let plotWidth = 300.0
    private static let margin = 20.0
    private static let gap = 18.0

    /// Renders the plot as a standalone SVG document.
    public func svg() -> String {
        // Vertical layout: one slot per line of text.
        enum Slot {
            case header
            case title(String)
            case study(Row)
            case summary(Summary, overall: Bool)
            case prediction(Summary)
            case note(String)
            case blank
        }
        var slots: [Slot] = [.header]
        for (index, group) in groups.enumerated() {
            if index > 0 || group.title != nil { slots.append(.blank) }
            if let title = group.title { slots.append(.title(title)) }
            slots += group.rows.map { Slot.study($0) }
            if let summary = group.summary {
                slots.append(.summary(summary, overall: false))
                if let note = summary.note { slots.append(.note(note)) }
            }
        }
        if let overall {
            slots.append(.blank)
            slots.append(.summary(overall, overall: true))
            if overall.predictionLower != nil, overall.predictionUpper != nil {
                slots.append(.prediction(overall))
            }
            if let note = overall.note { slots.append(.note(note)) }
        }

        // Horizontal layout from text widths.
        let f = Self.fontSize
        let allRows = groups.flatMap(\.rows)
        let summaries = groups.compactMap(\.summary) + (overall.map { [$0] } ?? [])
        var labelTexts = allRows.map(\.label) + summaries.map(\.label) + ["Study"]
        labelTexts += groups.compactMap(\.title)
        let labelWidth = labelTexts.map { TextMetrics.width($0, size: f) }.max() ?? 60
        let extraWidths = extraColumns.indices.map { column in
            ([extraColumns[column]] + allRows.map { column < $0.extra.count ? $0.extra[column] : "" })
                .map { TextMetrics.width($0, size: f) }.max() ?? 0
        }
        let hasWeights = allRows.contains { $0.weightPercent != nil }
        let ciTexts =
            allRows.map { ciText($0.estimate, $0.lower, $0.upper) }
            + summaries.map { ciText($0.estimate, $0.lower, $0.upper) }
        let ciHeader = "Estimate [\(PlotFormat.fixed(level, decimals: 0))% CI]"
        let ciWidth = (ciTexts + [ciHeader]).map { TextMetrics.width($0, size: f) }.max()!
        let weightWidth = hasWeights ? TextMetrics.width("Weight", size: f) : 0
        let notes = summaries.compactMap(\.note)
        var x = Self.margin
        let labelX = x
        x += labelWidth + Self.gap
        var extraX: [Double] = []
        for width in extraWidths {
            extraX.append(x)
            x += width + Self.gap
        }
        let plotLeft = x
        let plotRight = x + Self.plotWidth
        x = plotRight + Self.gap
        let weightRight = x + weightWidth
        if hasWeights { x = weightRight + Self.gap }
        let ciRight = x + ciWidth
        var width = ciRight + Self.margin
        let noteWidth = notes.map { TextMetrics.width($0, size: 11) }.max() ?? 0
        width = max(width, labelX + noteWidth + Self.margin)
        if let footnote { width = max(width, labelX + TextMetrics.width(footnote, size: 11) + Self.margin) }

        // Axis range from all intervals and the null value.
        var values = allRows.flatMap { [$0.lower, $0.upper] }
        values += summaries.flatMap { [$0.lower, $0.upper] }
        values += summaries.flatMap { [$0.predictionLower, $0.predictionUpper].compactMap { $0 } }
        if let nullValue { values.append(nullValue) }
        let finite = values.filter(\.isFinite)
        let axis = axisTicks(lower: finite.min() ?? -1, upper: finite.max() ?? 1)
        let scale = LinearScale(
            domain: axis.ticks.first!...axis.ticks.last!,
            pixelStart: plotLeft, pixelEnd: plotRight)
        let domain = scale.domain

        let top = Self.margin
        let rowsBottom = top + Double(slots.count) * Self.rowHeight
        let axisY = rowsBottom + 8
        var height = axisY + 42
        if favoursLeft != nil || favoursRight != nil { height += 18 }
        let footnoteY = height + 8
        if footnote != nil { height += 22 }
        height += Self.margin - 8

        var doc = SVGDocument(width: width.rounded(.up), height: height.rounded(.up))
        doc.append(SVG.rect(0, 0, width.rounded(.up), height.rounded(.up), fill: "#fff"))
        if let nullValue, domain.contains(nullValue) {
            doc.append(
                SVG.line(
                    scale(nullValue), top + Self.rowHeight, scale(nullValue), axisY,
                    stroke: "#555", width: 1, dash: "4 3"))
        }
        if let overall, overall.estimate.isFinite, domain.contains(overall.estimate) {
            doc.append(
                SVG.line(
                    scale(overall.estimate), top + Self.rowHeight, scale(overall.estimate),
                    axisY, stroke: "#999", width: 0.8, dash: "1 2"))
        }
        let maxWeight = allRows.compactMap(\.weightPercent).max() ?? 1
        for (index, slot) in slots.enumerated() {
            let cy = top + (Double(index) + 0.5) * Self.rowHeight
            let baseline = cy + 4
            switch slot {
            case .header:
                doc.append(SVG.text("Study", x: labelX, y: baseline, size: f, bold: true))
                for (column, title) in extraColumns.enumerated() {
                    doc.append(SVG.text(title, x: extraX[column], y: baseline, size: f, bold: true))
                }
                if hasWeights {
                    doc.append(
                        SVG.text(
                            "Weight", x: weightRight, y: baseline, size: f,
                            anchor: .end, bold: true))
                }
                doc.append(
                    SVG.text(
                        ciHeader, x: ciRight, y: baseline, size: f, anchor: .end,
                        bold: true))
                doc.append(
                    SVG.line(
                        labelX, cy + Self.rowHeight / 2, ciRight, cy + Self.rowHeight / 2,
                        stroke: "#000", width: 0.8))
            case .title(let title):
                doc.append(SVG.text(title, x: labelX, y: baseline, size: f, bold: true))
            case .study(let row):
                doc.append(SVG.text(row.label, x: labelX, y: baseline, size: f))
                for (column, value) in row.extra.enumerated() where column < extraX.count {
                    doc.append(SVG.text(value, x: extraX[column], y: baseline, size: f))
                }
                if let weight = row.weightPercent {
                    doc.append(
                        SVG.text(
                            PlotFormat.fixed(weight, decimals: 1) + "%", x: weightRight,
                            y: baseline, size: f, anchor: .end))
                }
                doc.append(
                    SVG.text(
                        ciText(row.estimate, row.lower, row.upper), x: ciRight,
                        y: baseline, size: f, anchor: .end))
                doc.append(contentsOf: whisker(row.lower, row.upper, cy: cy, scale: scale))
                if domain.contains(row.estimate) {
                    let side = 4 + 8 * ((row.weightPercent ?? maxWeight) / maxWeight).squareRoot()
                    doc.append(
                        SVG.rect(
                            scale(row.estimate) - side / 2, cy - side / 2, side, side,
                            fill: "#000"))
                }
            case .summary(let summary, let isOverall):
                doc.append(
                    SVG.text(
                        summary.label, x: labelX, y: baseline, size: f,
                        bold: isOverall))
                doc.append(
                    SVG.text(
                        ciText(summary.estimate, summary.lower, summary.upper),
                        x: ciRight, y: baseline, size: f, anchor: .end, bold: isOverall))
                let clamp = { (v: Double) in min(max(v, domain.lowerBound), domain.upperBound) }
                let h = 6.0
                doc.append(
                    SVG.polygon(
                        [
                            (scale(clamp(summary.lower)), cy), (scale(clamp(summary.estimate)), cy - h),
                            (scale(clamp(summary.upper)), cy), (scale(clamp(summary.estimate)), cy + h),
                        ], fill: isOverall ? "#000" : "#808080", stroke: "#000"))
            case .prediction(let summary):
                let lower = summary.predictionLower!
                let upper = summary.predictionUpper!
                doc.append(
                    SVG.text(
                        "Prediction interval", x: labelX, y: baseline, size: f,
                        italic: true))
                doc.append(
                    SVG.text(
                        "[\(PlotFormat.fixed(shown(lower), decimals: decimals)), "
                            + "\(PlotFormat.fixed(shown(upper), decimals: decimals))]", x: ciRight,
                        y: baseline, size: f, anchor: .end, italic: true))
                doc.append(contentsOf: whisker(lower, upper, cy: cy, scale: scale, caps: true))
            case .note(let note):
                // A white box keeps the null and estimate lines from crossing the text.
                doc.append(
                    SVG.rect(
                        labelX - 2, cy - 8, TextMetrics.width(note, size: 11) + 4, 16,
                        fill: "#fff"))
                doc.append(SVG.text(note, x: labelX, y: baseline, size: 11, fill: "#333"))
            case .blank:
                break
            }
        }
        let labels = axis.ticks.map { axis.label($0) }
        doc.append(
            contentsOf: SVG.horizontalAxis(
                scale: scale, ticks: axis.ticks, labels: labels,
                y: axisY, title: effectLabel))
        if let nullValue, domain.contains(nullValue) {
            let y = axisY + 54
            if let favoursLeft {
                doc.append(
                    SVG.text(
                        "← " + favoursLeft, x: scale(nullValue) - 6, y: y, size: 11,
                        anchor: .end))
            }
            if let favoursRight {
                doc.append(SVG.text(favoursRight + " →", x: scale(nullValue) + 6, y: y, size: 11))
            }
        }
        if let footnote {
            doc.append(SVG.text(footnote, x: labelX, y: footnoteY + 8, size: 11, fill: "#333"))
        }
        return doc.render()
    }

    /// The value as shown (exponentiated for ratio measures).
    private func shown(_ value: Double) -> Double {
        scale == .exponential ? exp(value) : value
    }

    private func ciText(_ estimate: Double, _ lower: Double, _ upper: Double) -> String {
        PlotFormat.interval(shown(estimate), shown(lower), shown(upper), decimals: decimals)
    }

    /// Ticks for the analysis-scale range, labelled in the shown scale.
    private func axisTicks(lower: Double, upper: Double) -> (ticks: [Double], label: (Double) -> String) {
        switch scale {
        case .identity:
            let ticks = AxisTicks(lower: lower, upper: upper, count: 5)
            return (ticks.values, ticks.label)
        case .exponential:
            let candidates: [Double] = [
                0.001, 0.002, 0.005, 0.01, 0.02, 0.05, 0.1, 0.2, 0.25, 0.5,
                0.75, 1, 1.5, 2, 3, 4, 5, 10, 20, 50, 100, 200, 500, 1000,
            ]
            let lo = candidates.last { log($0) <= lower + 1e-12 } ?? candidates.first!
            let hi = candidates.first { log($0) >= upper - 1e-12 } ?? candidates.last!
            var inside = candidates.filter { $0 >= lo && $0 <= hi }
            if inside.count > 7 {
                inside = inside.filter { [0.001, 0.01, 0.1, 1, 10, 100, 1000, lo, hi].contains($0) }
            }
            // Shortest form up to 3 decimals: 0.25, 0.5, 1, 1.5, 10.
            let label: (Double) -> String = { value in
                var text = PlotFormat.fixed(exp(value), decimals: 3)
                while text.hasSuffix("0") { text.removeLast() }
                if text.hasSuffix(".") { text.removeLast() }
                return text
            }
            return (inside.map { log($0) }, label)
        }
    }

    /// A horizontal interval; ends beyond the axis become arrows.
    private func whisker(
        _ lower: Double, _ upper: Double, cy: Double, scale: LinearScale,
        caps: Bool = false
    ) -> [String] {
        let domain = scale.domain
        let lo = max(lower, domain.lowerBound)
        let hi = min(upper, domain.upperBound)
        guard hi >= lo else { return [] }
        var out = [SVG.line(scale(lo), cy, scale(hi), cy, width: caps ? 2 : 1)]
        if lower < domain.lowerBound {
            let x = scale(lo)
            out.append(SVG.polygon([(x, cy), (x + 6, cy - 3.5), (x + 6, cy + 3.5)], fill: "#000"))
        } else if caps {
            out.append(SVG.line(scale(lo), cy - 4, scale(lo), cy + 4))
        }
        if upper > domain.upperBound {
            let x = scale(hi)
            out.append(SVG.polygon([(x, cy), (x - 6, cy - 3.5), (x - 6, cy + 3.5)], fill: "#000"))
        } else if caps {
            out.append(SVG.line(scale(hi), cy - 4, scale(hi), cy + 4))
        }
        return out
    }
}
