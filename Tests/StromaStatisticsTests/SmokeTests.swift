import Testing
import _StromaTestSupport
@testable import StromaStatistics

@Suite struct SmokeTests {
    @Test("REML on dat.bcg log RR matches the design note")
    func bcg() throws {
        let yi = [-0.88931133, -1.5853887, -1.3480731, -1.4415512, -0.21754732, -0.78611559, -1.6208982,
                  0.011952334, -0.46941765, -1.3713448, -0.33935883, 0.4459134, -0.017313948]
        let vi = [0.32558477, 0.19458112, 0.41536797, 0.020010032, 0.051210172, 0.0069056185, 0.22301725,
                  0.0039615793, 0.05643421, 0.073024794, 0.012412214, 0.53250585, 0.07140466]
        let r = try MetaAnalysis.fit(yi: yi, vi: vi)
        print(r.prediction)
        print(try r.heterogeneityIntervals())
        print(try r.eggerTest(), try r.eggerTest(classical: true))
        print(try r.rankCorrelationTest())
        let tf = try r.trimAndFill()
        print(tf.missing, tf.side, tf.adjusted.pooled.estimate, tf.adjusted.tau2)
        print(try r.leaveOneOut()[0])
        print(try r.influence()[0])
        print(try r.permutationTest(exact: true))
        let ablat: [Double] = [44, 55, 42, 52, 13, 44, 19, 13, 27, 42, 18, 33, 33]
        let mr = try MetaAnalysis.fit(yi: yi, vi: vi, moderators: [.continuous("ablat", ablat)])
        print(mr.coefficients, mr.tau2, mr.r2 ?? -1, mr.moderatorTest!)
        print(try mr.permutationTest())
        #expect(isClose(r.tau2, 0.31324333, relative: 1e-6))
    }
}
