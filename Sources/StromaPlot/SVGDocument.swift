/// A minimal SVG document builder shared by every chart.
public struct SVGDocument: Sendable {
    public var width: Double
    public var height: Double
    private var elements: [String] = []

    public init(width: Double, height: Double) {
        self.width = width
        self.height = height
    }

    /// Appends a raw, already-escaped SVG element.
    public mutating func append(_ element: String) {
        elements.append(element)
    }

    /// Appends several raw, already-escaped SVG elements in order.
    public mutating func append(contentsOf elements: [String]) {
        self.elements.append(contentsOf: elements)
    }

    /// The number of elements appended so far.
    public var elementCount: Int { elements.count }

    /// The complete SVG text.
    public func render() -> String {
        let w = SVGDocument.number(width)
        let h = SVGDocument.number(height)
        return """
            <svg xmlns="http://www.w3.org/2000/svg" width="\(w)" height="\(h)" \
            viewBox="0 0 \(w) \(h)" font-family="Helvetica, Arial, sans-serif">
            \(elements.joined(separator: "\n"))
            </svg>

            """
    }

    /// Escapes text for SVG content and attributes.
    public static func escape(_ text: String) -> String {
        var out = ""
        for ch in text {
            switch ch {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            default: out.append(ch)
            }
        }
        return out
    }

    /// Formats a coordinate with at most two decimals and no trailing zeros.
    public static func number(_ value: Double) -> String {
        let rounded = (value * 100).rounded() / 100
        if rounded == rounded.rounded() { return String(Int(rounded)) }
        return String(rounded)
    }
}
