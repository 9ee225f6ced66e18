//! The auxiliary and summary files of `../shared/data`, each read in its own encoding
//! and checked against what the importers make of the main files. Where a file and
//! an import disagree, the disagreement is asserted with the source quirk behind it
//! (see `SOURCES.md` and `local/SOURCES.md` there).
#![allow(clippy::unwrap_used, clippy::indexing_slicing)]

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};
use std::process::Command;

use results_cli::import::{ec, local, longrun, ImportError};
use results_cli::import::names::normalise;
use results_cli::parties;
use results_core::{Constituency, ElectionKind, ResultsFile, SeatResult};

fn shared(path: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/data").join(path)
}

#[derive(Debug, Clone, Copy)]
enum Encoding {
    Utf8,
    /// Windows code page 1252, as SOURCES.md says of the EC's 2015 notes and 2017 files.
    Cp1252,
}

/// The file's text, decoded as its encoding says (a UTF-8 byte-order mark dropped).
fn text(path: &str, encoding: Encoding) -> String {
    let bytes = std::fs::read(shared(path)).unwrap();
    let bytes = bytes.strip_prefix(b"\xef\xbb\xbf").unwrap_or(&bytes);
    match encoding {
        Encoding::Utf8 => String::from_utf8(bytes.to_vec()).unwrap_or_else(|e| panic!("{path} is not UTF-8: {e}")),
        Encoding::Cp1252 => encoding_rs::WINDOWS_1252.decode_without_bom_handling(bytes).0.into_owned(),
    }
}

/// Every record of a CSV file, cells trimmed, records of any length.
fn records(path: &str, encoding: Encoding) -> Vec<Vec<String>> {
    let text = text(path, encoding);
    let mut reader = csv::ReaderBuilder::new().has_headers(false).flexible(true).from_reader(text.as_bytes());
    reader.records().map(|r| r.unwrap().iter().map(|c| c.trim().to_string()).collect()).collect()
}

/// The index of a header cell, with runs of white space (line breaks too) as one space.
fn column(header: &[String], name: &str) -> usize {
    header
        .iter()
        .position(|h| h.split_whitespace().collect::<Vec<_>>().join(" ").eq_ignore_ascii_case(name))
        .unwrap_or_else(|| panic!("no column {name:?} in {header:?}"))
}

/// A whole number with thousands separators; `None` for an empty cell.
fn number(cell: &str) -> Option<u64> {
    let digits: String = cell.chars().filter(|&c| c != ',').collect();
    (!digits.is_empty()).then(|| digits.parse().unwrap_or_else(|_| panic!("{cell:?} is not a whole number")))
}

/// A percentage as printed ("45.4%").
fn percentage(cell: &str) -> f64 {
    cell.trim_end_matches('%').parse().unwrap_or_else(|_| panic!("{cell:?} is not a percentage"))
}

fn empty(record: &[String]) -> bool {
    record.iter().all(String::is_empty)
}

/// Votes per party id in a seat.
fn party_votes(seat: &Constituency) -> BTreeMap<String, u64> {
    let mut votes = BTreeMap::new();
    for candidate in &seat.candidates {
        *votes.entry(candidate.party.clone()).or_default() += candidate.votes;
    }
    votes
}

fn candidate_votes(seat: &Constituency) -> u64 {
    seat.candidates.iter().map(|c| c.votes).sum()
}

/// Votes per party id across the file.
fn party_totals(file: &ResultsFile) -> BTreeMap<String, u64> {
    let mut totals = BTreeMap::new();
    for seat in &file.constituencies {
        for (party, votes) in party_votes(seat) {
            *totals.entry(party).or_default() += votes;
        }
    }
    totals
}

/// The party id the tables give an abbreviation or name.
fn party_id(label: &str) -> String {
    parties::lookup(parties::canonical(label)).0
}

/// A name's words, normalised and sorted.
fn sorted_words(name: &str) -> Vec<String> {
    let mut words: Vec<String> = normalise(name).split(' ').map(String::from).collect();
    words.sort();
    words
}

// ---------------------------------------------------------------------------------
// Electoral Commission, 2010

const GE2010_WIDE: &str = "electoral-commission-ge2010/GE2010-results-flatfile-website__Party-vote-share.csv";
const GE2010_ABBREVIATIONS: &str = "electoral-commission-ge2010/GE2010-results-flatfile-website__Party-abbreviations.csv";
const GE2010_TIDY: &str = "electoral-commission-ge2010/GE2010-constituency-results-website__candidates_tidy.csv";

fn ec2010() -> ResultsFile {
    ec::convert_2010(&shared(GE2010_TIDY)).unwrap()
}

/// The wide 2010 file's party column as a party id: "Ind1" ... "Ind5" are the seat's
/// independents in order, all `ind`.
fn ge2010_column_party(label: &str) -> String {
    match label.strip_prefix("Ind") {
        Some(n) if !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()) => party_id("Ind"),
        _ => party_id(label),
    }
}

