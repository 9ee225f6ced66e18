//! Names, slugs and nations, in one place for every importer: white space tidied,
//! names joined and put in the order they are shown, capitals made title case,
//! names compared across files, slugs for ids, and a nation from a GSS code.

/// Runs of white space (non-breaking spaces and line breaks too) made single spaces,
/// ends trimmed, and text encoded as UTF-8 twice read once ([`mended`]).
pub fn tidy(text: &str) -> String {
    mended(text).split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Text whose UTF-8 was read as Latin-1 and encoded again, read as it was meant:
/// the House of Commons Library's 2024 file gives "Ã\u{81}ine Groogan" for "Áine
/// Groogan". Only where every character is Latin-1, some are not ASCII, and their
/// bytes are UTF-8: a name written in Latin-1 letters ("Zoë", "Ó Súilleabháin") is
/// not UTF-8 as bytes, and is kept.
pub fn mended(text: &str) -> std::borrow::Cow<'_, str> {
    // Most names are ASCII: nothing to mend, and no copy made.
    if text.is_ascii() {
        return std::borrow::Cow::Borrowed(text);
    }
    let bytes: Option<Vec<u8>> = text.chars().map(|c| u8::try_from(u32::from(c)).ok()).collect();
    match bytes.and_then(|b| String::from_utf8(b).ok()) {
        Some(mended) => std::borrow::Cow::Owned(mended),
        None => std::borrow::Cow::Borrowed(text),
    }
}

/// Forenames and surname joined with a space, white space tidied.
pub fn join(first: &str, last: &str) -> String {
    tidy(&format!("{first} {last}"))
}

