import Foundation
import StromaStatistics
import Testing
import _StromaTestSupport

/// Q-profile CIs, subgroups, publication bias, sensitivity and permutation tests compared with
/// metafor 3.8-1 (Fixtures/metafor/{confint,subgroups,bias,sensitivity,permutest}.json).
@Suite struct DiagnosticsFixtureTests {
    static let pm = ModelFixtureTests.pauleMandelTolerance

    static func tolerance(_ c: FixtureCase, _ base: Double) -> Double { c.string("method") == "PM" ? pm : base }

    @Test("Q-profile CIs for tau^2, tau, I^2, H^2 match confint()", arguments: try MetaforFixture.caseNames("confint"))
    func confint(_ name: String) throws {
        let f = try MetaforFixture.load("confint")
        let c = try f.case(name)
        let ci = try f.fit(c).heterogeneityIntervals()
        let e = c.expected
        let tol = Self.tolerance(c, Tolerance.interval)
        for (got, key) in [(ci.tau2, "tau2"), (ci.tau, "tau"), (ci.i2, "I2"), (ci.h2, "H2")] {
            let want = e.numbers(key)!
            expectClose(
                [got.estimate, got.lower, got.upper], want, tol, "\(name) \(key) [est, lb, ub]", absolute: 1e-9)
        }
    }

    @Test("subgroup comparisons match metafor", arguments: try MetaforFixture.caseNames("subgroups"))
    func subgroups(_ name: String) throws {
        let f = try MetaforFixture.load("subgroups")
        let c = try f.case(name)
        let d = try f.dataset(c.string("dataset")!)
        let factor = c.string("factor")!
        let variant: SubgroupComparison.Variant =
            switch c.string("variant")! {
            case "mixed": .commonTau2
            case "separate": .separateTau2
            default: .fixedEffectPartition
            }
        let method = TauEstimator(rawValue: c.string("method")!)!
        let r = try Subgroups.compare(
            yi: d.numbers("yi")!, vi: d.numbers("vi")!, labels: d.strings("labels"),
            groups: d.strings(factor), moderatorName: factor, variant: variant,
            options: MetaAnalysisOptions(method: method, fallback: []))
        let e = c.expected
        #expect(r.subgroups.map(\.level) == c.strings("levels"))
        expectClose(r.test.statistic, e.number("Q"), Tolerance.statistic, "\(name) Q")
        expectClose(r.test.pValue, e.number("Qp"), Tolerance.pValue, "\(name) Qp")
        switch variant {
        case .commonTau2:
            expectClose(r.commonTau2 ?? .nan, e.number("tau2"), Tolerance.heterogeneity, "\(name) tau2")
            expectClose(r.withinQ ?? .nan, e.number("QE"), Tolerance.statistic, "\(name) QE")
        case .separateTau2:
            expectClose(r.subgroups.map(\.estimate), e.numbers("estimate"), Tolerance.coefficient, "\(name) estimates")
            expectClose(r.subgroups.map(\.standardError), e.numbers("se"), Tolerance.standardError, "\(name) se")
            expectClose(
                r.subgroups.map(\.tau2), e.numbers("tau2"), Tolerance.heterogeneity, "\(name) tau2", absolute: 1e-10)
            expectClose(r.subgroups.map(\.ciLower), e.numbers("ci_lb"), Tolerance.interval, "\(name) ci.lb")
            expectClose(r.subgroups.map(\.ciUpper), e.numbers("ci_ub"), Tolerance.interval, "\(name) ci.ub")
        case .fixedEffectPartition:
            expectClose(r.subgroups.map(\.estimate), e.numbers("estimate"), Tolerance.coefficient, "\(name) estimates")
            expectClose(r.subgroups.map(\.standardError), e.numbers("se"), Tolerance.standardError, "\(name) se")
            expectClose(r.withinQ ?? .nan, e.number("Q_within"), Tolerance.statistic, "\(name) Q within")
        }
    }