#[test]
fn ge2010_wide_vote_share_matches_the_tidy_import_seat_by_seat() {
    let file = ec2010();
    // The wide file has no ONS codes: its Press Association numbers are the tidy
    // file's, which also gives each seat's ONS code.
    let tidy = records(GE2010_TIDY, Encoding::Utf8);
    let (pa, ons) = (column(&tidy[0], "pa_number"), column(&tidy[0], "ons_id"));
    let codes: BTreeMap<String, String> = tidy[1..].iter().map(|r| (r[pa].clone(), r[ons].clone())).collect();
    assert_eq!(codes.len(), 650);

    let wide = records(GE2010_WIDE, Encoding::Utf8);
    let header = &wide[0];
    let (pa, name, electorate, votes) = (
        column(header, "Press Association Reference"),
        column(header, "Constituency Name"),
        column(header, "Electorate"),
        column(header, "Votes"),
    );
    let first_party = votes + 1;
    assert_eq!(header[first_party], "AC");
    let mut mismatches = Vec::new();
    let mut seats = 0;
    let mut total = 0;
    for row in &wide[1..] {
        if row[pa].is_empty() {
            // The totals row: only the national vote count.
            assert_eq!(number(&row[votes]), Some(file.constituencies.iter().map(candidate_votes).sum::<u64>()));
            total += 1;
            continue;
        }
        seats += 1;
        let seat = file.contest(&codes[&row[pa]], None).unwrap();
        if seat.name != row[name] {
            mismatches.push(format!("PA {}: name {:?} != {:?}", row[pa], row[name], seat.name));
        }
        if seat.electorate != number(&row[electorate]) {
            mismatches.push(format!("{}: electorate {} != {:?}", row[name], row[electorate], seat.electorate));
        }
        if number(&row[votes]) != Some(candidate_votes(seat)) {
            mismatches.push(format!("{}: votes {} != {}", row[name], row[votes], candidate_votes(seat)));
        }
        let mut wide_parties: BTreeMap<String, u64> = BTreeMap::new();
        for (label, cell) in header.iter().zip(row).skip(first_party) {
            if let Some(n) = number(cell) {
                *wide_parties.entry(ge2010_column_party(label)).or_default() += n;
            }
        }
        if wide_parties != party_votes(seat) {
            mismatches.push(format!("{}: parties {wide_parties:?} != {:?}", row[name], party_votes(seat)));
        }
    }
    assert_eq!((seats, total), (650, 1));
    assert_eq!(mismatches, Vec::<String>::new());
}

#[test]
fn ge2010_party_abbreviations_cover_the_import() {
    let file = ec2010();
    let sheet = records(GE2010_ABBREVIATIONS, Encoding::Utf8);
    assert_eq!(sheet[0][0], "Party abbreviations");
    assert_eq!(sheet[1], ["Abbreviation", "Party Name/Descripton", "Number of candidates"]);
    let entries: Vec<&Vec<String>> = sheet[2..].iter().filter(|r| !empty(r)).collect();
    assert_eq!(entries.len(), 135);
    assert!(entries.iter().all(|r| !r[0].is_empty() && number(&r[2]).is_some()));
    // Every abbreviation is named but "ND", the candidates with no description.
    let unnamed: Vec<&str> = entries.iter().filter(|r| r[1].is_empty()).map(|r| r[0].as_str()).collect();
    assert_eq!(unnamed, ["ND"]);
    // The sheet counts 4,150 candidates, as the import has.
    let candidates: u64 = entries.iter().map(|r| number(&r[2]).unwrap()).sum();
    assert_eq!(candidates as usize, file.constituencies.iter().map(|s| s.candidates.len()).sum::<usize>());

    // Every party of the import is in the sheet (its abbreviation, as the tables
    // spell it: the sheet's "Grn" is the import's "Green").
    let listed: BTreeSet<String> = entries.iter().map(|r| party_id(&r[0])).collect();
    let standing: BTreeSet<&str> = file.constituencies.iter().flat_map(|s| &s.candidates).map(|c| c.party.as_str()).collect();
    // The one party of the import with no candidate is the UUP, a 2005 winner ("UU")
    // that stood in 2010 jointly with the Conservatives (UCUNF, which the sheet has).
    let winners_only: Vec<&str> = file.parties.iter().filter(|p| !standing.contains(p.id.as_str())).map(|p| p.id.as_str()).collect();
    assert_eq!(winners_only, ["uup"]);
    let missing: Vec<&str> =
        file.parties.iter().filter(|p| standing.contains(p.id.as_str()) && !listed.contains(&p.id)).map(|p| p.abbreviation.as_str()).collect();
    // The results spell two abbreviations differently from the sheet: Buckinghamshire
    // Campaign for Democracy is "BCP" there and "BCD" here; the Wessex Regionalists
    // "Wessex Reg" there and "WR" here.
    assert_eq!(missing, ["BCP", "Wessex Reg"]);

    // Candidates per party agree with the sheet's counts.
    let mut counts: BTreeMap<String, usize> = BTreeMap::new();
    for candidate in file.constituencies.iter().flat_map(|s| &s.candidates) {
        *counts.entry(candidate.party.clone()).or_default() += 1;
    }
    let mut differing = Vec::new();
    for entry in &entries {
        let id = party_id(&entry[0]);
        let listed = number(&entry[2]).unwrap() as usize;
        let imported = counts.get(&id).copied().unwrap_or(0);
        if listed != imported {
            differing.push(format!("{} {listed} != {imported}", entry[0]));
        }
    }
    // BCD and WR as above; and the one candidate of "Jannen Will Put Brent North
    // First" (JBNF) is an independent in the results, which have 308 independents
    // to the sheet's 307.
    assert_eq!(differing, ["BCD 1 != 0", "Ind 307 != 308", "JBNF 1 != 0", "WR 1 != 0"]);
}

