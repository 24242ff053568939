import Foundation
#if canImport(FoundationXML)
    import FoundationXML
#endif

/// Parses SVG text as XML and collects element names and text content.
final class SVGInspector: NSObject, XMLParserDelegate {
    private(set) var elements: [(name: String, attributes: [String: String])] = []
    private(set) var texts: [String] = []
    private var currentText = ""
    private var inText = false

    /// Whether the text is well-formed XML.
    let isWellFormed: Bool

    init(_ svg: String) {
        let parser = XMLParser(data: Data(svg.utf8))
        let delegate = Collector()
        parser.delegate = delegate
        isWellFormed = parser.parse()
        super.init()
        elements = delegate.elements
        texts = delegate.texts
    }

    func count(_ name: String) -> Int { elements.filter { $0.name == name }.count }

    func all(_ name: String) -> [[String: String]] {
        elements.filter { $0.name == name }.map(\.attributes)
    }

    private final class Collector: NSObject, XMLParserDelegate {
        var elements: [(name: String, attributes: [String: String])] = []
        var texts: [String] = []
        var current = ""
        var inText = false

        func parser(
            _ parser: XMLParser, didStartElement elementName: String,
            namespaceURI: String?, qualifiedName: String?, attributes: [String: String] = [:]
        ) {
            elements.append((elementName, attributes))
            if elementName == "text" {
                inText = true
                current = ""
            }
        }

        func parser(_ parser: XMLParser, foundCharacters string: String) {
            if inText { current += string }
        }

        func parser(
            _ parser: XMLParser, didEndElement elementName: String,
            namespaceURI: String?, qualifiedName: String?
        ) {
            if elementName == "text" {
                texts.append(current)
                inText = false
            }
        }
    }
}

enum GoldenPath {
    static func url(_ name: String, file: String = #filePath) -> URL {
        URL(fileURLWithPath: file).deletingLastPathComponent()
            .appendingPathComponent("Golden").appendingPathComponent(name)
    }
}
