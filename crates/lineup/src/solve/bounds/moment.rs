//! The second-moment bound on the kilometres between cluster members.
//!
//! Put every member on the unit sphere (`x_i` in 3-D, chords `c_ij`). For a
//! cluster `C` with centroid `c_C` and any fixed point `p`:
//!
//! ```text
//! Σ_{i<j∈C} c_ij² = |C|·Σ_{i∈C} ‖x_i − c_C‖² ≤ |C|·Σ_{i∈C} ‖x_i − p‖² = |C|·M_C
//! ```
//!
//! (the centroid minimises the summed squares). Cauchy–Schwarz over the
//! `P_C = |C|(|C|−1)/2` pairs gives `Σ_{i<j∈C} c_ij ≤ sqrt(a_C·M_C)` with
//! `a_C = P_C·|C|`, and again over the clusters
//! `Σ_C sqrt(a_C·M_C) ≤ sqrt(Σ_C a_C)·sqrt(Σ_C M_C)`. `Σ_C M_C = M` is the
//! same for every lineup, and `Σ_C a_C` is largest for the most uneven size
//! mix the sizes allow ([`extreme_mix`]; `a` is convex in the size).
//!
//! Great-circle km are `R·2·asin(c/2)`, at most `R·c·F(D)` for chords up to
//! `D` with `F(D) = 2·asin(D/2)/D` (increasing); every chord of the block is
//! at most twice the largest distance to `p`. With `p` the members' mean
//! (which minimises `M`) the bound is within a few per cent of an ideal
//! lineup: points evenly on a circle reach 0.96 of it, where the triangle
//! inequality around a central point allows 1.37 times the ideal cluster's
//! distances.
//!
//! [`planar_km_bound`] sharpens it with the fact that a block of Germany is
//! nearly flat. Project the members onto the plane through the sphere's
//! centre orthogonal to their mean direction `n` (`w_i`, projected
//! distances `q_ij`). On the cap within `ρ` of `n` the height
//! `sqrt(1 − |w|²)` changes by at most `tan ρ` per unit of `w`, so
//! `c_ij ≤ q_ij / cos ρ`. In the plane a distance is an average of
//! projections, `|v| = ¼∫₀^{2π} |⟨v, e_θ⟩| dθ`; on a line the pairwise
//! distances of `s` sorted values are `Σ_k (2k − s − 1)·z_(k)`, at most
//! `sqrt(s(s² − 1)/3)` times the root of their squared deviation
//! (Cauchy–Schwarz; the weights sum to 0). Summing over clusters and
//! Cauchy–Schwarz again, per direction:
//!
//! ```text
//! Σ_C Σ_{i<j∈C} q_ij ≤ ¼ · sqrt(Σ_C s_C(s_C² − 1)/3) · ∫₀^{2π} sqrt(e_θᵀ S e_θ) dθ
//! ```
//!
//! with `S` the members' 2×2 scatter matrix about their projected mean.
//! For clusters of 7 this is `sqrt(π²·8/84) ≈ 0.97` of the bound above
//! (points in a plane cannot all be equally far apart, which that bound
//! allows), before the small factor `1/cos ρ`; an ideal 7-gon reaches 0.99
//! of it.

use crate::distance::{EARTH_RADIUS_KM, UnitVector};

/// Upper bound on the km between members of the same cluster, summed over
/// the clusters of any lineup of `units` into `k` clusters of `min..=max`
/// members; `None` where no such lineup exists.
pub(crate) fn km_bound(units: &[UnitVector], min: usize, max: usize, k: usize) -> Option<f64> {
    let sizes = extreme_mix(units.len(), min, max, k)?;
    let a: f64 = sizes
        .iter()
        .map(|&(s, count)| count as f64 * (s * s * s.saturating_sub(1)) as f64 / 2.0)
        .sum();
    if units.is_empty() {
        return Some(0.0);
    }
    let p = mean(units);
    let moment: f64 = units
        .iter()
        .map(|u| {
            let x = u.xyz();
            (0..3).map(|d| (x[d] - p[d]) * (x[d] - p[d])).sum::<f64>()
        })
        .sum();
    // Rounding in the sums: a relative safety margin.
    Some(EARTH_RADIUS_KM * arc_per_chord(chord_limit(units)) * (a * moment).sqrt() * (1.0 + 1e-9))
}