// ---------------------------------------------------------------------------------
// Electoral Commission, 2015

const GE2015_WIDE: &str = "electoral-commission-ge2015/RESULTS FOR ANALYSIS.csv";
const GE2015_PARTY_NAMES: &str = "electoral-commission-ge2015/PARTY NAMES.csv";
const GE2015_NOTES: &str = "electoral-commission-ge2015/NOTES.csv";
const CROYDON_SOUTH: &str = "E14000656";

fn ec2015() -> ResultsFile {
    ec::convert_2015(&shared("electoral-commission-ge2015/RESULTS.csv"), &shared("electoral-commission-ge2015/CONSTITUENCY.csv")).unwrap()
}

/// Union-find over wide-file columns and party ids, to group them where the two
/// files draw party lines differently.
struct Groups {
    parent: BTreeMap<String, String>,
}

impl Groups {
    fn root(&mut self, node: &str) -> String {
        let mut node = node.to_string();
        loop {
            let parent = self.parent.entry(node.clone()).or_insert_with(|| node.clone()).clone();
            if parent == node {
                return node;
            }
            node = parent;
        }
    }

    fn join(&mut self, a: &str, b: &str) {
        let (a, b) = (self.root(a), self.root(b));
        if a != b {
            self.parent.insert(a, b);
        }
    }
}

#[test]
fn ge2015_wide_results_match_the_import_seat_by_seat_and_party_by_party() {
    let file = ec2015();
    let wide = records(GE2015_WIDE, Encoding::Utf8);
    let header = &wide[0];
    let (code, name, electorate, valid) = (
        column(header, "Constituency ID"),
        column(header, "Constituency Name"),
        column(header, "Electorate"),
        column(header, "Total number of valid votes counted"),
    );
    // One column per ballot-paper label after a blank one.
    assert!(header[valid + 1].is_empty());
    let parties: Vec<(usize, &String)> = header.iter().enumerate().skip(valid + 2).collect();
    assert_eq!(parties.len(), 137);

    let mut mismatches = Vec::new();
    let mut groups = Groups { parent: BTreeMap::new() };
    let mut column_totals: BTreeMap<String, u64> = BTreeMap::new();
    let mut seats = 0;
    let mut names = Vec::new();
    let mut ties: Vec<(String, Vec<String>)> = Vec::new();
    for row in &wide[1..] {
        if row[code].is_empty() {
            if !empty(row) {
                // The totals row: electorate and valid votes.
                let electorate_total: u64 = file.constituencies.iter().filter_map(|s| s.electorate).sum();
                let votes_total: u64 = file.constituencies.iter().map(candidate_votes).sum();
                assert_eq!((number(&row[electorate]), number(&row[valid])), (Some(electorate_total), Some(votes_total)));
            }
            continue;
        }
        seats += 1;
        let seat = file.contest(&row[code], None).unwrap();
        if sorted_words(&seat.name) != sorted_words(&row[name]) {
            names.push(format!("{} / {}", row[name], seat.name));
        }
        assert_eq!(seat.electorate, number(&row[electorate]), "{}", row[name]);
        if seat.valid_votes.or(Some(candidate_votes(seat))) != number(&row[valid]) {
            mismatches.push(format!("{} valid votes {} != {}", row[code], row[valid], candidate_votes(seat)));
        }
        // Each cell is one candidate's votes: match them to the import's candidates.
        let mut unmatched: Vec<&results_core::Candidate> = seat.candidates.iter().collect();
        for (at, label) in &parties {
            let Some(votes) = number(&row[*at]) else { continue };
            *column_totals.entry((*label).clone()).or_default() += votes;
            let equal: Vec<String> = seat.candidates.iter().filter(|c| c.votes == votes).map(|c| c.party.clone()).collect();
            let Some(found) = unmatched.iter().position(|c| c.votes == votes) else {
                mismatches.push(format!("{} {label} {votes}: no such candidate", row[code]));
                continue;
            };
            unmatched.remove(found);
            match equal.as_slice() {
                [party] => groups.join(&format!("column {label}"), &format!("party {party}")),
                // Two candidates on the same votes (Hammersmith: UKIP and Green on
                // 2,105): settled once the other seats have grouped the columns.
                _ => ties.push((format!("column {label}"), equal.clone())),
            }
        }
        for candidate in unmatched {
            mismatches.push(format!("{} {} {}: no such cell", row[code], candidate.party, candidate.votes));
        }
    }
    assert_eq!(seats, 650);
    // The names agree, words in any order ("West Aberdeenshire and Kincardine" in
    // RESULTS.csv, "Aberdeenshire West & Kincardine" here), but the wide file shortens
    // Kingston upon Hull to Hull; the codes are the same.
    assert_eq!(
        names,
        [
            "Hull East / Kingston upon Hull East",
            "Hull North / Kingston upon Hull North",
            "Hull West & Hessle / Kingston upon Hull West and Hessle"
        ]
    );
    // Croydon South: the wide file has Labour's Emily Benn on 14,308, as corrected by
    // Croydon Council's revised declaration (NOTES.csv), and so has the import, which
    // corrects RESULTS.csv's original 14,038.
    assert_eq!(mismatches, Vec::<String>::new(), "{CROYDON_SOUTH} among others");
    groups.join("column Lab", "party lab");
    for (label, tied) in &ties {
        let root = groups.root(label);
        assert!(tied.iter().any(|party| groups.root(&format!("party {party}")) == root), "{label}: {tied:?}");
    }
    assert_eq!(ties.len(), 2);

    // The wide file's columns are ballot labels ("Lab Co-op", "C"); the import's
    // parties are the results' abbreviations. Grouped by the candidates they share,
    // each group's columns add up to its parties' votes.
    let imported = party_totals(&file);
    let mut sums: BTreeMap<String, (u64, u64, Vec<String>)> = BTreeMap::new();
    for (label, votes) in &column_totals {
        let root = groups.root(&format!("column {label}"));
        let entry = sums.entry(root).or_default();
        entry.0 += votes;
        entry.2.push(format!("column {label}"));
    }
    for (party, votes) in &imported {
        let root = groups.root(&format!("party {party}"));
        let entry = sums.entry(root).or_default();
        entry.1 += votes;
        entry.2.push(format!("party {party}"));
    }
    let mut differing: Vec<String> = Vec::new();
    for (wide_votes, import_votes, members) in sums.values() {
        if wide_votes != import_votes {
            differing.push(format!("{members:?}: {wide_votes} != {import_votes}"));
        }
    }
    // Every party agrees (Labour too, with Croydon South corrected).
    assert_eq!(differing, Vec::<String>::new());
    // The main parties are one group each, column for party.
    let group_of = |groups: &mut Groups, party: &str| -> Vec<String> {
        let root = groups.root(&format!("party {party}"));
        sums[&root].2.clone()
    };
    for (party, columns) in [
        ("con", vec!["column C"]),
        ("ld", vec!["column LD"]),
        ("ukip", vec!["column UKIP"]),
        ("green", vec!["column Green"]),
        ("snp", vec!["column SNP"]),
        ("pc", vec!["column PC"]),
        ("dup", vec!["column DUP"]),
        ("sf", vec!["column SF"]),
        ("spk", vec!["column Speaker"]),
    ] {
        let mut expected: Vec<String> = columns.into_iter().map(String::from).collect();
        expected.push(format!("party {party}"));
        assert_eq!(group_of(&mut groups, party), expected, "{party}");
    }
}