    @Test("Egger, Begg and trim-and-fill match metafor", arguments: try MetaforFixture.caseNames("bias"))
    func bias(_ name: String) throws {
        let f = try MetaforFixture.load("bias")
        let c = try f.case(name)
        let fit = try f.fit(c)
        let e = c.expected
        switch c.string("kind")! {
        case "regtest":
            let r = try fit.eggerTest(classical: c.string("model") == "lm")
            expectClose(r.statistic, e.number("zval"), Tolerance.statistic, "\(name) z/t")
            expectClose(r.pValue, e.number("pval"), Tolerance.pValue, "\(name) p")
            expectClose(r.limitEstimate, e.number("est"), Tolerance.coefficient, "\(name) limit estimate")
            expectClose(r.limitCILower, e.number("ci_lb"), Tolerance.interval, "\(name) limit ci.lb")
            expectClose(r.limitCIUpper, e.number("ci_ub"), Tolerance.interval, "\(name) limit ci.ub")
        case "ranktest":
            let r = try fit.rankCorrelationTest()
            expectClose(r.kendallTau, e.number("tau"), Tolerance.statistic, "\(name) tau")
            expectClose(r.pValue, e.number("pval"), Tolerance.pValue, "\(name) p")
        default:
            let r = try fit.trimAndFill(estimator: c.string("estimator") == "R0" ? .r0 : .l0)
            #expect(r.side.rawValue == c.string("side"), "\(name) side")
            #expect(Double(r.missing) == e.number("k0"), "\(name) k0: got \(r.missing)")
            expectClose(r.missingStandardError, e.number("se_k0"), Tolerance.standardError, "\(name) se.k0")
            if let p = e.number("p_k0"), !p.isNaN {
                expectClose(r.missingPValue ?? .nan, p, Tolerance.pValue, "\(name) p.k0")
            } else {
                #expect(r.missingPValue == nil, "\(name): p.k0 only for R0")
            }
            let a = r.adjusted
            expectClose(a.pooled.estimate, e.number("beta"), Tolerance.coefficient, "\(name) beta")
            expectClose(a.pooled.standardError, e.number("se"), Tolerance.standardError, "\(name) se")
            expectClose(a.pooled.ciLower, e.number("ci_lb"), Tolerance.interval, "\(name) ci.lb")
            expectClose(a.pooled.ciUpper, e.number("ci_ub"), Tolerance.interval, "\(name) ci.ub")
            expectClose(a.tau2, e.number("tau2"), Tolerance.heterogeneity, "\(name) tau2", absolute: 1e-10)
            expectClose(a.heterogeneity.statistic, e.number("QE"), Tolerance.statistic, "\(name) QE")
            expectClose(r.filledYi, e.numbers("filled_yi") ?? [], Tolerance.coefficient, "\(name) filled yi")
            expectClose(r.filledVi, e.numbers("filled_vi") ?? [], Tolerance.coefficient, "\(name) filled vi")
        }
    }

    static func compare(_ rows: [SensitivityRow], _ e: FixtureCase, _ name: String) {
        expectClose(rows.map(\.estimate), e.numbers("estimate"), Tolerance.coefficient, "\(name) estimate")
        expectClose(rows.map(\.standardError), e.numbers("se"), Tolerance.standardError, "\(name) se")
        expectClose(rows.map(\.statistic), e.numbers("zval"), Tolerance.statistic, "\(name) z")
        expectClose(rows.map(\.pValue), e.numbers("pval"), Tolerance.pValue, "\(name) p", absolute: 1e-300)
        expectClose(rows.map(\.ciLower), e.numbers("ci_lb"), Tolerance.interval, "\(name) ci.lb")
        expectClose(rows.map(\.ciUpper), e.numbers("ci_ub"), Tolerance.interval, "\(name) ci.ub")
        expectClose(rows.map(\.q), e.numbers("Q"), Tolerance.statistic, "\(name) Q")
        expectClose(rows.map(\.qPValue), e.numbers("Qp"), Tolerance.pValue, "\(name) Qp", absolute: 1e-300)
        expectClose(rows.map(\.tau2), e.numbers("tau2"), Tolerance.heterogeneity, "\(name) tau2", absolute: 1e-10)
        expectClose(rows.map(\.i2), e.numbers("I2"), Tolerance.heterogeneity, "\(name) I2", absolute: 1e-8)
        expectClose(rows.map(\.h2), e.numbers("H2"), Tolerance.heterogeneity, "\(name) H2")
    }

