import Foundation

extension Matrix {
    /// The matrix exponential e^A by scaling and squaring with the [13/13] Padé approximant.
    ///
    /// Higham NJ. "The scaling and squaring method for the matrix exponential revisited."
    /// SIAM J Matrix Anal Appl 2005;26:1179–1193 (θ₁₃ = 5.371920351148152, coefficients b₀…b₁₃).
    /// Accurate to a few ulps × ‖A‖ for the Metzler matrices of the cell model. Computed as
    /// ``exponentialMinusIdentity()`` + I.
    public func exponential() throws -> Matrix {
        var r = try exponentialMinusIdentity()
        for i in 0..<n { r[i, i] += 1 }
        return r
    }

    /// e^A − I by the same scaling and squaring [13/13] Padé method, carried in the e^A − I form
    /// throughout: r − I = (V − U)⁻¹·2U, and (e^A − I)² + 2(e^A − I) at each squaring.
    ///
    /// For near-identity exponentials (small ‖A‖, as at the finest step of a dyadic chain) the
    /// rounding error stays relative to ‖e^A − I‖ instead of growing 2^s-fold relative to 1, so
    /// invariants such as column sums (mass balance) survive many squarings.
    public func exponentialMinusIdentity() throws -> Matrix {
        let theta13 = 5.371920351148152
        let norm = norm1
        if norm <= Self.theta7 {
            // [7/7] Padé, accurate to unit roundoff for ‖A‖₁ ≤ θ₇ (Higham 2005, Table 2.3):
            // 3 products and one solve instead of 6 and one.
            let b: [Double] = [17_297_280, 8_648_640, 1_995_840, 277_200, 25200, 1512, 56, 1]
            let id = Matrix.identity(n)
            let a2 = self * self
            let a4 = a2 * a2
            let a6 = a4 * a2
            let u = self * (b[7] * a6 + b[5] * a4 + b[3] * a2 + b[1] * id)
            let v = b[6] * a6 + b[4] * a4 + b[2] * a2 + b[0] * id
            return try (v + (-1.0) * u).solve(2 * u)
        }
        var s = 0
        if norm > theta13 { s = Int(Foundation.ceil(Foundation.log2(norm / theta13))) }
        let a = s > 0 ? Foundation.pow(2.0, Double(-s)) * self : self
        let b: [Double] = [
            64_764_752_532_480_000, 32_382_376_266_240_000, 7_771_770_303_897_600,
            1_187_353_796_428_800, 129_060_195_264_000, 10_559_470_521_600, 670_442_572_800,
            33_522_128_640, 1_323_241_920, 40_840_800, 960_960, 16380, 182, 1,
        ]
        let id = Matrix.identity(n)
        let a2 = a * a
        let a4 = a2 * a2
        let a6 = a4 * a2
        let u1 = b[13] * a6 + b[11] * a4 + b[9] * a2
        let u2 = b[7] * a6 + b[5] * a4 + b[3] * a2 + b[1] * id
        let u = a * (a6 * u1 + u2)
        let v1 = b[12] * a6 + b[10] * a4 + b[8] * a2
        let v = a6 * v1 + b[6] * a6 + b[4] * a4 + b[2] * a2 + b[0] * id
        var d = try (v + (-1.0) * u).solve(2 * u)
        for _ in 0..<s { d = d.squaredPlusTwice() }
        return d
    }

    /// θ₇ of Higham 2005: the largest ‖A‖₁ for which the [7/7] Padé approximant is accurate to
    /// double precision without scaling.
    static let theta7 = 0.9504178996162932

    /// D² + 2D: the doubling step of D = e^{A} − I (e^{2A} − I = D² + 2D).
    public func squaredPlusTwice() -> Matrix {
        var r = self * self
        for i in 0..<r.storage.count { r.storage[i] += 2 * storage[i] }
        return r
    }
}