#[test]
fn ge2015_party_names_cover_the_import() {
    let file = ec2015();
    let names = records(GE2015_PARTY_NAMES, Encoding::Utf8);
    // No header: code, short name, full name.
    assert_eq!(names.len(), 125);
    assert!(names.iter().all(|r| r.len() == 3 && r.iter().all(|c| !c.is_empty())), "{names:?}");
    assert_eq!(names.iter().map(|r| &r[0]).collect::<BTreeSet<_>>().len(), 125);
    assert!(names.contains(&vec!["LAB".to_string(), "Lab".into(), "Labour Party".into()]));

    // A party is covered where its name or abbreviation is one of the sheet's, without
    // regard to case, punctuation, "The", "Party" or "Ltd".
    let key = |text: &str| -> String {
        normalise(text).split(' ').filter(|w| !matches!(*w, "the" | "party" | "ltd")).collect::<Vec<_>>().join(" ")
    };
    let listed: BTreeSet<String> = names.iter().flatten().map(|c| key(c)).collect();
    let mut missing: Vec<&str> = file
        .parties
        .iter()
        .filter(|p| !listed.contains(&key(&p.name)) && !listed.contains(&key(&p.abbreviation)))
        .map(|p| p.name.as_str())
        .collect();
    missing.sort_unstable();
    // (The Christian Party and the Lincolnshire Independents, whose descriptions differ
    // from the sheet's names, are covered by the abbreviations the import gives them,
    // the sheet's own CHP and LNIN.)
    // The sheet lists registered parties by their register names; the results give
    // each candidate's description. Not covered:
    let mut expected = vec![
            // Not parties: independents and the Speaker.
            "Independent",
            "Speaker",
            // Descriptions longer than the registered name ("Christian Party",
            // "Communist League", "Left Unity", "People First", "People Before
            // Profit", "Magna Carter Conservation Party", "Roman Party", "U Party",
            // "Poole People", "Let's Keep it Real").
            "Alter Change - Politics. Only Different.",
            "Apolitical Democrat",
            "British Democratic Party",
            "Communist League Election Campaign",
            "Communist Party of Britain",
            "Consensus",
            "Give Me Back Elmo",
            "Independent Save Withybush Save Lives",
            "Keep It Real Party",
            "Left Unity - Trade Unionists and Socialists",
            "Lewisham People Before Profit",
            "Magna Carta Conservation Party Great Britain",
            "People Before Profit Alliance",
            "People First - Gwerin Gyntaf",
            "Residents for Uttlesford",
            "Restore the Family For Children's Sake",
            "Save Hartlepool Hospital",
            "Scottish Socialist Party",
            "The Party for Poole People Ltd.",
            "The Roman Party. Ave",
            "The Socialist Party of Great Britain",
            "U(niversal) Party",
    ];
    expected.sort_unstable();
    assert_eq!(missing, expected);
}