/// The planar form of [`km_bound`] (see the module docs); `None` where no
/// lineup exists or the members do not lie within a quarter circle of
/// their mean direction.
pub(crate) fn planar_km_bound(units: &[UnitVector], min: usize, max: usize, k: usize) -> Option<f64> {
    let sizes = extreme_mix(units.len(), min, max, k)?;
    let weight: f64 = sizes
        .iter()
        .map(|&(s, count)| count as f64 * (s * (s * s).saturating_sub(1)) as f64 / 3.0)
        .sum();
    if units.is_empty() {
        return Some(0.0);
    }
    let normal = UnitVector::from_xyz(mean(units))?.xyz();
    // An orthonormal basis of the plane orthogonal to `normal`.
    let helper = if normal[0].abs() < 0.9 {
        [1.0, 0.0, 0.0]
    } else {
        [0.0, 1.0, 0.0]
    };
    let e1 = unit(cross(normal, helper))?;
    let e2 = cross(normal, e1);
    let dot = |a: [f64; 3], b: [f64; 3]| a[0] * b[0] + a[1] * b[1] + a[2] * b[2];
    let mut lowest = f64::INFINITY;
    let projected: Vec<[f64; 2]> = units
        .iter()
        .map(|u| {
            let x = u.xyz();
            lowest = lowest.min(dot(x, normal));
            [dot(x, e1), dot(x, e2)]
        })
        .collect();
    // cos ρ of the member farthest from the mean direction.
    if lowest <= 1e-3 {
        return None;
    }
    let n = units.len() as f64;
    let mean = [0, 1].map(|d| projected.iter().map(|w| w[d]).sum::<f64>() / n);
    let mut scatter = [0.0; 3];
    for w in &projected {
        let (a, b) = (w[0] - mean[0], w[1] - mean[1]);
        scatter[0] += a * a;
        scatter[1] += a * b;
        scatter[2] += b * b;
    }
    // ∫ sqrt(e_θᵀ S e_θ) dθ by the trapezoidal rule plus its worst error:
    // the integrand is Lipschitz with constant sqrt(λ_max(S)) ≤ sqrt(tr S),
    // so each of the N nodes' intervals errs by at most L·step²/4 (about
    // 0.06 % of the integral at 4 096 nodes, which is at least 4·sqrt(λ_max)).
    const NODES: usize = 4096;
    let step = std::f64::consts::TAU / NODES as f64;
    let integral: f64 = (0..NODES)
        .map(|i| {
            let (sin, cos) = (i as f64 * step).sin_cos();
            (cos * cos * scatter[0] + 2.0 * sin * cos * scatter[1] + sin * sin * scatter[2])
                .max(0.0)
                .sqrt()
        })
        .sum::<f64>()
        * step
        + (scatter[0] + scatter[2]).max(0.0).sqrt() * std::f64::consts::TAU * step / 4.0;
    let chord = chord_limit(units);
    let projected_km = 0.25 * weight.sqrt() * integral;
    Some(EARTH_RADIUS_KM * arc_per_chord(chord) / lowest * projected_km * (1.0 + 1e-6))
}

/// An upper bound on every chord between two of `units`: twice the
/// largest distance to their mean.
fn chord_limit(units: &[UnitVector]) -> f64 {
    let p = mean(units);
    let farthest = units
        .iter()
        .map(|u| {
            let x = u.xyz();
            (0..3).map(|d| (x[d] - p[d]) * (x[d] - p[d])).sum::<f64>().sqrt()
        })
        .fold(0.0, f64::max);
    (2.0 * farthest).min(2.0)
}

/// The mean of the members' unit vectors (inside the sphere).
fn mean(units: &[UnitVector]) -> [f64; 3] {
    let n = units.len().max(1) as f64;
    let mut p = [0.0; 3];
    for u in units {
        let x = u.xyz();
        for d in 0..3 {
            p[d] += x[d] / n;
        }
    }
    p
}

/// The most arc per unit of chord for chords up to `chord`:
/// `2·asin(chord/2)/chord`, increasing in the chord.
fn arc_per_chord(chord: f64) -> f64 {
    if chord < 1e-9 {
        1.0
    } else {
        2.0 * (chord / 2.0).asin() / chord
    }
}

fn cross(a: [f64; 3], b: [f64; 3]) -> [f64; 3] {
    [
        a[1] * b[2] - a[2] * b[1],
        a[2] * b[0] - a[0] * b[2],
        a[0] * b[1] - a[1] * b[0],
    ]
}

fn unit(v: [f64; 3]) -> Option<[f64; 3]> {
    UnitVector::from_xyz(v).map(|u| u.xyz())
}

/// The size mix of `k` clusters of `min..=max` members holding `n` that
/// maximises a convex function of the size summed over the clusters: as
/// many clusters of `max` as fit, at most one in between, the rest `min`
/// (a convex function on the polytope `Σ s = n`, `min ≤ s ≤ max` is largest
/// at a vertex, and every vertex is such a mix). `(size, count)` pairs;
/// `None` where the sizes cannot hold `n`.
pub(crate) fn extreme_mix(n: usize, min: usize, max: usize, k: usize) -> Option<Vec<(usize, usize)>> {
    if min > max || n < k * min || n > k * max {
        return None;
    }
    if k == 0 {
        return Some(Vec::new());
    }
    let extra = n - k * min;
    let step = max - min;
    if step == 0 {
        return Some(vec![(min, k)]);
    }
    let (full, rest) = (extra / step, extra % step);
    let mut mix = vec![(max, full)];
    if rest > 0 {
        mix.push((min + rest, 1));
    }
    mix.push((min, k - full - usize::from(rest > 0)));
    Some(mix)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_extreme_mix_holds_every_member() {
        assert_eq!(extreme_mix(7841, 6, 7, 1121), Some(vec![(7, 1115), (6, 6)]));
        assert_eq!(extreme_mix(20, 2, 8, 4), Some(vec![(8, 2), (2, 2)]));
        assert_eq!(extreme_mix(21, 2, 8, 4), Some(vec![(8, 2), (3, 1), (2, 1)]));
        assert_eq!(extreme_mix(12, 3, 3, 4), Some(vec![(3, 4)]));
        assert_eq!(extreme_mix(13, 3, 3, 4), None);
        assert_eq!(extreme_mix(5, 6, 7, 1), None);
    }
}
