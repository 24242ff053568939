import StromaPlot
import Testing

@Suite struct SVGDocumentTests {
    @Test("Text is escaped for SVG")
    func escapes() {
        #expect(SVGDocument.escape("a<b & \"c\">") == "a&lt;b &amp; &quot;c&quot;&gt;")
    }

    @Test("Numbers are written with at most two decimals")
    func numbers() {
        #expect(SVGDocument.number(3.14159) == "3.14")
        #expect(SVGDocument.number(2.0) == "2")
    }
}