#[test]
fn ge2015_notes_are_the_documented_notes() {
    let notes: Vec<Vec<String>> = records(GE2015_NOTES, Encoding::Cp1252).into_iter().filter(|r| !empty(r)).collect();
    // One cell per note, no other columns used.
    assert!(notes.iter().all(|r| r.iter().skip(1).all(String::is_empty)), "{notes:?}");
    let lines: Vec<&str> = notes.iter().map(|r| r[0].as_str()).collect();
    assert_eq!(lines.len(), 24, "{lines:#?}");
    assert_eq!(lines[0], "Notes");
    assert!(lines[1].contains("Professors Colin Rallings and Michael Thrasher at the Elections Centre, Plymouth University"));
    assert_eq!((lines[2], lines[15]), ("tblResults", "tblConstituency"));
    // The field definitions, as the import reads the fields (cp1252 quotes decoded).
    assert!(lines.contains(&"Incumbent: \u{2018}MP\u{2019} indicates a member of the previous 2010-15 Parliament."));
    assert!(lines.contains(&"Valid Votes: The number of valid votes cast for all candidates standing in that constituency."));
    // The correction note, and the figures it gives: RESULTS.csv has the original
    // declaration; RESULTS FOR ANALYSIS.csv, and the import, the corrected one.
    let correction = lines.last().unwrap();
    assert!(correction.starts_with("31/07/2015: Croydon South figures have been updated"), "{correction}");
    assert!(correction.contains("Emily Benn received 14,308 votes; the original declaration of results stated 14,038 votes"));
    let file = ec2015();
    let benn = file.contest(CROYDON_SOUTH, None).unwrap().candidates.iter().find(|c| c.name == "Emily Benn").unwrap();
    assert_eq!(benn.votes, 14_308);
    let wide = records(GE2015_WIDE, Encoding::Utf8);
    let row = wide.iter().find(|r| r.get(4).map(String::as_str) == Some(CROYDON_SOUTH)).unwrap();
    assert_eq!(number(&row[column(&wide[0], "Lab")]), Some(14_308));
}

// ---------------------------------------------------------------------------------
// Electoral Commission, 2017

const GE2017_DATA1: &str = "electoral-commission-ge2017/2017 UKPGE electoral data 1.csv";
const GE2017_DATA2: &str = "electoral-commission-ge2017/2017 UKPGE electoral data 2.csv";
const GE2017_DATA3: &str = "electoral-commission-ge2017/2017 UKPGE electoral data 3.csv";
const GE2017_DATA4: &str = "electoral-commission-ge2017/2017 UKPGE electoral data 4.csv";

#[test]
fn ge2017_data_1_is_the_documented_notes() {
    let rows = records(GE2017_DATA1, Encoding::Cp1252);
    let notes: Vec<&str> = rows.iter().filter(|r| !empty(r)).map(|r| r[0].as_str()).collect();
    assert!(rows.iter().all(|r| r.iter().skip(1).all(String::is_empty)));
    assert_eq!(notes.len(), 9, "{notes:#?}");
    assert_eq!(notes[0], "2017 UK Parliamentary general election");
    assert!(notes[1].starts_with("Data were collected from (Acting) Returning Officers"));
    assert!(notes.contains(&"Where a cell is blank this is because the relevant data was not available and/or was not returned."));
    // A note with a line break inside its quotes is one cell.
    assert!(notes.iter().any(|n| n.starts_with("Due to issues with electoral management software") && n.ends_with("A detailed breakdown is available on request.")));
    assert!(notes.iter().any(|n| n.starts_with("Sub-categories of rejected ballot papers may not add up")));
}

/// Sums of the import's seats by nation (the first letter of the ONS code).
fn by_nation(file: &ResultsFile, value: impl Fn(&Constituency) -> u64) -> BTreeMap<char, u64> {
    let mut sums = BTreeMap::new();
    for seat in &file.constituencies {
        *sums.entry(seat.code.chars().next().unwrap()).or_default() += value(seat);
    }
    sums.insert('U', sums.values().sum());
    sums
}