    @Test("leave1out, cumul and influence match metafor", arguments: try MetaforFixture.caseNames("sensitivity"))
    func sensitivity(_ name: String) throws {
        let f = try MetaforFixture.load("sensitivity")
        let c = try f.case(name)
        let fit = try f.fit(c)
        let e = c.expected
        switch c.string("kind")! {
        case "leave1out":
            Self.compare(try fit.leaveOneOut(), e, name)
        case "cumul":
            let keys = try f.dataset(c.string("dataset")!).numbers(c.string("order_by")!)
            Self.compare(try fit.cumulative(sortKeys: keys), e, name)
        default:
            let rows = try fit.influence()
            expectClose(rows.map(\.rstudent), e.numbers("rstudent"), Tolerance.statistic, "\(name) rstudent")
            expectClose(rows.map(\.dffits), e.numbers("dffits"), Tolerance.statistic, "\(name) dffits")
            expectClose(rows.map(\.cooksDistance), e.numbers("cook_d"), Tolerance.statistic, "\(name) cook.d")
            expectClose(rows.map(\.covarianceRatio), e.numbers("cov_r"), Tolerance.statistic, "\(name) cov.r")
            expectClose(
                rows.map(\.tau2Deleted), e.numbers("tau2_del"), Tolerance.heterogeneity, "\(name) tau2.del",
                absolute: 1e-10)
            expectClose(rows.map(\.qeDeleted), e.numbers("QE_del"), Tolerance.statistic, "\(name) QE.del")
            expectClose(rows.map(\.hat), e.numbers("hat"), Tolerance.statistic, "\(name) hat")
            expectClose(rows.map(\.weight), e.numbers("weight"), Tolerance.coefficient, "\(name) weight")
            let flags = (e.dict["inf"] as? [Any])?.map { ($0 as? Bool) ?? false } ?? []
            #expect(rows.map(\.influential) == flags, "\(name) inf flags")
            // dfbs is column-major (all studies for coefficient 1, then coefficient 2, ...).
            let p = fit.p, k = fit.k
            let dfbs = (0..<p).flatMap { j in rows.map { $0.dfbetas[j] } }
            #expect(dfbs.count == k * p)
            expectClose(dfbs, e.numbers("dfbs"), Tolerance.statistic, "\(name) dfbetas")
        }
    }

    @Test(
        "exact permutation tests match permutest(exact = TRUE)",
        arguments: try MetaforFixture.caseNames("permutest").filter { !$0.contains("random") })
    func exactPermutation(_ name: String) throws {
        let f = try MetaforFixture.load("permutest")
        let c = try f.case(name)
        let r = try f.fit(c).permutationTest(exact: true)
        let e = c.expected
        #expect(r.exact)
        expectClose(r.observedStatistics, e.numbers("zval"), Tolerance.statistic, "\(name) z")
        expectClose(r.coefficientPValues, e.numbers("pval"), 1e-12, "\(name) permutation p")
        expectClose(r.omnibusPValue, e.number("QMp"), 1e-12, "\(name) permutation QMp")
    }

    @Test("random permutation test agrees with permutest within Monte Carlo error")
    func randomPermutation() throws {
        let f = try MetaforFixture.load("permutest")
        let c = try f.case("bcg REML ablat random 5000")
        let fit = try f.fit(c)
        let r = try fit.permutationTest(iterations: 5000, seed: 7)
        let e = c.expected
        #expect(!r.exact)
        #expect(r.iterations == 5000)
        expectClose(r.observedStatistics, e.numbers("zval"), Tolerance.statistic, "observed z (deterministic)")
        // Both are Monte Carlo estimates with n = 5000 each: allow 4 combined binomial SEs.
        for (ours, theirs) in zip(r.coefficientPValues, e.numbers("pval")!) {
            let se = (2 * Swift.max(theirs, 0.002) * (1 - theirs) / 5000).squareRoot()
            #expect(Swift.abs(ours - theirs) < 4 * se + 1e-3, "p \(ours) vs metafor \(theirs)")
        }
        // Same seed, same answer.
        let again = try fit.permutationTest(iterations: 5000, seed: 7)
        #expect(again.coefficientPValues == r.coefficientPValues)
    }
}
