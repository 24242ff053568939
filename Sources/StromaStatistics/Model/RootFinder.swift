/// Brent's root finder transcribed from R's `R_zeroin2` (src/library/stats/src/zeroin.c), so that
/// quantities metafor obtains with `uniroot(tol = .Machine$double.eps^0.25)` (PM τ², Q-profile CI)
/// are reproduced iterate for iterate rather than only to the coarse tolerance.
enum RootFinder {
    /// R's default `uniroot` tolerance, `.Machine$double.eps^0.25`.
    static let rTolerance = 0.0001220703125

    struct Root { var root: Double; var iterations: Int }

    static func zeroin(
        lower ax: Double, upper bx: Double, fLower fa0: Double, fUpper fb0: Double,
        tolerance tol: Double, maxIterations: Int,
        _ f: (Double) -> Double
    ) -> Root? {
        var a = ax, b = bx
        var fa = fa0, fb = fb0
        var c = a, fc = fa
        let eps = Double.ulpOfOne
        if fa == 0 { return Root(root: a, iterations: 0) }
        if fb == 0 { return Root(root: b, iterations: 0) }
        if (fa > 0) == (fb > 0) { return nil }
        var remaining = maxIterations + 1
        var used = 0
        while remaining > 0 {
            remaining -= 1
            let prevStep = b - a
            if Swift.abs(fc) < Swift.abs(fb) {
                a = b; b = c; c = a
                fa = fb; fb = fc; fc = fa
            }
            let tolAct = 2 * eps * Swift.abs(b) + tol / 2
            var newStep = (c - b) / 2
            if Swift.abs(newStep) <= tolAct || fb == 0 {
                return Root(root: b, iterations: used)
            }
            if Swift.abs(prevStep) >= tolAct && Swift.abs(fa) > Swift.abs(fb) {
                var p: Double, q: Double
                let cb = c - b
                if a == c {
                    let t1 = fb / fa
                    p = cb * t1
                    q = 1 - t1
                } else {
                    let qq = fa / fc, t1 = fb / fc, t2 = fb / fa
                    p = t2 * (cb * qq * (qq - t1) - (b - a) * (t1 - 1))
                    q = (qq - 1) * (t1 - 1) * (t2 - 1)
                }
                if p > 0 { q = -q } else { p = -p }
                if p < (0.75 * cb * q - Swift.abs(tolAct * q) / 2) && p < Swift.abs(prevStep * q / 2) {
                    newStep = p / q
                }
            }
            if Swift.abs(newStep) < tolAct { newStep = newStep > 0 ? tolAct : -tolAct }
            a = b; fa = fb
            b += newStep
            fb = f(b)
            used += 1
            if (fb > 0 && fc > 0) || (fb < 0 && fc < 0) { c = a; fc = fa }
        }
        return nil
    }
}
