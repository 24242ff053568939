import Foundation
import Testing
@testable import StromaImport

@Suite struct ImportSmokeTests {
    @Test("the sniffer calls an empty buffer unknown")
    func emptyIsUnknown() {
        #expect(ImportFormatSniffer.sniff(data: .init()) == .unknown)
    }
}
