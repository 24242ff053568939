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
        for m in TauEstimator.allCases {
            let r = try MetaAnalysis.fit(yi: yi, vi: vi, options: .init(method: m))
            print(m.rawValue, r.pooled.estimate, r.pooled.standardError, r.tau2, r.tau2StandardError ?? -1, r.i2, r.heterogeneity.statistic, r.heterogeneity.pValue, r.logLikelihoodREML, r.convergence.iterations)
        }
        let r = try MetaAnalysis.fit(yi: yi, vi: vi)
        #expect(isClose(r.tau2, 0.31324333, relative: 1e-6))
    }
}
