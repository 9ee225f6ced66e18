//! Party ids and colours for the parties of the official files, keyed by the
//! abbreviation the House of Commons Library uses.

/// (abbreviation, id, colour, dark-mode colour)
const KNOWN: &[(&str, &str, &str, Option<&str>)] = &[
    ("Lab", "lab", "#e4003b", Some("#ff5c7a")),
    ("Con", "con", "#0087dc", Some("#4db1ff")),
    ("LD", "ld", "#faa61a", None),
    ("RUK", "ruk", "#12b6cf", None),
    ("BRX", "brx", "#12b6cf", None),
    ("Green", "green", "#02a95b", Some("#2fd07f")),
    ("SNP", "snp", "#fdf38e", None),
    ("PC", "pc", "#005b54", Some("#3fbfa8")),
    ("DUP", "dup", "#d46a4c", None),
    ("SF", "sf", "#326760", Some("#5fa89c")),
    ("SDLP", "sdlp", "#2aa82c", None),
    ("UUP", "uup", "#48a5ee", None),
    ("APNI", "apni", "#f6cb2f", None),
    ("TUV", "tuv", "#0c3a6a", Some("#6a9ad0")),
    ("Spk", "spk", "#5c5c5c", Some("#b0b0b0")),
    ("UKIP", "ukip", "#6d3177", Some("#b57cc0")),
    ("Ind", "ind", "#767676", Some("#a0a0a0")),
    ("WPB", "wpb", "#760b1c", Some("#d2586b")),
    ("Alba", "alba", "#005eb8", Some("#5aa2e6")),
    ("Respect", "respect", "#46801c", Some("#7fc24f")),
];

/// The id, colour and dark-mode colour for a party abbreviation. Parties the table
/// does not know get an id from their abbreviation and a neutral grey.
pub fn lookup(abbreviation: &str) -> (String, String, Option<String>) {
    match KNOWN.iter().find(|k| k.0.eq_ignore_ascii_case(abbreviation)) {
        Some(&(_, id, colour, dark)) => (id.into(), colour.into(), dark.map(Into::into)),
        None => (id_of(abbreviation), "#8c8c8c".into(), None),
    }
}

fn id_of(abbreviation: &str) -> String {
    let id: String = abbreviation
        .chars()
        .filter_map(|c| if c.is_ascii_alphanumeric() { Some(c.to_ascii_lowercase()) } else if c == ' ' || c == '-' { Some('-') } else { None })
        .collect();
    if id.is_empty() { "other".into() } else { id }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn known_and_unknown_parties() {
        assert_eq!(lookup("Lab").0, "lab");
        assert_eq!(lookup("lab").1, "#e4003b");
        assert_eq!(lookup("Heritage Party"), ("heritage-party".into(), "#8c8c8c".into(), None));
        assert_eq!(lookup("!!").0, "other");
    }

    #[test]
    fn every_colour_is_valid() {
        for (_, _, colour, dark) in KNOWN {
            assert!(results_core::validate::is_hex_colour(colour));
            assert!(dark.is_none_or(results_core::validate::is_hex_colour));
        }
    }
}