#[test]
fn ge2017_data_2_national_summary_matches_the_import() {
    let file = ec::convert_2017(&shared(GE2017_DATA3), &shared(GE2017_DATA4)).unwrap();
    let rows = records(GE2017_DATA2, Encoding::Cp1252);
    // Two rows of group headings, then the header.
    assert_eq!(rows[0][1], "TURNOUT");
    let header = &rows[2];
    let (country, electorate, valid, rejected) = (
        column(header, "Country"),
        column(header, "Electorate"),
        column(header, "Valid votes counted"),
        column(header, "Total ballot papers rejected at the count"),
    );
    let parties = header.len() - 6;
    assert_eq!(header[parties..], ["First", "Second", "Third", "Fourth", "Fifth", "Sixth"]);

    // data 3's valid votes, which data 2 sums (the import keeps them only where they
    // agree with data 4's candidates, see ec.rs).
    let data3 = records(GE2017_DATA3, Encoding::Cp1252);
    let (code3, valid3) = (column(&data3[2], "ONS Code"), column(&data3[2], "Total number of valid votes counted"));
    let mut data3_valid: BTreeMap<char, u64> = BTreeMap::new();
    for row in data3[3..].iter().filter(|r| !r[code3].is_empty()) {
        *data3_valid.entry(row[code3].chars().next().unwrap()).or_default() += number(&row[valid3]).unwrap();
    }
    data3_valid.insert('U', data3_valid.values().sum());

    let electorates = by_nation(&file, |s| s.electorate.unwrap());
    let rejections = by_nation(&file, |s| s.invalid_votes.unwrap_or(0));
    let votes = by_nation(&file, candidate_votes);
    let mut mismatches = Vec::new();
    let mut countries = Vec::new();
    for (i, row) in rows.iter().enumerate() {
        let nation = match row[country].as_str() {
            "England" => 'E',
            "Scotland" => 'S',
            "Wales" => 'W',
            "Northern Ireland" => 'N',
            "United Kingdom" => 'U',
            _ => continue,
        };
        countries.push(nation);
        let label = &row[country];
        if number(&row[electorate]) != Some(electorates[&nation]) {
            mismatches.push(format!("{label} electorate {} != {}", row[electorate], electorates[&nation]));
        }
        assert_eq!(number(&row[rejected]), Some(rejections[&nation]), "{label}");
        assert_eq!(number(&row[valid]), Some(data3_valid[&nation]), "{label}");
        let missing = data3_valid[&nation] - votes[&nation];
        if missing != 0 {
            mismatches.push(format!("{label} valid votes exceed the candidates' by {missing}"));
        }

        // The six largest parties, their shares on the next row.
        let shares = &rows[i + 1];
        let mut totals: BTreeMap<String, u64> = BTreeMap::new();
        for seat in file.constituencies.iter().filter(|s| nation == 'U' || s.code.starts_with(nation)) {
            for (party, n) in party_votes(seat) {
                *totals.entry(party).or_default() += n;
            }
        }
        for (name, printed) in row[parties..].iter().zip(&shares[parties..]) {
            let share = 100.0 * totals[&party_id(name)] as f64 / votes[&nation] as f64;
            // Printed to one decimal place, rounded half up.
            if (share - percentage(printed)).abs() > 0.051 {
                mismatches.push(format!("{label} {name} {printed} != {share:.2}%"));
            }
        }
    }
    assert_eq!(countries, ['E', 'S', 'W', 'N', 'U']);
    assert_eq!(
        mismatches,
        [
            // data 2 counts one elector more in England than data 3's seats add up to.
            "England electorate 39,302,175 != 39302174",
            // data 2's valid votes are data 3's; the import's candidate votes are data
            // 4's, which are less in the 189 seats where the two disagree (ec.rs).
            "England valid votes exceed the candidates' by 4729",
            "Scotland valid votes exceed the candidates' by 11750",
            // data 2's shares for Scotland and the United Kingdom are not those of the
            // candidates' votes (nor of data 3's valid votes, which move them by less
            // than 0.2 points): Scotland's SNP 36.9%, Con 28.6%, Lab 27.1%, LD 6.8% are
            // also the HoC's figures. England's and Northern Ireland's all agree.
            "Scotland SNP 37.5% != 36.89%",
            "Scotland Conservative 27.6% != 28.61%",
            "Scotland Labour 26.7% != 27.06%",
            "Scotland Liberal Democrats 7.5% != 6.76%",
            "Scotland UKIP 0.3% != 0.20%",
            "Scotland Green Party 0.3% != 0.22%",
            "Wales valid votes exceed the candidates' by 86",
            // Wales: the Liberal Democrats' 4.6% is 4.51% of the candidates' votes.
            "Wales Liberal Democrats 4.6% != 4.51%",
            "Northern Ireland valid votes exceed the candidates' by 79",
            // The United Kingdom's electorate is its seats' (one less than the sum of
            // data 2's own country rows, as England's is one more than its seats').
            "United Kingdom valid votes exceed the candidates' by 16644",
            "United Kingdom Conservative 42.2% != 42.34%",
            "United Kingdom SNP 3.1% != 3.04%",
            "United Kingdom UKIP 1.9% != 1.84%",
        ]
    );
}

// ---------------------------------------------------------------------------------
// London borough elections, 2022

const GLA_CANDIDATES: &str = "local/gla-london-borough-elections-2022/London-2022-Wards__Candidates.csv";
const GLA_WARDS: &str = "local/gla-london-borough-elections-2022/ward_level_cleaned_2022.csv";
const GLA_SUMMARY: &str = "local/gla-london-borough-elections-2022/London-2022-Wards__Ward-votes-summary.csv";
const GLA_STATS: &str = "local/gla-london-borough-elections-2022/London-2022-Wards__Ward-stats.csv";

fn london_2022() -> ResultsFile {
    local::london(2022, &shared(GLA_CANDIDATES), Some(&shared(GLA_WARDS)), None).unwrap()
}

/// The import's ward for a workbook row: by code, or (Kensington & Chelsea's
/// placeholder codes) by borough and name in the ward statistics.
fn ward_code(file: &ResultsFile, code: &str, borough: &str, name: &str) -> String {
    if file.contest(code, None).is_some() {
        return code.to_string();
    }
    let wards = records(GLA_WARDS, Encoding::Utf8);
    let header = &wards[0];
    let (w_code, w_borough, w_name, w_original) =
        (column(header, "WD22CD"), column(header, "LAD22CD"), column(header, "ward"), column(header, "ward_original"));
    wards[1..]
        .iter()
        .find(|r| r[w_borough] == borough && (normalise(&r[w_name]) == normalise(name) || normalise(&r[w_original]) == normalise(name)))
        .map(|r| r[w_code].clone())
        .unwrap_or_else(|| panic!("no ward {code} {name}"))
}

