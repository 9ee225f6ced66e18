//! Numbers as a reader of a British news site expects them: 15,896 and 34.1%.

/// A whole number with thousands separators: `15896` → `15,896`.
pub fn thousands(value: u64) -> String {
    let digits = value.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// A fraction as a percentage with one decimal: `0.340772` → `34.1%`.
pub fn percent(fraction: f64) -> String {
    format!("{}%", one_decimal(fraction * 100.0))
}

/// A change in share in percentage points with its sign: `-0.394348` → `−39.4`.
/// The minus is U+2212, which screen readers read as "minus".
pub fn points_change(fraction: f64) -> String {
    let points = fraction * 100.0;
    let text = one_decimal(points.abs());
    if text == "0.0" {
        text
    } else if points < 0.0 {
        format!("\u{2212}{text}")
    } else {
        format!("+{text}")
    }
}

fn one_decimal(value: f64) -> String {
    if !value.is_finite() {
        return "–".to_string();
    }
    // Round half away from zero on the decimal value, as published tables do, and
    // write the digits with integers: float formatting would cost the widget
    // kilobytes of code.
    let tenths = (value.abs() * 10.0 + 0.5).trunc() as u64;
    let sign = if value < 0.0 && tenths > 0 { "-" } else { "" };
    format!("{sign}{}.{}", tenths / 10, tenths % 10)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn thousands_separators() {
        for (value, text) in [(0, "0"), (7, "7"), (999, "999"), (1000, "1,000"), (15896, "15,896"), (37524, "37,524"), (1234567, "1,234,567"), (28809340, "28,809,340")] {
            assert_eq!(thousands(value), text);
        }
    }

    #[test]
    fn percentages_to_one_decimal() {
        for (fraction, text) in [(0.340772, "34.1%"), (0.304564, "30.5%"), (0.00746, "0.7%"), (0.004995, "0.5%"), (1.0, "100.0%"), (0.0, "0.0%"), (0.0362, "3.6%"), (0.0225, "2.3%")] {
            assert_eq!(percent(fraction), text, "{fraction}");
        }
    }

    #[test]
    fn changes_carry_a_sign() {
        assert_eq!(points_change(-0.394348), "\u{2212}39.4");
        assert_eq!(points_change(0.094947), "+9.5");
        assert_eq!(points_change(0.0001), "0.0");
        assert_eq!(points_change(-0.0001), "0.0");
    }

    #[test]
    fn rounding_is_half_away_from_zero() {
        assert_eq!(one_decimal(2.25), "2.3");
        assert_eq!(one_decimal(-2.25), "-2.3");
        assert_eq!(one_decimal(-0.04), "0.0");
        assert_eq!(one_decimal(99.95), "100.0");
        assert_eq!(one_decimal(1234.5678), "1234.6");
    }

    #[test]
    fn nonsense_is_not_a_number() {
        assert_eq!(percent(f64::NAN), "–%");
    }
}