/// A name as it is compared across elections and files: "Bethnal Green & Bow" is
/// "bethnal green and bow".
pub fn normalise(name: &str) -> String {
    name.to_lowercase()
        .replace('&', " and ")
        .chars()
        .map(|c| if c.is_alphanumeric() { c } else { ' ' })
        .collect::<String>()
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// "Tower Hamlets" -> "tower-hamlets"; "Kensington & Chelsea" ->
/// "kensington-and-chelsea"; "St Katharine's" -> "st-katharines".
pub fn slug(name: &str) -> String {
    normalise(&name.replace(['\'', '\u{2019}'], "")).replace(' ', "-")
}

/// The nation a GSS code belongs to, from its first letter.
pub fn nation_of_code(code: &str) -> Option<String> {
    let nation = match code.chars().next() {
        Some('E') => "England",
        Some('W') => "Wales",
        Some('S') => "Scotland",
        Some('N') => "Northern Ireland",
        _ => return None,
    };
    Some(nation.into())
}

/// "Surname, Forenames" as a name to show, and whether a `*` in it marks a sitting
/// member: "Butt, Laila *" -> ("Laila Butt", true); "King, O.T. Ms." -> ("O.T.
/// King", false), the title dropped. A name without a comma is kept as it is.
pub fn surname_first(text: &str) -> (String, bool) {
    let sitting = text.contains('*');
    let text = tidy(&text.replace('*', " "));
    let name = match text.split_once(',') {
        Some((surname, forenames)) => {
            let forenames = forenames.trim();
            let forenames = if forenames == "Ms." { "" } else { forenames.strip_suffix(" Ms.").unwrap_or(forenames) };
            join(forenames, surname)
        }
        None => text,
    };
    (name, sitting)
}

/// A ballot-paper name part "Thomas William [Tom]" as the candidate is known: the
/// commonly used name in brackets, where given, replaces the part.
pub fn commonly_used(part: &str) -> String {
    let part = tidy(part);
    if let (Some(open), Some(body)) = (part.find('['), part.strip_suffix(']')) {
        let common = tidy(body.get(open + 1..).unwrap_or_default());
        if !common.is_empty() && !common.contains(['[', ']']) {
            return common;
        }
    }
    strip_brackets(&part)
}

/// A whole ballot-paper name "Thomas William [Tom] Strong [Strong]" as the candidate
/// is known: "Tom Strong". The forenames and the surname are each followed by their
/// commonly used form. Where a name is not two such parts ("Judi Gasser [Gasser]"),
/// which words a bracket stands for is unclear: the brackets are dropped and the
/// full name kept.
pub fn commonly_used_name(name: &str) -> String {
    let name = tidy(name);
    let parts: Vec<&str> = name.split_inclusive(']').map(str::trim).filter(|p| !p.is_empty()).collect();
    let two_parts = parts.len() == 2 && parts.iter().all(|p| p.ends_with(']') && p.find('[').is_some_and(|open| open > 0));
    if two_parts {
        parts.iter().map(|p| commonly_used(p)).collect::<Vec<_>>().join(" ")
    } else {
        strip_brackets(&name)
    }
}

fn strip_brackets(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut depth = 0usize;
    for c in text.chars() {
        match c {
            '[' => depth += 1,
            ']' => depth = depth.saturating_sub(1),
            _ if depth == 0 => out.push(c),
            _ => {}
        }
    }
    tidy(&out)
}

/// A surname in capitals in title case: "WALLACE" -> "Wallace", "O'BRIEN" ->
/// "O'Brien", "MCDONALD" -> "McDonald", "LONG-BAILEY" -> "Long-Bailey". Names that
/// are not all upper case are kept, trimmed.
pub fn title_case(name: &str) -> String {
    if name.chars().any(char::is_lowercase) {
        return name.trim().to_string();
    }
    capitalise(name.trim())
}

/// Words shown in lower case inside a place name ("Isle of Wight", "Stratford-on-Avon").
const SMALL_WORDS: &[&str] = &["and", "of", "the", "upon", "under", "on", "in", "with", "super", "le", "by"];

/// A place name in capitals in title case: "BIRMINGHAM, EDGBASTON" -> "Birmingham,
/// Edgbaston"; "NEWCASTLE-UNDER-LYME" -> "Newcastle-under-Lyme"; "ST ANNE'S" -> "St
/// Anne's".
pub fn place_name(name: &str) -> String {
    let mut words: Vec<String> = Vec::new();
    for (i, word) in name.split_whitespace().enumerate() {
        let after_comma = words.last().is_some_and(|w| w.ends_with(','));
        let parts: Vec<String> = word
            .split('-')
            .enumerate()
            .map(|(j, part)| {
                let lower = part.to_lowercase();
                if (i > 0 || j > 0) && !(after_comma && j == 0) && SMALL_WORDS.contains(&lower.as_str()) {
                    lower
                } else {
                    capitalise(part)
                }
            })
            .collect();
        words.push(parts.join("-"));
    }
    words.join(" ")
}

/// Each run of letters with a capital first and small letters after ("o'neill" ->
/// "O'Neill"), a capital after "Mc" ("McDonald"), but the possessive "'s" small
/// ("Anne's").
fn capitalise(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut word = String::new();
    let mut after_apostrophe = false;
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        if !c.is_alphabetic() {
            after_apostrophe = matches!(c, '\'' | '\u{2019}') && !word.is_empty();
            word.clear();
            out.push(c);
            continue;
        }
        let possessive = after_apostrophe && word.is_empty() && matches!(c, 's' | 'S') && !chars.peek().is_some_and(|n| n.is_alphabetic());
        let upper = (word.is_empty() && !possessive) || word == "Mc";
        let cased: String = if upper { c.to_uppercase().collect() } else { c.to_lowercase().collect() };
        word.push_str(&cased);
        out.push_str(&cased);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_in_the_order_shown() {
        assert_eq!(surname_first("Francis, H."), ("H. Francis".into(), false));
        assert_eq!(surname_first("King, O.T. Ms.").0, "O.T. King");
        assert_eq!(surname_first("Chamberlain-Webber,  J.A.A.S.").0, "J.A.A.S. Chamberlain-Webber");
        assert_eq!(surname_first("Herbert, N.Le Q.").0, "N.Le Q. Herbert");
        assert_eq!(surname_first("Chinners,").0, "Chinners");
        assert_eq!(surname_first("Butt, Laila *"), ("Laila Butt".into(), true));
        assert_eq!(surname_first("Islam, Sirajul*"), ("Sirajul Islam".into(), true));
        assert_eq!(surname_first("Manish Wankhade, Archanna "), ("Archanna Manish Wankhade".into(), false));
        assert_eq!(join(" Ann\u{a0}", "Smith "), "Ann Smith");
    }

    #[test]
    fn names_as_on_the_ballot_paper() {
        assert_eq!(commonly_used_name("Thomas William [Tom] Strong [Strong]"), "Tom Strong");
        assert_eq!(commonly_used_name("Mohammed Abdul Wahid [Abdul Wahid] Ali [Ali]"), "Abdul Wahid Ali");
        assert_eq!(commonly_used_name("Judi Gasser [Gasser]"), "Judi Gasser");
        assert_eq!(commonly_used_name("Sirajul  Islam "), "Sirajul Islam");
        assert_eq!(commonly_used("Cordwell [Cordwell]"), "Cordwell");
        assert_eq!(commonly_used("Beecroft [Bapat]"), "Bapat");
        assert_eq!(commonly_used("\u{a0}Mina\u{a0}"), "Mina");
        assert_eq!(commonly_used("Smith []"), "Smith");
    }

    #[test]
    fn capitals_in_title_case() {
        assert_eq!(title_case("WALLACE"), "Wallace");
        assert_eq!(title_case("O'BRIEN"), "O'Brien");
        assert_eq!(title_case("O’HARA"), "O’Hara");
        assert_eq!(title_case("MCDONALD"), "McDonald");
        assert_eq!(title_case("LONG-BAILEY "), "Long-Bailey");
        assert_eq!(title_case("DE PIERO"), "De Piero");
        assert_eq!(title_case("DE'MEDICI-JAGUAR"), "De'Medici-Jaguar");
        assert_eq!(title_case("ÖZDEMIR"), "Özdemir");
        assert_eq!(title_case("McKinnell"), "McKinnell");
        assert_eq!(place_name("BIRMINGHAM, EDGBASTON"), "Birmingham, Edgbaston");
        assert_eq!(place_name("NEWCASTLE-UNDER-LYME"), "Newcastle-under-Lyme");
        assert_eq!(place_name("WESTON-SUPER-MARE"), "Weston-super-Mare");
        assert_eq!(place_name("ISLE OF WIGHT"), "Isle of Wight");
        assert_eq!(place_name("BELFAST ST ANNE'S"), "Belfast St Anne's");
        assert_eq!(place_name("DUBLIN ST JAMES'S"), "Dublin St James's");
        assert_eq!(place_name("O'NEILL"), "O'Neill");
        assert_eq!(place_name("WREKIN, THE"), "Wrekin, The");
        assert_eq!(place_name(" CORK  CITY"), "Cork City");
        assert_eq!(place_name("YORKSHIRE (WEST RIDING)GOOLE"), "Yorkshire (West Riding)Goole");
    }

    #[test]
    fn slugs_and_comparisons() {
        assert_eq!(slug("Kensington & Chelsea"), "kensington-and-chelsea");
        assert_eq!(slug("St Katharine's & Wapping"), "st-katharines-and-wapping");
        assert_eq!(normalise("Bethnal Green & Bow"), "bethnal green and bow");
        assert_eq!(normalise("Bethnal Green and Bow"), "bethnal green and bow");
        assert_eq!(normalise("Weston-super-Mare"), "weston super mare");
        assert_eq!(normalise("Ynys Môn"), "ynys môn");
        assert_eq!(nation_of_code("W07000041").as_deref(), Some("Wales"));
        assert_eq!(nation_of_code("mayor-x"), None);
    }

    #[test]
    fn text_encoded_twice_is_read_once_and_latin_letters_are_kept() {
        assert_eq!(tidy("\u{c3}\u{81}ine  Groogan"), "Áine Groogan");
        assert_eq!(tidy("Zoë Ó Súilleabháin"), "Zoë Ó Súilleabháin");
        assert_eq!(tidy("Ynys Môn"), "Ynys Môn");
        assert_eq!(tidy("Caerdydd"), "Caerdydd");
        assert_eq!(tidy("\u{c3}\u{a9}"), "é");
        assert_eq!(tidy("\u{c3}"), "\u{c3}", "a lone lead byte is no UTF-8");
    }
}
