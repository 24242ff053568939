import Foundation

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// A small element tree built from an XML document with namespace prefixes removed (`gating:RectangleGate` →
/// `RectangleGate`, `data-type:name` → `name`): Gating-ML's elements and attributes are unambiguous by local name.
final class XMLNode {
    let name: String
    let attributes: [String: String]
    var children: [XMLNode] = []
    var text = ""
    let line: Int

    init(name: String, attributes: [String: String], line: Int) {
        self.name = name
        self.attributes = attributes
        self.line = line
    }

    /// Children with local name `name`.
    func children(_ name: String) -> [XMLNode] { children.filter { $0.name == name } }

    /// The first child with local name `name`.
    func child(_ name: String) -> XMLNode? { children.first { $0.name == name } }

    static func localName(_ qualified: String) -> String {
        guard let colon = qualified.lastIndex(of: ":") else { return qualified }
        return String(qualified[qualified.index(after: colon)...])
    }

    /// Parses `data`; `source` names the file in messages.
    static func parse(_ data: Data, source: String) throws -> XMLNode {
        let builder = Builder()
        let parser = XMLParser(data: data)
        parser.delegate = builder
        builder.parser = parser
        guard parser.parse(), let root = builder.root else {
            let line = parser.lineNumber
            let reason = parser.parserError.map { "\($0.localizedDescription)" } ?? "not well-formed XML"
            throw CytometryError(file: source, "line \(line): \(reason)")
        }
        return root
    }

    private final class Builder: NSObject, XMLParserDelegate {
        var stack: [XMLNode] = []
        var root: XMLNode?
        weak var parser: XMLParser?

        func parser(
            _ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?, qualifiedName: String?,
            attributes: [String: String] = [:]
        ) {
            var local: [String: String] = [:]
            for (key, value) in attributes { local[XMLNode.localName(key)] = value }
            let node = XMLNode(name: XMLNode.localName(elementName), attributes: local, line: parser.lineNumber)
            stack.last?.children.append(node)
            if stack.isEmpty { root = node }
            stack.append(node)
        }

        func parser(
            _ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName: String?
        ) {
            _ = stack.popLast()
        }

        func parser(_ parser: XMLParser, foundCharacters string: String) { stack.last?.text += string }
    }
}
