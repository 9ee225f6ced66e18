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

/// `bytes` as text, if they are UTF-8: as `String::from_utf8` reads them, without
/// its validator (0.3 KB gzip of the widget's code, for the files it fetches and
/// nothing else). A character at a time: one pass, like the parse that follows.
pub fn utf8(bytes: &[u8]) -> Option<String> {
    let mut text = String::with_capacity(bytes.len());
    let mut rest = bytes.iter();
    while let Some(&first) = rest.next() {
        // The bytes that follow the first, the smallest code point that needs that
        // many (fewer is an overlong form), and the first byte's bits.
        let (more, least, mut code) = match first {
            0x00..=0x7F => (0, 0, u32::from(first)),
            0xC0..=0xDF => (1, 0x80, u32::from(first & 0x1F)),
            0xE0..=0xEF => (2, 0x800, u32::from(first & 0x0F)),
            0xF0..=0xF7 => (3, 0x1_0000, u32::from(first & 0x07)),
            _ => return None,
        };
        for _ in 0..more {
            match rest.next() {
                Some(&next) if next & 0xC0 == 0x80 => code = code << 6 | u32::from(next & 0x3F),
                _ => return None,
            }
        }
        // `from_u32` refuses surrogates and what is beyond U+10FFFF.
        text.push(char::from_u32(code).filter(|_| code >= least)?);
    }
    Some(text)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_utf8_as_the_standard_library_does() {
        let mut cases: Vec<Vec<u8>> = ["", "plain", "Ynys Môn", "€ 😀 \u{10FFFF}", "\u{7F}\u{80}\u{7FF}\u{800}\u{FFFF}\u{10000}"].iter().map(|s| s.as_bytes().to_vec()).collect();
        // Overlong forms, surrogates, beyond U+10FFFF, cut-off and stray bytes.
        for bad in [&[0xC0, 0x80][..], &[0xC1, 0xBF], &[0xE0, 0x9F, 0xBF], &[0xED, 0xA0, 0x80], &[0xF0, 0x8F, 0xBF, 0xBF], &[0xF4, 0x90, 0x80, 0x80], &[0xF5, 0x80, 0x80, 0x80], &[0xE2, 0x82], &[0x80], &[0xFF], &[b'a', 0xC3]] {
            cases.push(bad.to_vec());
        }
        // Bytes of every kind (a xorshift generator), mostly near valid text.
        let mut bits: u64 = 0x9e37_79b9_7f4a_7c15;
        for _ in 0..100_000 {
            let mut bytes = Vec::new();
            for _ in 0..(bits % 7) {
                bits ^= bits << 13;
                bits ^= bits >> 7;
                bits ^= bits << 17;
                bytes.push(match bits % 4 {
                    0 => (bits >> 8) as u8,
                    1 => 0x80 | (bits >> 8) as u8 & 0x3F,
                    2 => [0xC3, 0xE2, 0xED, 0xF0, 0xF4][(bits >> 8) as usize % 5],
                    _ => b'a',
                });
            }
            cases.push(bytes);
        }
        for bytes in cases {
            assert_eq!(utf8(&bytes), String::from_utf8(bytes.clone()).ok(), "{bytes:x?}");
        }
    }

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
