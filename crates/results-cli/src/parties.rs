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
    // The House of Commons Library's 2019 file abbreviates these parties otherwise
    // than its 2017 and 2024 files (often by the party's whole name): without these
    // a party would be two across the elections of a seat's history, and the Brexit
    // Party grey. The Electoral Commission's files use "SLP" as 2019 does.
    ("Brexit", "BRX"),
    ("Animal Welfare Party", "ANWP"),
    ("Ashfield Independents", "Ash"),
    ("Christian Party, Proclaiming Christ's Lordship", "CHP"),
    ("CMEP", "Elvis"),
    ("Comm Leagu", "Comm L"),
    ("Green Soc", "AGS"),
    ("Independent Network", "INet"),
    ("Libertarian Party", "LPUK"),
    ("Lincs Ind", "LNIN"),
    ("Patria", "Patr"),
    ("Rebooting Democracy", "RBD"),
    ("Scottish Family Party", "SFP"),
    ("SLP", "SL"),
    ("Space Navies Party", "SNav"),
    ("The Common People", "CP"),
    ("TPP", "PPNV"),
    ("The Socialist Party of Great Britain", "SPGB"),
    ("The Yorkshire Party", "Yrks"),
    ("Young People's Party", "YPP"),
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
    ("PBPA", "People Before Profit Alliance"),
    ("AONT", "Aontú"),
    ("PUP", "Progressive Unionist Party"),
    // Parties the House of Commons Library's 2019 file abbreviates otherwise than
    // its 2017 and 2024 files (see `ALIASES`), by those files' abbreviations.
    ("ANWP", "Animal Welfare Party"),
    ("Ash", "Ashfield Independents"),
    ("CHP", "Christian Party, Proclaiming Christ's Lordship"),
    ("Elvis", "Church of the Militant Elvis Party"),
    ("Comm L", "Communist League Election Campaign"),
    ("INet", "Independent Network"),
    ("LPUK", "Libertarian Party"),
    ("LNIN", "Lincolnshire Independents"),
    ("Patr", "Patria"),
    ("RBD", "Rebooting Democracy"),
    ("SFP", "Scottish Family Party"),
    ("SL", "Socialist Labour Party"),
    ("SNav", "Space Navies Party"),
    ("CP", "The Common People"),
    ("PPNV", "The Peace Party"),
    ("SPGB", "The Socialist Party of Great Britain"),
    ("Yrks", "The Yorkshire Party"),
    ("YPP", "Young People's Party"),
    // Local parties (London boroughs).
    ("Aspire", "Aspire"),
    ("PATH", "People's Alliance of Tower Hamlets"),
    ("THI", "Tower Hamlets Independents"),
    ("RA", "Residents' Association"),
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
    ("TUSC", "tusc", "#b5006e", Some("#f25db1")),
    ("CPA", "cpa", "#813887", Some("#c07ac6")),
    ("PBPA", "pbpa", "#e91d50", Some("#ff6b8b")),
    ("AONT", "aont", "#44532a", Some("#9db36b")),
    // Local parties.
    ("Aspire", "aspire", "#8b0000", Some("#e0605a")),
    ("PATH", "path", "#00897b", Some("#4db6ac")),
    ("THI", "thi", "#7b1fa2", Some("#c27ee0")),
    ("RA", "ra", "#6d7d1c", Some("#b5c35a")),
];

/// Party names and codes of local election files (the GLA's London borough files,
/// LGA-standard council files, the Tower Hamlets mayoral file), with the abbreviation
/// they stand for. Matched without regard to case, after apostrophes are made
/// straight. Kept apart from [`ALIASES`] so that general-election imports are
/// unaffected. The targets need not be in the tables: "WEP" is its own party.
const LOCAL_ALIASES: &[(&str, &str)] = &[
    // The GLA's party codes.
    ("GRE", "Green"),
    ("ASP", "Aspire"),
    ("REA", "RA"),
    // Registered names and ballot labels.
    ("Labour Party", "Lab"),
    ("Labour and Co-operative Party", "Lab"),
    ("Labour and Cooperative Party", "Lab"),
    ("Conservative Party", "Con"),
    ("Conservative and Unionist Party", "Con"),
    ("Local Conservatives", "Con"),
    ("Liberal Democrats", "LD"),
    ("The Green Party", "Green"),
    ("Reform UK", "RUK"),
    ("The Brexit Party", "BRX"),
    ("Brexit Party", "BRX"),
    ("UK Independence Party", "UKIP"),
    ("UK Independence Party (UKIP)", "UKIP"),
    ("Trade Unionist and Socialist Coalition", "TUSC"),
    // The GLA's label for TUSC, and Trafford's spelling of it.
    ("Trade Union and Socialist Party", "TUSC"),
    ("Trade Unionist and Social Coalition", "TUSC"),
    ("People's Alliance of Tower Hamlets", "PATH"),
    ("Tower Hamlets Independents", "THI"),
    ("Residents' Association", "RA"),
    ("Christian Peoples Alliance", "CPA"),
    ("Women's Equality Party", "WEP"),
    ("Workers Party of Britain", "WPB"),
    ("Monster Raving Loony Party", "MRLP"),
    ("Official Monster Raving Loony Party", "MRLP"),
    ("Social Democratic Party", "SDP"),
    ("The Liberal Party", "Lib"),
    ("British National Party", "BNP"),
    ("National Front", "NF"),
    ("Communist Party of Britain", "Comm"),
    ("Rejoin EU", "REU"),
    // Scottish councils' and the Northern Ireland Assembly's registered names.
    ("Scottish National Party (SNP)", "SNP"),
    ("Scottish National Party", "SNP"),
    ("Scottish Green Party", "Green"),
    ("Scottish Labour Party", "Lab"),
    ("Scottish Liberal Democrats", "LD"),
    ("Scottish Conservative and Unionist", "Con"),
    ("Alba Party", "Alba"),
    ("Scottish Socialist Party", "SSP"),
    ("Democratic Unionist Party", "DUP"),
    ("Democratic Unionist Party - D.U.P.", "DUP"),
    ("Social Democratic and Labour Party", "SDLP"),
    ("SDLP (Social Democratic & Labour Party)", "SDLP"),
    ("Ulster Unionist Party", "UUP"),
    ("Alliance Party", "APNI"),
    ("Alliance - Alliance Party of Northern Ireland", "APNI"),
    ("Traditional Unionist Voice", "TUV"),
    ("Traditional Unionist Voice - TUV", "TUV"),
    ("People Before Profit Alliance", "PBPA"),
    ("People Before Profit", "PBPA"),
    ("Aontu", "AONT"),
    ("Aontú", "AONT"),
    ("Progressive Unionist Party", "PUP"),
];

