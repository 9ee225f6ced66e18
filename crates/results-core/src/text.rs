//! Substring search for the few short texts the widget searches (names as typed in a
//! search box, a URL, a chart's fills). `str::contains` and `str::replace` with a
//! `&str` pattern bring in the standard library's Two-Way searcher, built for long
//! texts: 0.8 KB gzip of the widget's code. A match of one UTF-8 string in another
//! byte by byte is a match of their characters, so these agree with the standard
//! library's (tested below).

/// Where `needle` first occurs in `haystack`, in bytes; `Some(0)` for an empty needle.
pub fn find(haystack: &str, needle: &str) -> Option<usize> {
    if needle.is_empty() {
        return Some(0);
    }
    haystack.as_bytes().windows(needle.len()).position(|w| w == needle.as_bytes())
}

/// Whether `needle` occurs in `haystack`, as `haystack.contains(needle)`.
pub fn contains(haystack: &str, needle: &str) -> bool {
    find(haystack, needle).is_some()
}

/// `text` with every `from` (not empty) replaced by `to`, as `text.replace(from, to)`.
pub fn replace(text: &str, from: &str, to: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(at) = find(rest, from).filter(|_| !from.is_empty()) {
        let (before, after) = rest.split_at(at);
        out.push_str(before);
        out.push_str(to);
        rest = after.get(from.len()..).unwrap_or_default();
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn agrees_with_the_standard_library() {
        let texts = ["", "a", "aa", "Bethnal Green and Stepney", "Ynys Môn", "Môn", "ô", "..", "data/../x", "abcabcab"];
        for haystack in texts {
            for needle in texts.iter().copied().chain(["n", "Green", "Môn ", "bca", "\u{f4}"]) {
                assert_eq!(find(haystack, needle), haystack.find(needle), "{haystack:?} {needle:?}");
                assert_eq!(contains(haystack, needle), haystack.contains(needle), "{haystack:?} {needle:?}");
                if !needle.is_empty() {
                    assert_eq!(replace(haystack, needle, "<x>"), haystack.replace(needle, "<x>"), "{haystack:?} {needle:?}");
                }
            }
        }
    }
}