#[test]
fn london_2022_ward_votes_summary_matches_the_import() {
    let file = london_2022();
    let summary = records(GLA_SUMMARY, Encoding::Utf8);
    let header = &summary[0];
    let (code, name, borough) = (column(header, "WD22CD"), column(header, "Ward name"), column(header, "LAD11CD"));
    let first_party = column(header, "Borough") + 1;
    assert_eq!(header.len() - first_party, 32);

    // Each cell is a party's votes in a ward; which of the import's parties it is
    // follows from the wards: the parties whose votes equal the cell, in every ward.
    let mut possible: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    let mut column_totals: BTreeMap<String, u64> = BTreeMap::new();
    let mut mismatches = Vec::new();
    let mut wards = BTreeSet::new();
    for row in summary[1..].iter().filter(|r| !empty(r)) {
        let ward = ward_code(&file, &row[code], &row[borough], &row[name]);
        let seat = file.contest(&ward, None).unwrap();
        wards.insert(ward.clone());
        let imported = party_votes(seat);
        let mut cells: Vec<u64> = Vec::new();
        for (label, cell) in header.iter().zip(row).skip(first_party) {
            let Some(votes) = number(cell) else { continue };
            cells.push(votes);
            *column_totals.entry(label.clone()).or_default() += votes;
            let matching: BTreeSet<String> = imported.iter().filter(|(_, v)| **v == votes).map(|(p, _)| p.clone()).collect();
            if matching.is_empty() {
                mismatches.push(format!("{} {label} {votes}: {imported:?}", row[name]));
                continue;
            }
            let entry = possible.entry(label.clone()).or_insert_with(|| matching.clone());
            *entry = entry.intersection(&matching).cloned().collect();
        }
        let mut theirs: Vec<u64> = imported.values().copied().collect();
        cells.sort_unstable();
        theirs.sort_unstable();
        if cells != theirs && !mismatches.iter().any(|m| m.starts_with(&row[name])) {
            mismatches.push(format!("{}: {cells:?} != {theirs:?}", row[name]));
        }
    }
    assert_eq!(wards.len(), 679);
    assert_eq!(file.constituencies.len(), 679);
    // Havering, Emerson Park: two candidates are listed twice, under their own group
    // and again as Residents' Association (local/SOURCES.md). The summary counts them
    // twice; the import drops the repeated rows, so its Residents have 199 fewer.
    assert_eq!(mismatches.len(), 1, "{mismatches:?}");
    assert!(mismatches[0].starts_with("Emerson Park Residents' Association 3209: "), "{mismatches:?}");

    // Every column is one party of the import, each party one column.
    let mapping: BTreeMap<String, String> = possible
        .iter()
        .map(|(label, ids)| {
            assert_eq!(ids.len(), 1, "{label}: {ids:?}");
            (label.clone(), ids.iter().next().unwrap().clone())
        })
        .collect();
    assert_eq!(mapping.len(), 32);
    assert_eq!(mapping.values().collect::<BTreeSet<_>>().len(), 32);
    for (label, id) in [
        ("Conservative Party", "con"),
        ("Labour Party", "lab"),
        ("Liberal Democrats", "ld"),
        ("Green Party", "green"),
        ("Independent", "ind"),
        ("Aspire", "aspire"),
        ("Trade Union and Socialist Party", "tusc"),
        ("Residents' Association", "ra"),
    ] {
        assert_eq!(mapping[label], id, "{label}");
    }
    // Party totals across London agree, but for Emerson Park's repeated Residents.
    let imported = party_totals(&file);
    let differing: Vec<String> = mapping
        .iter()
        .filter(|(label, id)| column_totals[*label] != imported[*id])
        .map(|(label, id)| format!("{label} {} != {id} {}", column_totals[label], imported[id]))
        .collect();
    assert_eq!(differing.len(), 1);
    assert_eq!(column_totals["Residents' Association"], imported["ra"] + 104 + 95);
    assert_eq!(imported.len(), 32);
}

#[test]
fn london_2022_ward_stats_match_the_import() {
    let file = london_2022();
    let stats = records(GLA_STATS, Encoding::Utf8);
    let header = &stats[0];
    let (code, name, borough, valid, rejected) = (
        column(header, "WD22CD"),
        column(header, "Ward name"),
        column(header, "LAD22CD"),
        column(header, "Number of valid ballot papers"),
        column(header, "Total number of rejected ballot papers"),
    );
    let mut wards = BTreeSet::new();
    for row in stats[1..].iter().filter(|r| !empty(r)) {
        let ward = ward_code(&file, &row[code], &row[borough], &row[name]);
        let seat = file.contest(&ward, None).unwrap();
        assert_eq!(seat.ballots, number(&row[valid]), "{} {}", row[code], row[name]);
        assert_eq!(seat.invalid_votes, number(&row[rejected]), "{} {}", row[code], row[name]);
        // No candidate has more votes than there were ballot papers.
        assert!(seat.candidates.iter().all(|c| Some(c.votes) <= seat.ballots));
        wards.insert(ward);
    }
    assert_eq!(wards.len(), 679);
    // Kensington & Chelsea's 18 wards have placeholder codes in the workbook.
    let placeholders = stats[1..].iter().filter(|r| r[code].starts_with("E00000")).count();
    assert_eq!(placeholders, 18);
}

// ---------------------------------------------------------------------------------
// Democracy Club election metadata

