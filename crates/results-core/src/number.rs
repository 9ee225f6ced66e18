//! Numbers in text without the standard library's float formatting (5 KB gzip in
//! the widget). A message names a number the file wrote by the file's own text
//! (`json`); one that was computed or read earlier (a share out of range) is
//! written by [`approximate`], with integers. [`number`] writes the fewest digits
//! that read back as the same number, as Rust's `{}` does, where that matters (a
//! swing scenario in a URL): ryu (with its small tables) finds them in half the code
//! of `{}`, and a test compares the two.

/// Whole-number text with an optional `-`, as an i32, saturating at its bounds (an
/// exponent too long for an i32 is far beyond any double). Read as a u64: every
/// integer the widget reads goes through that one parser (each type has its own).
pub(crate) fn saturating_i32(text: &str) -> i32 {
    let (negative, magnitude) = text.strip_prefix('-').map_or((false, text), |magnitude| (true, magnitude));
    let n = magnitude.parse::<u64>().ok().and_then(|n| i32::try_from(n).ok()).unwrap_or(i32::MAX);
    if negative { -n } else { n }
}

/// `value` as `format!("{value}")` writes it. (Where two shortest forms are equally
/// near, which takes 16 digits or more, ryu picks the even last digit where `{}`
/// picks the higher: 233115890514796.12 for 233115890514796.13.)
pub fn number(value: f64) -> String {
    if !value.is_finite() {
        return if value.is_nan() { "NaN" } else if value < 0.0 { "-inf" } else { "inf" }.to_string();
    }
    // ryu writes "1.0", "-0.00015", "1.5e-7" or "1e16".
    let mut buffer = ryu::Buffer::new();
    let text = buffer.format_finite(value);
    let (sign, text) = text.strip_prefix('-').map_or(("", text), |rest| ("-", rest));
    let (mantissa, exponent) = text.split_once('e').map_or((text, 0), |(m, e)| (m, saturating_i32(e)));
    let (whole, fraction) = mantissa.split_once('.').unwrap_or((mantissa, ""));
    // The significant digits, and where the point stands among them.
    let digits = format!("{whole}{fraction}");
    let significant = digits.trim_start_matches('0');
    let point = whole.len() as i32 + exponent - (digits.len() - significant.len()) as i32;
    let significant = significant.trim_end_matches('0');
    let mut out = sign.to_string();
    if significant.is_empty() {
        out.push('0');
    } else if point <= 0 {
        out.push_str("0.");
        out.extend(std::iter::repeat_n('0', point.unsigned_abs() as usize));
        out.push_str(significant);
    } else if let Some((before, after)) = significant.split_at_checked(point as usize) {
        out.push_str(before);
        if !after.is_empty() {
            out.push('.');
            out.push_str(after);
        }
    } else {
        out.push_str(significant);
        out.extend(std::iter::repeat_n('0', point as usize - significant.len()));
    }
    out
}

/// A number in a message where only its first decimals matter ("found 1.5", "found
/// 0.333333"): to six decimal places, trailing zeros dropped, written with integers
/// so that the widget carries no float formatting (`number` costs it 1.5 KB gzip).
/// Beyond a million million it says so.
pub fn approximate(value: f64) -> String {
    if value.is_nan() {
        return "NaN".into();
    }
    let sign = if value < 0.0 { "-" } else { "" };
    if value.abs() >= 1e12 {
        return format!("{sign}1000000000000 or beyond");
    }
    // The whole part and the fraction apart: a product by a million would lose the
    // last places of a large number.
    let whole = value.abs().trunc();
    let fraction = ((value.abs() - whole) * 1e6).round() as u64;
    let (whole, fraction) = if fraction == 1_000_000 { (whole as u64 + 1, 0) } else { (whole as u64, fraction) };
    if whole == 0 && fraction == 0 {
        return "0".into();
    }
    if fraction == 0 {
        return format!("{sign}{whole}");
    }
    let fraction = format!("{fraction:06}");
    format!("{sign}{whole}.{}", fraction.trim_end_matches('0'))
}

#[cfg(test)]
mod tests {
    use super::{approximate, number};

    #[test]
    fn approximately_as_the_standard_library_writes_six_places() {
        let mut values = vec![0.0, -0.0, 1.0, -5.0, 1.5, 2.5, 0.1, 0.30000000000000004, 35.9, 1e-7, 4e-7, 6e-7, 0.00015, 999_999_999_999.0, -0.333_333_4, 1.000_000_5];
        let mut bits: u64 = 0x9e37_79b9_7f4a_7c15;
        for _ in 0..100_000 {
            bits ^= bits << 13;
            bits ^= bits >> 7;
            bits ^= bits << 17;
            values.push((bits % 1_000_000_000_000) as f64 / 10f64.powi((bits % 13) as i32) * if bits & 1 == 0 { 1.0 } else { -1.0 });
        }
        for value in values {
            let theirs = format!("{value:.6}");
            let theirs = theirs.trim_end_matches('0').trim_end_matches('.');
            let theirs = if theirs == "-0" { "0" } else { theirs };
            // Rounding a product by a million can differ from decimal rounding by one
            // in the last place at a tie.
            let ours = approximate(value);
            let close = (ours.parse::<f64>().unwrap() - value).abs() <= 6e-7;
            assert!(ours == theirs || close, "{value}: {ours} for {theirs}");
        }
        assert_eq!(approximate(1e300), "1000000000000 or beyond");
        assert_eq!(approximate(-2e12), "-1000000000000 or beyond");
        assert_eq!(approximate(f64::NAN), "NaN");
        assert_eq!(approximate(f64::INFINITY), "1000000000000 or beyond");
    }

    #[test]
    fn as_the_standard_library_writes_them() {
        let mut values = vec![0.0, -0.0, 1.0, -5.0, 1.5, 2.5, 7.0, 10.0, 120.0, 0.1, 0.30000000000000004, 1.0000000000000002, 35.9, 1e-7, 1.5e-7, 0.00015, 1e15, 1e16, 1e21, 1e23, 123456789012345680.0, 1e300, 5e-324, f64::MAX, f64::MIN_POSITIVE, f64::NAN, f64::INFINITY, f64::NEG_INFINITY];
        // Doubles of every kind (a xorshift generator over their bits), and decimals
        // of up to 8 digits.
        let mut bits: u64 = 0x9e37_79b9_7f4a_7c15;
        for _ in 0..200_000 {
            bits ^= bits << 13;
            bits ^= bits >> 7;
            bits ^= bits << 17;
            values.push(f64::from_bits(bits));
            values.push((bits % 100_000_000) as f64 / 10f64.powi((bits % 12) as i32));
        }
        for value in values {
            let (ours, theirs) = (number(value), format!("{value}"));
            if ours != theirs {
                // Only a tie between two shortest forms, each of which reads back.
                let tie = ours.len() == theirs.len() && ours.parse::<f64>() == Ok(value) && ours.get(..ours.len() - 1) == theirs.get(..theirs.len() - 1)
                    && theirs.trim_start_matches(['-', '0', '.']).replace('.', "").len() >= 16;
                assert!(tie, "{value:e}: {ours} for {theirs}");
            }
        }
    }
}
