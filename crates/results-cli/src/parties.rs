//! Party ids and colours for the parties of the official files, keyed by the
//! abbreviation the House of Commons Library uses. Other sources' abbreviations for
//! the same parties are mapped to those by [`ALIASES`].

/// Abbreviations (and, in the Electoral Commission's 2017 file, party identifiers)
/// that other sources use for parties the tables know, with the abbreviation the
/// tables use. Matched without regard to case.
const ALIASES: &[(&str, &str)] = &[
    ("Lab Co-op", "Lab"),
    ("Labour", "Lab"),
    ("Labour and Co-operative", "Lab"),
    ("Labour Co-operative", "Lab"),
    ("Conservative", "Con"),
    ("Liberal Democrat", "LD"),
    ("Liberal Democrats", "LD"),
    ("Grn", "Green"),
    ("Green Party", "Green"),
    ("Plaid Cymru", "PC"),
    ("Sinn Féin", "SF"),
    ("Sinn Fein", "SF"),
    ("UU", "UUP"),
    ("Alliance", "APNI"),
    ("Speaker", "Spk"),
    ("Independent", "Ind"),
    ("Resp", "Respect"),
    ("Eng Dem", "ED"),
    ("English Democrats", "ED"),
    ("Liberal Party", "Lib"),
    // The EC's 2010 file names the 2005 winner of Wyre Forest "IKHHC" and the same
    // party's 2010 candidate "ICHC" (Independent Community and Health Concern).
    ("IKHHC", "ICHC"),
];

/// The abbreviation the tables use for a source's abbreviation: the alias's target,
/// or the abbreviation itself.
pub fn canonical(abbreviation: &str) -> &str {
    let abbreviation = abbreviation.trim();
    ALIASES.iter().find(|a| a.0.eq_ignore_ascii_case(abbreviation)).map_or(abbreviation, |a| a.1)
}

/// Whether the tables hold a full name for this abbreviation (or its alias).
pub fn has_name(abbreviation: &str) -> bool {
    let abbreviation = canonical(abbreviation);
    NAMES.iter().any(|n| n.0.eq_ignore_ascii_case(abbreviation))
}

/// Full names for abbreviations, for sources that give only the abbreviation.
const NAMES: &[(&str, &str)] = &[
    ("Lab", "Labour"),
    ("Con", "Conservative"),
    ("LD", "Liberal Democrat"),
    ("RUK", "Reform UK"),
    ("BRX", "Brexit Party"),
    ("Green", "Green Party"),
    ("SNP", "Scottish National Party"),
    ("PC", "Plaid Cymru"),
    ("DUP", "Democratic Unionist Party"),
    ("SF", "Sinn Féin"),
    ("SDLP", "Social Democratic and Labour Party"),
    ("UUP", "Ulster Unionist Party"),
    ("APNI", "Alliance"),
    ("TUV", "Traditional Unionist Voice"),
    ("Spk", "Speaker"),
    ("UKIP", "UK Independence Party"),
    ("Ind", "Independent"),
    ("Respect", "Respect"),
    // Candidates the source gives no party description for.
    ("ND", "No description"),
    // Parties of the Electoral Commission's 2005 and 2010 files, which give only
    // abbreviations.
    ("BNP", "British National Party"),
    ("ED", "English Democrats"),
    ("Ch P", "Christian Party"),
    ("CPA", "Christian Peoples Alliance"),
    ("TUSC", "Trade Unionist and Socialist Coalition"),
    ("MRLP", "Monster Raving Loony Party"),
    ("Soc Lab", "Socialist Labour Party"),
    ("NF", "National Front"),
    ("SSP", "Scottish Socialist Party"),
    ("Ver", "Veritas"),
    ("LCA", "Legalise Cannabis Alliance"),
    ("Lib", "Liberal"),
    ("WRP", "Workers Revolutionary Party"),
    ("Comm", "Communist Party of Britain"),
    ("AGS", "Alliance for Green Socialism"),
    ("MK", "Mebyon Kernow"),
    ("Pirate", "Pirate Party UK"),
    ("UCUNF", "Ulster Conservatives and Unionists - New Force"),
    ("ICHC", "Independent Community and Health Concern"),
    ("KHHC", "Kidderminster Hospital and Health Concern"),
];

/// The full name for an abbreviation; the abbreviation itself when unknown.
pub fn name(abbreviation: &str) -> String {
    let abbreviation = canonical(abbreviation);
    NAMES
        .iter()
        .find(|n| n.0.eq_ignore_ascii_case(abbreviation))
        .map_or_else(|| abbreviation.to_string(), |n| n.1.to_string())
}

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
    ("ND", "none", "#8c8c8c", None),
];

/// The id, colour and dark-mode colour for a party abbreviation. Parties the table
/// does not know get an id from their abbreviation and a neutral grey.
pub fn lookup(abbreviation: &str) -> (String, String, Option<String>) {
    let abbreviation = canonical(abbreviation);
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
    fn aliases_map_to_the_tables_parties() {
        for (alias, id, full_name) in [
            ("Lab Co-op", "lab", "Labour"),
            ("Labour", "lab", "Labour"),
            ("GRN", "green", "Green Party"),
            ("Grn", "green", "Green Party"),
            ("Resp", "respect", "Respect"),
            ("UU", "uup", "Ulster Unionist Party"),
            ("Alliance", "apni", "Alliance"),
            ("Speaker", "spk", "Speaker"),
            ("Sinn Féin", "sf", "Sinn Féin"),
            ("ND", "none", "No description"),
        ] {
            assert_eq!(lookup(alias).0, id, "{alias}");
            assert_eq!(name(alias), full_name, "{alias}");
        }
        assert_eq!(canonical(" Resp "), "Respect");
        assert_eq!(canonical("Heritage Party"), "Heritage Party");
        assert!(has_name("Labour") && !has_name("Heritage Party"));
    }

    #[test]
    fn every_alias_names_a_known_party() {
        for (alias, target) in ALIASES {
            assert!(KNOWN.iter().any(|k| k.0 == *target) || NAMES.iter().any(|n| n.0 == *target), "{alias} -> {target}");
            assert!(!KNOWN.iter().any(|k| k.0.eq_ignore_ascii_case(alias)), "{alias} is also a table key");
        }
    }

    #[test]
    fn every_colour_is_valid() {
        for (_, _, colour, dark) in KNOWN {
            assert!(results_core::validate::is_hex_colour(colour));
            assert!(dark.is_none_or(results_core::validate::is_hex_colour));
        }
    }
}