/// The tables' own spelling of an abbreviation they know ("LAB" is "Lab"), after
/// the aliases.
fn known(abbreviation: &str) -> Option<&'static str> {
    let abbreviation = canonical(abbreviation);
    KNOWN
        .iter()
        .map(|k| k.0)
        .chain(NAMES.iter().map(|n| n.0))
        .find(|key| key.eq_ignore_ascii_case(abbreviation))
}

/// The abbreviation a local party name or code stands for, where known.
fn local_alias(text: &str) -> Option<String> {
    let text = text.replace(['\u{2019}', '`'], "'");
    let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
    if text.is_empty() {
        return None;
    }
    match LOCAL_ALIASES.iter().find(|a| a.0.eq_ignore_ascii_case(&text)) {
        Some(alias) => Some(known(alias.1).unwrap_or(alias.1).to_string()),
        None => known(&text).map(Into::into),
    }
}

/// The abbreviation, and the name to register with it, for a party of a local
/// election file given by its `code` (may be empty) and `name` (may be empty).
/// `code_is_shared` says whether the file uses the code for more than one name (the
/// GLA's "REA" and "IND" cover many local groups; in 2026 "CPA" is also the Climate
/// Party).
///
/// The name decides where the tables know it; then the code, where it is the
/// party's own; otherwise the name itself is the abbreviation (its own party). The
/// name returned is empty where the tables hold one.
pub fn local(code: &str, name: &str, code_is_shared: bool) -> (String, String) {
    let name = name.replace(['\u{2019}', '`'], "'").split_whitespace().collect::<Vec<_>>().join(" ");
    let code = code.trim();
    let abbreviation = local_alias(&name)
        .or_else(|| if code.is_empty() || code_is_shared { None } else { local_alias(code).or_else(|| Some(code.to_string())) })
        .unwrap_or_else(|| if name.is_empty() { "ND".to_string() } else { name.clone() });
    let name = if has_name(&abbreviation) { String::new() } else { name };
    (abbreviation, name)
}

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
            // The 2019 file's spellings, as 2017's and 2024's.
            ("Brexit", "brx", "Brexit Party"),
            ("The Yorkshire Party", "yrks", "The Yorkshire Party"),
            ("Animal Welfare Party", "anwp", "Animal Welfare Party"),
            ("TPP", "ppnv", "The Peace Party"),
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
    fn local_names_and_codes() {
        let local = |code: &str, name: &str, shared: bool| super::local(code, name, shared);
        assert_eq!(local("LAB", "Labour Party", false), ("Lab".into(), String::new()));
        assert_eq!(local("LAB", "Labour and Co-operative Party", false).0, "Lab");
        assert_eq!(local("GRE", "Green Party", false).0, "Green");
        assert_eq!(local("ASP", "Aspire", false), ("Aspire".into(), String::new()));
        assert_eq!(local("PATH", "People`s Alliance of Tower Hamlets", false).0, "PATH");
        assert_eq!(local("TUSC", "Trade Union and Socialist Party", false).0, "TUSC");
        assert_eq!(local("IND", "Independent", true).0, "Ind");
        assert_eq!(local("REA", "Residents' Association", true).0, "RA");
        // A code shared by several local groups: each is its own party.
        assert_eq!(local("REA", "Kingston Independent Residents Group", true), ("Kingston Independent Residents Group".into(), "Kingston Independent Residents Group".into()));
        assert_eq!(local("CPA", "Climate Party", true).0, "Climate Party");
        assert_eq!(local("CPA", "Christian Peoples Alliance", true).0, "CPA");
        // A party's own code the tables do not know.
        assert_eq!(local("TTIP", "Taking the Initiative Party", false), ("TTIP".into(), "Taking the Initiative Party".into()));
        // Names alone (LGA files), with curly apostrophes.
        assert_eq!(local("", "Conservative and Unionist Party", false).0, "Con");
        assert_eq!(local("", "Women\u{2019}s Equality Party", false), ("WEP".into(), "Women's Equality Party".into()));
        assert_eq!(local("", "", false), ("ND".into(), String::new()));
        assert_eq!(lookup("Aspire"), ("aspire".into(), "#8b0000".into(), Some("#e0605a".into())));
        assert_eq!(lookup("LAB").0, "lab");
    }

    #[test]
    fn every_local_alias_is_distinct() {
        for (alias, target) in LOCAL_ALIASES {
            assert_eq!(LOCAL_ALIASES.iter().filter(|a| a.0.eq_ignore_ascii_case(alias)).count(), 1, "{alias}");
            assert!(!LOCAL_ALIASES.iter().any(|a| a.0.eq_ignore_ascii_case(target)), "{alias} -> {target} is itself an alias");
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