const MAYOR_SV: &str = "local/tower-hamlets-mayor/tower_hamlets_mayor_2015_2018_2022_sv.csv";

fn democracy_club(date: &str) -> serde_json::Value {
    serde_json::from_str(&text(&format!("local/democracyclub-elections/mayor.tower-hamlets.{date}.json"), Encoding::Utf8)).unwrap()
}

/// The later counts a contest has under each Democracy Club voting system.
fn stages_for(slug: &str) -> Vec<String> {
    match slug {
        "sv" => vec![local::SECOND_PREFERENCES.to_string()],
        "FPTP" => Vec::new(),
        other => panic!("no model for the voting system {other}"),
    }
}

#[test]
fn democracy_club_voting_systems_match_how_the_mayor_is_modelled() {
    let sv = democracy_club("2022-05-05");
    assert_eq!(sv["voting_system"]["slug"], "sv");
    assert_eq!(sv["voting_system"]["name"], "Supplementary Vote");
    assert_eq!(sv["organisation"]["official_identifier"], "TWH");
    assert!(sv["requires_voter_id"].is_null());

    // 2022: the import is Democracy Club's election, with the supplementary vote's
    // second count as a stage.
    let file = local::mayor_sv(&shared(MAYOR_SV), sv["election_id"].as_str().unwrap()).unwrap();
    let election = file.elections.first().unwrap();
    assert_eq!(election.id, sv["election_id"].as_str().unwrap());
    assert_eq!(election.date, sv["poll_open_date"].as_str().unwrap());
    assert_eq!(election.kind, ElectionKind::Mayoral);
    assert_eq!(file.constituencies.len(), 1);
    let contest = file.constituencies.first().unwrap();
    assert_eq!(u64::from(contest.seats), sv["seats_contested"].as_u64().unwrap());
    assert_eq!(contest.name, format!("{} of {}", sv["elected_role"].as_str().unwrap(), "Tower Hamlets"));
    assert_eq!(contest.stages, stages_for("sv"));
    // Only the top two go to the second count, which decides the winner.
    let finalists: Vec<&str> = contest.candidates.iter().filter(|c| !c.stages.is_empty()).map(|c| c.name.as_str()).collect();
    assert_eq!(finalists, ["Lutfur Rahman", "John Biggs"]);
    let result = SeatResult::new(&file, contest);
    assert_eq!(result.winner().unwrap().name, "Lutfur Rahman");
    // The shipped data and the hand-filled example model it the same way.
    let shipped: ResultsFile =
        serde_json::from_str(&std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("../../data/tower-hamlets-mayor-2022.json")).unwrap()).unwrap();
    let example = local::hand_csv(&Path::new(env!("CARGO_MANIFEST_DIR")).join("../../examples/mayor.csv"), None).unwrap();
    for other in [&shipped, &example] {
        let contest = other.constituencies.first().unwrap();
        assert_eq!(other.elections.first().unwrap().id, election.id);
        assert_eq!(contest.stages, stages_for("sv"));
    }

    // 2026: first past the post, with voter identification. No result is stored (the
    // supplementary-vote file ends in 2022), and a contest under it has no stages.
    let fptp = democracy_club("2026-05-07");
    assert_eq!(fptp["voting_system"]["slug"], "FPTP");
    assert_eq!(fptp["requires_voter_id"], "EA-2022");
    assert_eq!(fptp["organisation"], sv["organisation"]);
    assert!(stages_for("FPTP").is_empty());
    let missing = local::mayor_sv(&shared(MAYOR_SV), fptp["election_id"].as_str().unwrap()).unwrap_err();
    assert!(matches!(&missing, ImportError::NotFound { known, .. } if known.contains("mayor.tower-hamlets.2022-05-05")), "{missing}");
}

// ---------------------------------------------------------------------------------
// The long-run file, from the command line

#[test]
fn results_import_longrun_writes_one_election() {
    let results = env!("CARGO_BIN_EXE_results");
    let help = Command::new(results).args(["import", "longrun", "--help"]).output().unwrap();
    assert!(String::from_utf8_lossy(&help.stdout).contains("Example:"));

    let out = std::env::temp_dir().join(format!("results-sources-{}-longrun", std::process::id()));
    let _ = std::fs::remove_dir_all(&out);
    let file = shared("1918-2017election_results.csv");
    let run = Command::new(results)
        .args(["import", "longrun", "--file", file.to_str().unwrap(), "--year", "1974O", "--out", out.to_str().unwrap()])
        .output()
        .unwrap();
    assert!(run.status.success(), "{}", String::from_utf8_lossy(&run.stderr));
    let stored: ResultsFile = serde_json::from_str(&std::fs::read_to_string(out.join("elections/ge1974oct.json")).unwrap()).unwrap();
    assert_eq!(stored, longrun::convert(&file, "1974O").unwrap());
    let valid = Command::new(results).args(["validate", out.to_str().unwrap()]).output().unwrap();
    assert!(valid.status.success(), "{}", String::from_utf8_lossy(&valid.stderr));

    let unknown = Command::new(results)
        .args(["import", "longrun", "--file", file.to_str().unwrap(), "--year", "1940", "--out", out.to_str().unwrap()])
        .output()
        .unwrap();
    assert!(!unknown.status.success());
    assert!(String::from_utf8_lossy(&unknown.stderr).contains("1974F, 1974O"));
    let _ = std::fs::remove_dir_all(&out);
}
