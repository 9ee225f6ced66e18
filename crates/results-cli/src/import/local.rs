//! Local election results: London borough council elections (the 2018, 2022 and 2026
//! layouts), mayors elected by the supplementary vote, councils' files in the Local
//! Government Association's standard layout (ward elections, council and
//! parliamentary by-elections), and the hand-filled CSV layout of `docs/hand-csv.md`.
//!
//! Each converter returns one election. Council wards often elect two or three
//! councillors: a ward's `seats` says how many, `ballots` holds its valid ballot
//! papers (shares are of ballots), and each candidate carries the source's elected
//! flag, which decides who won (ties settled by lot included).

use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Display;
use std::path::Path;

use results_core::model::{Candidate, Election, ElectionKind, ResultsFile};

use super::csv::{Cells, Table};
use super::names::{commonly_used, commonly_used_name, join, nation_of_code as nation, normalise, slug, surname_first, tidy, title_case};
use super::{choose_one, Builder, ImportError};
use crate::parties;

/// The 2022 workbook is a GLA analyst's working copy of the GLA's results; no
/// licence is stated, so only the source is named.
pub const GLA_2022_ATTRIBUTION: &str = "Source: Greater London Authority, London borough election results";
/// The 2026 figures are the borough returning officers' forms collected by the GLA,
/// not a published release.
pub const GLA_2026_ATTRIBUTION: &str = "Source: Greater London Authority, borough returning officers' returns (unofficial)";
/// The 2018 file is in the GLA's layout but its repository does not say where it came from.
pub const LONDON_2018_ATTRIBUTION: &str = "Source: London borough election results 2018, GLA layout (github.com/eldenvo/london-elects-shiny)";

/// The stage a supplementary-vote count adds.
pub const SECOND_PREFERENCES: &str = "After second preferences";

// ---------------------------------------------------------------------------------
// London boroughs

/// How a London file gives a candidate's name.
#[derive(Clone, Copy)]
enum Names {
    /// "Surname, Forenames", `*` marking a sitting councillor (2018).
    SurnameFirst(&'static str),
    /// The ballot paper's whole name, with commonly used names in brackets:
    /// "Thomas William [Tom] Strong [Strong]" (2022; see [`commonly_used_name`]).
    Ballot(&'static str),
    /// Forenames and surname, each perhaps with a commonly used form in brackets, and
    /// surnames sometimes in capitals ("HUSSAIN") (2026).
    Parts { forenames: &'static str, surname: &'static str },
}

/// The columns of a ward statistics file.
struct StatsLayout {
    code: &'static str,
    /// The borough and the ward's ballot-paper name, where the file has them: a ward
    /// whose code the candidate file lacks (2022's placeholders) is found by them.
    borough_and_name: Option<(&'static str, &'static str)>,
    /// The number of councillors, where this file rather than the candidate file has it.
    seats: Option<&'static str>,
    electorate: &'static str,
    valid: &'static str,
    /// Ballots cast in person and by post, and the turnout, where the file gives
    /// them: where `valid` is empty (2026: Camden, Enfield and Newham, 61 wards) the
    /// two ballots' sum stands for it if it gives the file's turnout (Fortune Green:
    /// 2,285 + 1,011 of 8,794 electors, 37.48%), and otherwise nothing does (Upper
    /// Edmonton's two sum to its electorate, against a turnout of 32%): a ward
    /// electing several has no turnout without its ballots.
    valid_parts: Option<(&'static str, &'static str, &'static str)>,
    rejected: &'static str,
    /// How a figure is read: as a count, or as text returned by hand (2026; see
    /// [`returned_count`]).
    figure: fn(&Cells<'_>, usize) -> Result<Option<u64>, ImportError>,
}

/// One year's files: their columns and what the election is called.
struct Layout {
    date: &'static str,
    previous: Option<&'static str>,
    attribution: &'static str,
    ward_code: &'static str,
    ward_name: &'static str,
    borough_code: &'static str,
    borough_name: &'static str,
    names: Names,
    party_code: &'static str,
    party_name: &'static str,
    /// The party's label as returned, where the official name is blank.
    party_label: Option<&'static str>,
    votes: &'static str,
    elected: &'static str,
    /// The number of councillors, where the candidate file has it.
    seats: Option<&'static str>,
    stats: Option<StatsLayout>,
}

/// The London files, by year. What each file is, and its quirks, are in
/// `../shared/data/local/SOURCES.md`.
///
/// - 2018 (`candidate-results.csv`, Windows-1252): no ward statistics; `elected_flag`
///   is "Yes", empty or a single space; votes may start with a non-breaking space and
///   carry thousands separators ("\u{a0}1,171").
/// - 2022 (the GLA workbook's `London-2022-Wards__Candidates.csv`, with
///   `ward_level_cleaned_2022.csv`): Kensington & Chelsea has placeholder codes
///   (`E00000001`...), so those wards are found in the statistics by borough and
///   name and take their real codes; ward names are the statistics' ballot-paper
///   names ("Bethnal Green East", where the workbook has the ONS "Bethnal Green").
/// - 2026 (`candidates_2026.csv` with `ward_stats_2026.csv`): the statistics are text
///   as the boroughs returned them ("4432.0"; Harrow on the Hill's rejected ballots
///   are 0.4141, a turnout in the wrong column, and left out); ten candidates have no
///   party code, and take the label as returned.
fn layout(year: u32) -> Option<Layout> {
    match year {
        2018 => Some(Layout {
            date: "2018-05-03",
            previous: None,
            attribution: LONDON_2018_ATTRIBUTION,
            ward_code: "ward_code",
            ward_name: "ward_name",
            borough_code: "borough_code",
            borough_name: "borough_name",
            names: Names::SurnameFirst("candidate_name"),
            party_code: "party",
            party_name: "party_long",
            party_label: None,
            votes: "number_votes",
            elected: "elected_flag",
            seats: Some("number_of_councillors_in_ward"),
            stats: None,
        }),
        2022 => Some(Layout {
            date: "2022-05-05",
            previous: Some("2018-05-03"),
            attribution: GLA_2022_ATTRIBUTION,
            ward_code: "WD22CD",
            ward_name: "Ward name",
            borough_code: "LAD22CD",
            borough_name: "Borough",
            names: Names::Ballot("Candidate name"),
            party_code: "Party code",
            party_name: "Party name",
            party_label: None,
            votes: "Votes",
            elected: "Elected",
            seats: Some("Number of councillors in ward"),
            stats: Some(StatsLayout {
                code: "WD22CD",
                borough_and_name: Some(("LAD22CD", "ward_original")),
                seats: None,
                electorate: "entitled_electors",
                valid: "valid_ballots",
                valid_parts: None,
                rejected: "rejected_ballots",
                figure: |row, column| row.optional_count(column),
            }),
        }),
        2026 => Some(Layout {
            date: "2026-05-07",
            previous: Some("2022-05-05"),
            attribution: GLA_2026_ATTRIBUTION,
            ward_code: "WD22CD",
            ward_name: "ward",
            borough_code: "LAD22CD",
            borough_name: "borough",
            names: Names::Parts { forenames: "firstname", surname: "surname" },
            party_code: "party_code",
            party_name: "official_party_name",
            party_label: Some("party_as_returned"),
            votes: "votes",
            elected: "elected",
            seats: None,
            stats: Some(StatsLayout {
                code: "WD22CD",
                borough_and_name: None,
                seats: Some("num_councillors"),
                electorate: "entitled_electors",
                valid: "valid_ballots",
                valid_parts: Some(("ballots_polling", "ballots_postal", "turnout")),
                rejected: "rejected_ballots",
                figure: returned_count,
            }),
        }),
        _ => None,
    }
}

/// A ward's figures from a ward statistics file.
#[derive(Debug, Clone, Default)]
struct WardStats {
    /// The ward's GSS code.
    code: String,
    /// The ward's name as printed on the ballot paper, where the file gives it.
    name: String,
    seats: Option<u32>,
    electorate: Option<u64>,
    ballots: Option<u64>,
    rejected: Option<u64>,
}

/// The ward statistics by code, and the codes by (borough, normalised name) where
/// the file names its wards.
type Stats = (BTreeMap<String, WardStats>, BTreeMap<(String, String), String>);

fn read_stats(path: &Path, layout: &StatsLayout) -> Result<Stats, ImportError> {
    let table = Table::read(path, 0)?;
    let code = table.column(&[layout.code])?;
    let borough_and_name = layout.borough_and_name.map(|(b, n)| Ok::<_, ImportError>((table.column(&[b])?, table.column(&[n])?))).transpose()?;
    let seats = layout.seats.map(|s| table.column(&[s])).transpose()?;
    let electorate = table.column(&[layout.electorate])?;
    let valid = table.column(&[layout.valid])?;
    let valid_parts = layout.valid_parts.and_then(|(a, b, t)| Some((table.optional_column(a)?, table.optional_column(b)?, table.optional_column(t)?)));
    let rejected = table.column(&[layout.rejected])?;
    let figure = layout.figure;
    let (mut stats, mut by_name) = (BTreeMap::new(), BTreeMap::new());
    for row in table.rows() {
        if row.is_blank(&[code]) {
            continue;
        }
        let ward = WardStats {
            code: row.required(code)?.to_string(),
            name: borough_and_name.map(|(_, n)| tidy(row.text(n))).unwrap_or_default(),
            seats: seats.map(|s| figure(&row, s)).transpose()?.flatten().map(|n| u32::try_from(n).unwrap_or(u32::MAX)),
            electorate: figure(&row, electorate)?,
            ballots: match (figure(&row, valid)?, valid_parts) {
                (None, Some((polling, postal, turnout))) => match (figure(&row, polling)?, figure(&row, postal)?, figure(&row, electorate)?) {
                    (Some(polling), Some(postal), Some(electors)) => {
                        let ballots = polling.saturating_add(postal);
                        given_turnout(row.text(turnout)).filter(|t| electors > 0 && (ballots as f64 / electors as f64 - t).abs() < 0.005).map(|_| ballots)
                    }
                    _ => None,
                },
                (ballots, _) => ballots,
            },
            rejected: figure(&row, rejected)?,
        };
        if let Some((b, _)) = borough_and_name {
            by_name.insert((row.text(b).to_string(), normalise(&ward.name)), ward.code.clone());
        }
        stats.insert(ward.code.clone(), ward);
    }
    Ok((stats, by_name))
}

/// Reads a London borough council election: the candidate file of `year` (2018,
/// 2022 or 2026; see [`layout`] for each year's files), with the ward statistics
/// that 2022 and 2026 need. `borough` keeps one borough, by GSS code (`E09000030`)
/// or name ("Tower Hamlets").
///
/// - Seats come from the number of councillors (in the candidate file, or in the
///   statistics where it has none: there a ward the statistics lack is an error),
///   winners from the elected flags.
/// - A repeated ward, name and vote count is dropped, keeping the first row (2022's
///   Havering, Emerson Park, lists two candidates twice, as
///   `candidate_level_cleaned_2022.csv` does not).
/// - In Bromley's Mottingham (2026, 3 seats) two candidates tie on 885 for the last
///   seat and neither is marked elected: the import of Bromley or of all London stops
///   and names the tie until the file marks who won the lot.
/// - Names are as the candidate is known: "Butt, Laila *" is "Laila Butt" (sitting),
///   "Thomas William [Tom] Strong [Strong]" is "Tom Strong", "HUSSAIN" is "Hussain".
///   A candidate with no party label has "No description".
pub fn london(year: u32, candidates: &Path, wards: Option<&Path>, borough: Option<&str>) -> Result<ResultsFile, ImportError> {
    let Some(layout) = layout(year) else {
        return Err(ImportError::Unsupported(format!("no London layout for {year}; the years are 2018, 2022 and 2026")));
    };
    let (stats, by_name) = match (&layout.stats, wards) {
        (Some(stats_layout), Some(wards)) => read_stats(wards, stats_layout)?,
        (None, None) => Stats::default(),
        (None, Some(_)) => return Err(ImportError::Unsupported(format!("the {year} file has no ward statistics: leave out --wards"))),
        (Some(_), None) => return Err(ImportError::Unsupported(format!("{year} needs --wards, the ward statistics file"))),
    };
    let wards_path = wards.unwrap_or(candidates);

    let table = Table::read(candidates, 0)?;
    let code = table.column(&[layout.ward_code])?;
    let ward_name = table.column(&[layout.ward_name])?;
    let lad = table.column(&[layout.borough_code])?;
    let borough_name = table.column(&[layout.borough_name])?;
    let (name, forenames) = match layout.names {
        Names::SurnameFirst(name) | Names::Ballot(name) => (table.column(&[name])?, None),
        Names::Parts { forenames, surname } => (table.column(&[surname])?, Some(table.column(&[forenames])?)),
    };
    let party_label = layout.party_label.map(|c| table.column(&[c])).transpose()?;
    let party_name = table.column(&[layout.party_name])?;
    let party_code = table.column(&[layout.party_code])?;
    let votes = table.column(&[layout.votes])?;
    let elected = table.column(&[layout.elected])?;
    let seats = layout.seats.map(|s| table.column(&[s])).transpose()?;

    let chosen = choose_borough(candidates, &table, lad, borough_name, borough)?;
    let shared = shared_codes(&table, party_code, party_name);
    let election = london_election(layout.date, chosen.as_ref(), layout.previous);
    let mut builder = Builder::new(election).attribution(Some(layout.attribution));
    let mut seen = BTreeSet::new();
    for row in table.rows() {
        if row.is_blank(&[code, name]) || !keeps(chosen.as_ref(), row.text(lad)) {
            continue;
        }
        let ward_code = row.required(code)?;
        let (full_name, sitting) = match layout.names {
            Names::SurnameFirst(_) => surname_first(row.text(name)),
            Names::Ballot(_) => (commonly_used_name(row.text(name)), false),
            Names::Parts { .. } => {
                let first = forenames.map(|c| commonly_used(row.text(c))).unwrap_or_default();
                (join(&first, &title_case(&commonly_used(row.text(name)))), false)
            }
        };
        let vote_count = row.count(votes)?;
        if !seen.insert((ward_code.to_string(), tidy(row.text(name)), forenames.map(|c| tidy(row.text(c))), vote_count)) {
            continue;
        }
        let ward_stats = stats
            .get(ward_code)
            .or_else(|| by_name.get(&(row.text(lad).to_string(), normalise(row.text(ward_name)))).and_then(|c| stats.get(c)));
        let seat_count = match seats {
            Some(column) => seat_count(&row, column)?,
            None => {
                let Some(ward_stats) = ward_stats else {
                    return Err(row.column_error(code, &format!("ward {ward_code} is not in {}", wards_path.display())));
                };
                let Some(seats) = ward_stats.seats.filter(|n| *n > 0) else {
                    return Err(row.column_error(code, &format!("ward {ward_code} has no number of councillors in {}", wards_path.display())));
                };
                seats
            }
        };
        let (seat_code, seat_name) = match ward_stats {
            Some(s) if !s.name.is_empty() => (s.code.clone(), s.name.clone()),
            Some(s) => (s.code.clone(), tidy(row.text(ward_name))),
            None => (ward_code.to_string(), tidy(row.text(ward_name))),
        };
        let party = match (row.text(party_name), party_label) {
            ("", Some(label)) => row.text(label),
            (official, _) => official,
        };
        let candidate = Candidate {
            name: full_name,
            party: local_party(&mut builder, row.text(party_code), party, &shared),
            votes: vote_count,
            sitting,
            elected: Some(row.yes_no(elected)?.unwrap_or(false)),
            ..Candidate::default()
        };
        let ward = Ward { code: &seat_code, name: &seat_name, borough: &tidy(row.text(borough_name)), seats: seat_count, stats: ward_stats };
        add_to_ward(&mut builder, &row, &ward, candidate)?;
    }
    builder.finish()
}

/// A London borough election: the borough's (`local.tower-hamlets.2022-05-05`,
/// Democracy Club's pattern) or all London's (`local.london.2022-05-05`). `previous`
/// is the date of the election before, for comparisons where both are stored.
fn london_election(date: &str, borough: Option<&(String, String)>, previous: Option<&str>) -> Election {
    let year = date.get(..4).unwrap_or(date);
    let (slug, name) = match borough {
        Some((_, name)) => (slug(name), format!("{name} council election {year}")),
        None => ("london".to_string(), format!("London borough council elections {year}")),
    };
    Election {
        id: format!("local.{slug}.{date}"),
        name,
        date: date.into(),
        kind: ElectionKind::Local,
        boundaries: None,
        previous: previous.map(|before| format!("local.{slug}.{before}")),
        attribution: None,
    }
}

/// The borough `wanted` names, by GSS code or name, as (code, name); `None` for all.
fn choose_borough(path: &Path, table: &Table, code: usize, name: usize, wanted: Option<&str>) -> Result<Option<(String, String)>, ImportError> {
    let Some(wanted) = wanted.map(str::trim).filter(|w| !w.is_empty()) else { return Ok(None) };
    // Each borough code once, with the name of its first row.
    let codes = table.distinct(|row| Some(row.text(code).to_string()).filter(|code| !code.is_empty()));
    let mut boroughs: Vec<(String, String)> = codes
        .into_iter()
        .map(|c| (table.rows().find(|row| row.text(code) == c).map(|row| tidy(row.text(name))).unwrap_or_default(), c))
        .collect();
    boroughs.sort();
    let (name, code) = choose_one(path, "borough", wanted, &boroughs, |(name, code)| code.eq_ignore_ascii_case(wanted) || normalise(name) == normalise(wanted), |(name, code)| format!("{name} ({code})"))?;
    Ok(Some((code, name)))
}

fn keeps(chosen: Option<&(String, String)>, borough_code: &str) -> bool {
    chosen.is_none_or(|(code, _)| code == borough_code)
}

/// One ward, as a candidate's row gives it.
struct Ward<'a> {
    code: &'a str,
    name: &'a str,
    borough: &'a str,
    seats: u32,
    stats: Option<&'a WardStats>,
}

/// Adds a candidate to their ward, setting the ward's figures the first time.
fn add_to_ward(builder: &mut Builder, row: &Cells<'_>, ward: &Ward<'_>, candidate: Candidate) -> Result<(), ImportError> {
    let seat = builder.seat(ward.code, ward.name);
    if seat.candidates.is_empty() {
        seat.seats = ward.seats;
        // The borough, for a view of one borough's wards among London's.
        seat.region = Some(ward.borough.to_string()).filter(|b| !b.is_empty());
        seat.nation = nation(ward.code);
        if let Some(stats) = ward.stats {
            seat.electorate = stats.electorate;
            seat.ballots = stats.ballots;
            seat.invalid_votes = stats.rejected;
        }
    } else if seat.seats != ward.seats {
        return Err(row.error(format!("ward {} elects {} here, but {} on an earlier line", ward.code, ward.seats, seat.seats)));
    }
    builder.candidate(ward.code, candidate);
    Ok(())
}

/// The party codes a file uses for more than one party name.
fn shared_codes(table: &Table, code: usize, name: usize) -> BTreeSet<String> {
    let mut names: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for row in table.rows() {
        names.entry(row.text(code).to_string()).or_default().insert(normalise(row.text(name)));
    }
    names.into_iter().filter(|(_, names)| names.len() > 1).map(|(code, _)| code).collect()
}

/// Registers a local party by code and name (see [`parties::local`]); returns its id.
fn local_party(builder: &mut Builder, code: &str, name: &str, shared: &BTreeSet<String>) -> String {
    let (abbreviation, name) = parties::local(code, name, shared.contains(code.trim()));
    builder.party(&abbreviation, &name)
}

// ---------------------------------------------------------------------------------
// Mayors, supplementary vote

/// GSS codes of authorities with directly elected mayors, for the seat's code.
const MAYORAL_AUTHORITIES: &[(&str, &str, &str)] = &[
    ("Tower Hamlets", "E09000030", "London"),
    ("Hackney", "E09000012", "London"),
    ("Lewisham", "E09000023", "London"),
    ("Newham", "E09000025", "London"),
    ("Croydon", "E09000008", "London"),
];

/// Reads the Tower Hamlets mayoral file (`tower_hamlets_mayor_2015_2018_2022_sv.csv`;
/// any file of its columns): one election, chosen by `election`, an `election_id`
/// (`mayor.tower-hamlets.2022-05-05`) or a year or date the election's date starts
/// with (`2022`).
///
/// The contest is one seat coded by the authority's GSS code (`E09000030`) and named
/// "Mayor of Tower Hamlets". Candidates' votes are first preferences; the two in the
/// second round carry their final totals as the stage "After second preferences",
/// and the file's `elected` decides the winner. Where the file gives the second
/// preferences added, first preferences plus them must make the final total.
pub fn mayor_sv(path: &Path, election: &str) -> Result<ResultsFile, ImportError> {
    let table = Table::read(path, 0)?;
    let id = table.column(&["election_id"])?;
    let date = table.column(&["election_date"])?;
    let authority = table.column(&["authority"])?;
    let name = table.column(&["candidate_name"])?;
    let party = table.column(&["party"])?;
    let first = table.column(&["first_preference_votes"])?;
    let in_second = table.column(&["in_second_round"])?;
    let added = table.column(&["second_preference_votes_added"])?;
    let last = table.column(&["final_votes"])?;
    let elected = table.column(&["elected"])?;
    let source = table.optional_column("source_url");

    let wanted = election.trim();
    let ids = table.distinct(|row| (!row.is_blank(&[id])).then(|| (row.text(id).to_string(), row.text(date).to_string(), tidy(row.text(authority)))));
    let (election_id, election_date, authority_name) =
        choose_one(path, "election", wanted, &ids, |(id, date, _)| id == wanted || (!wanted.is_empty() && date.starts_with(wanted)), |(id, ..)| id.clone())?;
    // The election before, of the same authority, for comparisons where both are stored.
    let previous = ids
        .iter()
        .filter(|(_, date, authority)| *authority == authority_name && *date < election_date)
        .max_by(|a, b| a.1.cmp(&b.1))
        .map(|(id, ..)| id.clone());
    let year = election_date.get(..4).unwrap_or(&election_date);
    let title = if election_id.contains(".by.") { "by-election" } else { "election" };
    let election = Election {
        id: election_id.clone(),
        name: format!("Mayor of {authority_name} {title} {year}"),
        date: election_date.clone(),
        kind: ElectionKind::Mayoral,
        boundaries: None,
        previous,
        attribution: None,
    };

    let known = MAYORAL_AUTHORITIES.iter().find(|(name, ..)| normalise(name) == normalise(&authority_name));
    let code = known.map_or_else(|| format!("mayor-{}", slug(&authority_name)), |(_, code, _)| (*code).to_string());
    let mut credits: Vec<String> = Vec::new();
    let mut builder = Builder::new(election);
    let seat = builder.seat(&code, &format!("Mayor of {authority_name}"));
    seat.region = known.map(|(.., region)| (*region).to_string());
    seat.nation = nation(&code);
    let mut second_round = false;
    for row in table.rows().filter(|row| row.text(id) == election_id) {
        let votes = row.count(first)?;
        let mut stages = Vec::new();
        if row.yes_no(in_second)?.unwrap_or(false) {
            second_round = true;
            let Some(total) = row.optional_count(last)? else {
                return Err(row.column_error(last, "is empty, but the candidate is in the second round"));
            };
            if let Some(extra) = row.optional_count(added)? {
                if votes.checked_add(extra) != Some(total) {
                    return Err(row.column_error(last, &format!("is {total}, but {votes} first and {extra} second preferences make {}", votes.saturating_add(extra))));
                }
            }
            stages.push(total);
        }
        if let Some(url) = source.map(|c| row.text(c)) {
            let host = url.split("://").nth(1).unwrap_or(url).split('/').next().unwrap_or_default();
            let host = host.strip_prefix("www.").unwrap_or(host);
            if !host.is_empty() && !credits.iter().any(|c| c == host) {
                credits.push(host.to_string());
            }
        }
        let candidate = Candidate {
            name: tidy(row.text(name)),
            party: local_party(&mut builder, "", row.text(party), &BTreeSet::new()),
            votes,
            elected: row.yes_no(elected)?,
            stages,
            ..Candidate::default()
        };
        builder.candidate(&code, candidate);
    }
    if second_round {
        builder.seat(&code, "").stages = vec![SECOND_PREFERENCES.to_string()];
    }
    // The figures were typed in from published reports: credit where they were read.
    let credit = (!credits.is_empty()).then(|| format!("Source: results as reported by {}", credits.join(", ")));
    builder.attribution(credit.as_deref()).finish()
}

// ---------------------------------------------------------------------------------
// LGA standard layout

/// What a row of an LGA file is, from its `TypeofElection`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum LgaKind {
    Council,
    CouncilByElection,
    ParliamentaryByElection,
    General,
}

impl LgaKind {
    fn of(type_of_election: &str) -> LgaKind {
        let text = type_of_election.to_ascii_lowercase().replace(['-', ' ', '_'], "");
        match (text.starts_with("parliament"), text.contains("byelection")) {
            (true, true) => LgaKind::ParliamentaryByElection,
            (true, false) => LgaKind::General,
            (false, true) => LgaKind::CouncilByElection,
            (false, false) => LgaKind::Council,
        }
    }

    /// The name `--type` accepts besides the file's own value.
    fn name(self) -> &'static str {
        match self {
            LgaKind::Council => "council",
            LgaKind::CouncilByElection => "council-by-election",
            LgaKind::ParliamentaryByElection => "parliamentary-by-election",
            LgaKind::General => "general",
        }
    }
}

const REJECTED_COLUMNS: &[&str] =
    &["BallotsRejectedOfficialMark", "BallotsRejectedMultipleVote", "BallotsRejectedIdentification", "BallotsRejectedUnmarked"];

/// Reads a council's results file in the Local Government Association's standard
/// layout (Trafford's `trafford_council_election_results.csv`): the election held on
/// `date` (`YYYY-MM-DD`). Where several kinds of election share the date, `kind`
/// chooses: the file's `TypeofElection` ("DistrictAndBoroughByElection") or
/// `council`, `council-by-election` or `parliamentary-by-election`.
///
/// - The file has no seats column: a ward elects as many as it has rows `ELECTED`
///   (3 in an all-out election on new wards, 2 where a second vacancy was filled at
///   an election by thirds). A ward with no `ELECTED` row elects one, the top
///   candidate, and the flags are left out.
/// - A parliamentary by-election is kind `by-election`. A council by-election is kind
///   `local` (there are no deposits to lose) and is named as a by-election.
///   General elections are refused: import those from the House of Commons Library.
/// - `VotesCast` is the ballot papers counted (`PercentageTurnout` is it over
///   `EligibleElectorate`). In a ward electing several, `ballots` is `VotesCast` less
///   the rejected ballots; in one electing one, valid votes are the candidates' total.
///   Rejected ballots are the sum of the four `BallotsRejected...` columns (not
///   `BallotsRejectedInPart`, papers counted in part), where the file gives them.
/// - Names are the commonly used forenames and surname where given, with surnames in
///   capitals title-cased ("O’SULLIVAN" is "O’Sullivan"). Parties are the registered
///   name (`PoliticalPartyLabel`).
///
/// `attribution` is the credit the council's licence asks for; by default the
/// organisation is named.
pub fn lga(path: &Path, date: &str, kind: Option<&str>, attribution: Option<&str>) -> Result<ResultsFile, ImportError> {
    let table = Table::read(path, 0)?;
    let c_date = table.column(&["ElectionDate"])?;
    let c_type = table.column(&["TypeofElection"])?;
    let c_area_uri = table.column(&["ElectoralAreaURI"])?;
    let c_area = table.column(&["ElectoralAreaLabel"])?;
    let c_surname = table.column(&["CandidateSurname"])?;
    let c_forenames = table.column(&["CandidateForenames"])?;
    let c_party = table.column(&["PoliticalPartyLabel"])?;
    let c_votes = table.column(&["VotesWon"])?;
    let c_elected = table.column(&["Elected"])?;
    let c_org = table.optional_column("OrganisationLabel");
    let c_common_surname = table.optional_column("CommonlyUsedSurname");
    let c_common_forenames = table.optional_column("CommonlyUsedForenames");
    let c_description = table.optional_column("CandidatesDescription");
    let c_cast = table.optional_column("VotesCast");
    let c_electorate = table.optional_column("EligibleElectorate");
    let c_rejected: Vec<usize> = REJECTED_COLUMNS.iter().filter_map(|name| table.optional_column(name)).collect();

    // Which election: the date, then the kind.
    let date = date.trim();
    let mut held = table.distinct(|row| Some((row.text(c_date).to_string(), row.text(c_type).to_string())).filter(|(d, _)| !d.is_empty()));
    held.sort();
    let wanted_kind = kind.map(str::trim).filter(|k| !k.is_empty());
    let wanted = wanted_kind.map_or_else(|| date.to_string(), |k| format!("{date} {k}"));
    let picks = |(d, t): &(String, String)| d == date && wanted_kind.is_none_or(|k| k.eq_ignore_ascii_case(t) || k.eq_ignore_ascii_case(LgaKind::of(t).name()));
    let (_, type_of_election) = choose_one(path, "election", &wanted, &held, picks, |(d, t)| format!("{d} {t}"))?;
    let lga_kind = LgaKind::of(&type_of_election);
    if lga_kind == LgaKind::General {
        return Err(ImportError::Unsupported(format!(
            "{}: the {date} rows are a general election ({type_of_election}); import general elections from the House of Commons Library's files",
            path.display()
        )));
    }
    let selected = |row: &Cells<'_>| row.text(c_date) == date && row.text(c_type) == type_of_election;

    let organisation = table.rows().find(|row| selected(row)).and_then(|row| c_org.map(|c| tidy(row.text(c)))).unwrap_or_default();
    let org_slug = slug(organisation.strip_suffix(" Council").unwrap_or(&organisation));
    let org_slug = if org_slug.is_empty() { "council".to_string() } else { org_slug };
    let mut areas: Vec<String> = Vec::new();
    for row in table.rows().filter(|row| selected(row)) {
        let area = tidy(row.text(c_area));
        if !areas.contains(&area) {
            areas.push(area);
        }
    }
    let year = date.get(..4).unwrap_or(date);
    let (id, name, election_kind) = match (lga_kind, areas.as_slice()) {
        (LgaKind::ParliamentaryByElection, [area]) => (format!("parl.{}.by.{date}", slug(area)), format!("{area} by-election {year}"), ElectionKind::ByElection),
        (LgaKind::ParliamentaryByElection, _) => (format!("parl.by.{date}"), format!("Parliamentary by-elections {date}"), ElectionKind::ByElection),
        (LgaKind::CouncilByElection, [area]) => (
            format!("local.{org_slug}.{}.by.{date}", slug(area)),
            format!("{area} by-election {year}{}", if organisation.is_empty() { String::new() } else { format!(", {organisation}") }),
            ElectionKind::Local,
        ),
        (LgaKind::CouncilByElection, _) => (format!("local.{org_slug}.by.{date}"), format!("{organisation} by-elections {date}").trim().to_string(), ElectionKind::Local),
        _ => (format!("local.{org_slug}.{date}"), format!("{organisation} election {year}").trim().to_string(), ElectionKind::Local),
    };
    // The council's election before, for comparisons where both are stored.
    let previous = (lga_kind == LgaKind::Council)
        .then(|| held.iter().filter(|(d, t)| d.as_str() < date && LgaKind::of(t) == LgaKind::Council).map(|(d, _)| d).max())
        .flatten()
        .map(|before| format!("local.{org_slug}.{before}"));
    let election = Election { id, name, date: date.into(), kind: election_kind, boundaries: None, previous, attribution: None };
    let credit = attribution.map(str::to_string).or_else(|| (!organisation.is_empty()).then(|| format!("Source: {organisation}")));
    let mut builder = Builder::new(election).attribution(credit.as_deref());

    // Per ward: votes cast and rejected ballots, from its first row.
    let mut cast: BTreeMap<String, (Option<u64>, Option<u64>)> = BTreeMap::new();
    for row in table.rows().filter(|row| selected(row)) {
        let area = tidy(row.text(c_area));
        let code = match row.text(c_area_uri).rsplit('/').next().map(str::trim) {
            Some(code) if !code.is_empty() => code.to_string(),
            _ => slug(&area),
        };
        let surname = c_common_surname.map(|c| row.text(c)).filter(|s| !s.is_empty()).unwrap_or_else(|| row.text(c_surname));
        let forenames = c_common_forenames.map(|c| row.text(c)).filter(|s| !s.is_empty()).unwrap_or_else(|| row.text(c_forenames));
        let party_name = match row.text(c_party) {
            "" => c_description.map(|c| row.text(c)).unwrap_or_default(),
            label => label,
        };
        let candidate = Candidate {
            name: join(forenames, &title_case(&tidy(surname))),
            party: local_party(&mut builder, "", party_name, &BTreeSet::new()),
            votes: row.count(c_votes)?,
            elected: Some(row.yes_no(c_elected)?.unwrap_or(false)),
            ..Candidate::default()
        };
        let seat = builder.seat(&code, &area);
        if seat.candidates.is_empty() {
            seat.nation = nation(&code);
            seat.region = Some(organisation.clone()).filter(|o| !o.is_empty() && lga_kind != LgaKind::ParliamentaryByElection);
            seat.electorate = c_electorate.map(|c| row.optional_count(c)).transpose()?.flatten();
            let mut rejected: Option<u64> = None;
            for column in &c_rejected {
                if let Some(n) = row.optional_count(*column)? {
                    rejected = Some(rejected.unwrap_or(0).saturating_add(n));
                }
            }
            seat.invalid_votes = rejected;
            cast.insert(code.clone(), (c_cast.map(|c| row.optional_count(c)).transpose()?.flatten(), rejected));
        }
        builder.candidate(&code, candidate);
    }
    for (code, (votes_cast, rejected)) in cast {
        let seat = builder.seat(&code, "");
        let winners = seat.candidates.iter().filter(|c| c.elected == Some(true)).count();
        if winners == 0 {
            seat.candidates.iter_mut().for_each(|c| c.elected = None);
        }
        seat.seats = u32::try_from(winners.max(1)).unwrap_or(u32::MAX);
        let top = seat.candidates.iter().map(|c| c.votes).max().unwrap_or(0);
        if seat.seats > 1 {
            seat.ballots = votes_cast.and_then(|n| n.checked_sub(rejected.unwrap_or(0))).filter(|ballots| *ballots >= top);
        }
    }
    builder.finish()
}

// ---------------------------------------------------------------------------------
// The hand-filled layout (docs/hand-csv.md)

/// A value every row that gives it must agree on, with the line it was first given.
struct Same<T> {
    value: Option<(T, u64)>,
}

impl<T> Default for Same<T> {
    fn default() -> Self {
        Same { value: None }
    }
}

impl<T: PartialEq + Display + Clone> Same<T> {
    fn set(&mut self, row: &Cells<'_>, column: usize, value: Option<T>) -> Result<(), ImportError> {
        let Some(value) = value else { return Ok(()) };
        match &self.value {
            None => self.value = Some((value, row.line)),
            Some((earlier, line)) if *earlier != value => {
                return Err(row.column_error(column, &format!("is \"{value}\" here, but \"{earlier}\" on line {line}")));
            }
            Some(_) => {}
        }
        Ok(())
    }

    fn get(&self) -> Option<T> {
        self.value.as_ref().map(|(value, _)| value.clone())
    }
}

/// A seat's figures, given on any of its rows.
#[derive(Default)]
struct HandSeat {
    name: Same<String>,
    seats: Same<u64>,
    electorate: Same<u64>,
    ballots: Same<u64>,
    rejected: Same<u64>,
    region: Same<String>,
    nation: Same<String>,
    /// Names of the stages after the first, by stage number.
    stage_names: BTreeMap<u64, Same<String>>,
}

/// A candidate's later stages: totals and the line each was given on.
#[derive(Default)]
struct HandStages {
    totals: BTreeMap<u64, (u64, u64)>,
    elected: Same<String>,
}

/// Reads the hand-filled layout of `docs/hand-csv.md`: one row per candidate per
/// seat, with the election and seat figures on each row (or on any one of the
/// seat's rows), and staged counts as further rows per candidate. Where the file
/// holds several elections, `election` chooses one by id.
pub fn hand_csv(path: &Path, election: Option<&str>) -> Result<ResultsFile, ImportError> {
    let table = Table::read(path, 0)?;
    let c_id = table.column(&["election_id"])?;
    let c_election = table.column(&["election_name"])?;
    let c_date = table.column(&["date"])?;
    let c_kind = table.column(&["kind"])?;
    let c_code = table.column(&["seat_code"])?;
    let c_seat = table.column(&["seat_name"])?;
    let c_candidate = table.column(&["candidate"])?;
    let c_party = table.column(&["party"])?;
    let c_votes = table.column(&["votes"])?;
    let c_seats = table.optional_column("seats");
    let c_electorate = table.optional_column("electorate");
    let c_ballots = table.optional_column("ballots");
    let c_rejected = table.optional_column("rejected");
    let c_party_name = table.optional_column("party_name");
    let c_colour = table.optional_column("colour");
    let c_elected = table.optional_column("elected");
    let c_sitting = table.optional_column("sitting");
    let c_stage = table.optional_column("stage");
    let c_stage_name = table.optional_column("stage_name");
    let c_region = table.optional_column("region");
    let c_nation = table.optional_column("nation");
    let c_attribution = table.optional_column("attribution");

    let ids = table.distinct(|row| Some(row.text(c_id).to_string()).filter(|id| !id.is_empty()));
    let wanted = election.map(str::trim).unwrap_or_default();
    let id = choose_one(path, "election", wanted, &ids, |id| wanted.is_empty() || id == wanted, Clone::clone)?;

    let optional = |row: &Cells<'_>, column: Option<usize>| column.map(|c| tidy(row.text(c))).filter(|t| !t.is_empty());
    let mut name: Same<String> = Same::default();
    let mut date: Same<String> = Same::default();
    let mut kind: Same<String> = Same::default();
    let mut credits: Vec<String> = Vec::new();
    for row in table.rows().filter(|row| row.text(c_id) == id) {
        name.set(&row, c_election, optional(&row, Some(c_election)))?;
        let day = optional(&row, Some(c_date));
        if let Some(day) = &day {
            if !is_date(day) {
                return Err(row.column_error(c_date, &format!("\"{day}\" is not a date written YYYY-MM-DD")));
            }
        }
        date.set(&row, c_date, day)?;
        let kind_text = optional(&row, Some(c_kind)).map(|k| k.to_ascii_lowercase());
        if let Some(k) = &kind_text {
            if election_kind(k).is_none() {
                return Err(row.column_error(c_kind, &format!("\"{k}\" is not one of general, by-election, local, mayoral, other")));
            }
        }
        kind.set(&row, c_kind, kind_text)?;
        if let Some(credit) = optional(&row, c_attribution) {
            if !credits.contains(&credit) {
                credits.push(credit);
            }
        }
    }
    let Some(kind_value) = kind.get().as_deref().and_then(election_kind) else {
        return Err(ImportError::Unsupported(format!("{}: election {id} has no kind", path.display())));
    };
    let Some(date_value) = date.get() else {
        return Err(ImportError::Unsupported(format!("{}: election {id} has no date", path.display())));
    };
    let election = Election {
        id: id.clone(),
        name: name.get().unwrap_or_else(|| id.clone()),
        date: date_value,
        kind: kind_value,
        boundaries: None,
        previous: None,
        attribution: None,
    };
    let credit = (!credits.is_empty()).then(|| credits.join("; "));
    let mut builder = Builder::new(election).attribution(credit.as_deref());

    let mut seats: BTreeMap<String, HandSeat> = BTreeMap::new();
    let mut stages: BTreeMap<(String, String), HandStages> = BTreeMap::new();
    let mut first_count: BTreeSet<(String, String)> = BTreeSet::new();
    let mut colours: BTreeMap<String, Same<String>> = BTreeMap::new();
    let mut lines: BTreeMap<(String, String), u64> = BTreeMap::new();
    for row in table.rows().filter(|row| row.text(c_id) == id) {
        let code = row.required(c_code)?.to_string();
        let candidate_name = tidy(row.required(c_candidate)?);
        let seat = seats.entry(code.clone()).or_default();
        seat.name.set(&row, c_seat, optional(&row, Some(c_seat)))?;
        if let Some(c) = c_seats {
            let n = row.optional_count(c)?;
            if n == Some(0) {
                return Err(row.column_error(c, "must be at least 1"));
            }
            seat.seats.set(&row, c, n)?;
        }
        for (column, figure) in [(c_electorate, &mut seat.electorate), (c_ballots, &mut seat.ballots), (c_rejected, &mut seat.rejected)] {
            if let Some(c) = column {
                figure.set(&row, c, row.optional_count(c)?)?;
            }
        }
        if let Some(c) = c_region {
            seat.region.set(&row, c, optional(&row, Some(c)))?;
        }
        if let Some(c) = c_nation {
            seat.nation.set(&row, c, optional(&row, Some(c)))?;
        }
        let stage = match c_stage {
            Some(c) => row.optional_count(c)?.unwrap_or(1),
            None => 1,
        };
        if stage == 0 {
            return Err(row.column_error(c_stage.unwrap_or(0), "must be 1 (the first count) or more"));
        }
        let elected = match c_elected {
            Some(c) => row.yes_no(c)?,
            None => None,
        };
        let votes = row.count(c_votes)?;
        let key = (code.clone(), candidate_name.clone());
        if stage > 1 {
            if let (Some(c), Some(stage_name)) = (c_stage_name, optional(&row, c_stage_name)) {
                seat.stage_names.entry(stage).or_default().set(&row, c, Some(stage_name))?;
            }
            let entry = stages.entry(key).or_default();
            if let Some((_, line)) = entry.totals.insert(stage, (votes, row.line)) {
                return Err(row.error(format!("{candidate_name} has a second total for stage {stage} (the first is on line {line})")));
            }
            if let (Some(c), Some(flag)) = (c_elected, elected) {
                entry.elected.set(&row, c, Some(flag.to_string()))?;
            }
            continue;
        }
        if !first_count.insert(key.clone()) {
            return Err(row.error(format!("{candidate_name} appears twice in seat {code}; later stages need a stage number")));
        }
        lines.insert(key, row.line);
        let abbreviation = row.required(c_party)?;
        let party_name = optional(&row, c_party_name).unwrap_or_default();
        let party = builder.party(abbreviation, &party_name);
        if let (Some(c), Some(colour)) = (c_colour, optional(&row, c_colour)) {
            if !results_core::validate::is_hex_colour(&colour) {
                return Err(row.column_error(c, &format!("\"{colour}\" is not a colour written #rrggbb")));
            }
            colours.entry(party.clone()).or_default().set(&row, c, Some(colour))?;
        }
        let sitting = match c_sitting {
            Some(c) => row.yes_no(c)?.unwrap_or(false),
            None => false,
        };
        builder.seat(&code, "");
        builder.candidate(&code, Candidate { name: candidate_name, party, votes, sitting, elected, ..Candidate::default() });
    }

    for (code, figures) in &seats {
        let seat = builder.seat(code, "");
        seat.name = figures.name.get().unwrap_or_else(|| code.clone());
        seat.seats = figures.seats.get().map_or(1, |n| u32::try_from(n).unwrap_or(u32::MAX));
        seat.electorate = figures.electorate.get();
        seat.invalid_votes = figures.rejected.get();
        // In a single-seat contest the valid ballots are the valid votes, which the
        // candidates' first-count votes must make; in a ward electing several, shares
        // are of ballots.
        if seat.seats == 1 {
            seat.valid_votes = figures.ballots.get();
        } else {
            seat.ballots = figures.ballots.get();
        }
        seat.region = figures.region.get();
        seat.nation = figures.nation.get();
        // Only stages that follow on without a gap (2, 3, ...) count: the loop below
        // rejects a gap, and a name per stage up to "4294967295" would take all memory.
        let last_stage = stages
            .iter()
            .filter(|((c, _), _)| c == code)
            .filter_map(|(_, s)| s.totals.keys().max().copied().filter(|last| *last == s.totals.len() as u64 + 1))
            .max();
        if let Some(last_stage) = last_stage {
            seat.stages = (2..=last_stage)
                .map(|n| figures.stage_names.get(&n).and_then(Same::get).unwrap_or_else(|| format!("Stage {n}")))
                .collect();
        }
    }
    for ((code, candidate_name), later) in &stages {
        let line = later.totals.values().map(|(_, line)| *line).min().unwrap_or(0);
        let mut totals = Vec::new();
        for (expected, (stage, (votes, line))) in (2..).zip(&later.totals) {
            if *stage != expected {
                return Err(ImportError::Csv {
                    path: path.to_path_buf(),
                    line: *line,
                    message: format!("{candidate_name} has a total for stage {stage} but none for stage {expected}"),
                });
            }
            totals.push(*votes);
        }
        let seat = builder.seat(code, "");
        let Some(candidate) = seat.candidates.iter_mut().find(|c| c.name == *candidate_name) else {
            return Err(ImportError::Csv {
                path: path.to_path_buf(),
                line,
                message: format!("{candidate_name} has a later stage but no first-count row in seat {code}"),
            });
        };
        candidate.stages = totals;
        if let Some(flag) = later.elected.get() {
            let flag = flag == "true";
            match candidate.elected {
                Some(first) if first != flag => {
                    return Err(ImportError::Csv {
                        path: path.to_path_buf(),
                        line: lines.get(&(code.clone(), candidate_name.clone())).copied().unwrap_or(line),
                        message: format!("{candidate_name} is marked elected on one row and not elected on another"),
                    })
                }
                _ => candidate.elected = Some(flag),
            }
        }
    }

    let mut file = builder.finish()?;
    for party in &mut file.parties {
        if let Some(colour) = colours.get(&party.id).and_then(Same::get) {
            party.colour = colour;
            party.dark_colour = None;
        }
    }
    Ok(file)
}

fn election_kind(text: &str) -> Option<ElectionKind> {
    match text {
        "general" => Some(ElectionKind::General),
        "by-election" | "byelection" => Some(ElectionKind::ByElection),
        "local" => Some(ElectionKind::Local),
        "mayoral" => Some(ElectionKind::Mayoral),
        "other" => Some(ElectionKind::Other),
        _ => None,
    }
}

fn is_date(text: &str) -> bool {
    let bytes = text.as_bytes();
    bytes.len() == 10
        && bytes.iter().enumerate().all(|(i, b)| if i == 4 || i == 7 { *b == b'-' } else { b.is_ascii_digit() })
}

// ---------------------------------------------------------------------------------
// Shared helpers

/// How many a ward elects: a whole number of at least 1.
fn seat_count(row: &Cells<'_>, column: usize) -> Result<u32, ImportError> {
    match u32::try_from(row.count(column)?) {
        Ok(0) => Err(row.column_error(column, "must be at least 1")),
        Ok(n) => Ok(n),
        Err(_) => Err(row.column_error(column, &format!("\"{}\" is too large", row.text(column)))),
    }
}

/// A figure of the 2026 ward statistics (text as returned): "4432.0" is 4432 and
/// white space is dropped; a fraction is not a count and is left out; anything else
/// is an error.
fn returned_count(row: &Cells<'_>, column: usize) -> Result<Option<u64>, ImportError> {
    let text: String = row.text(column).chars().filter(|c| !c.is_whitespace() && *c != ',').collect();
    if text.is_empty() {
        return Ok(None);
    }
    let (whole, fraction) = text.split_once('.').unwrap_or((&text, ""));
    let digits = |s: &str| s.bytes().all(|b| b.is_ascii_digit());
    if whole.is_empty() || !digits(whole) || !digits(fraction) {
        return Err(row.column_error(column, &format!("\"{}\" is not a whole number", row.text(column))));
    }
    if fraction.bytes().any(|b| b != b'0') {
        return Ok(None);
    }
    whole.parse().map(Some).map_err(|_| row.column_error(column, &format!("\"{}\" is too large", row.text(column))))
}

/// A turnout as the 2026 ward statistics return it, as a fraction: "0.4529",
/// "40.65" and "40.65%" are 45.29% and 40.65%.
fn given_turnout(text: &str) -> Option<f64> {
    let text = text.trim();
    let percent = text.ends_with('%');
    let value: f64 = text.trim_end_matches('%').trim().parse().ok().filter(|v: &f64| v.is_finite() && *v >= 0.0)?;
    Some(if percent || value > 1.0 { value / 100.0 } else { value })
}

#[cfg(test)]
mod tests {
    use std::collections::HashMap;
    use std::path::PathBuf;

    use results_core::locale::Numbers;
    use results_core::{Constituency, SeatResult};

    use super::super::testing::{shared, Temp};
    use super::*;

    fn local(path: &str) -> PathBuf {
        shared(&format!("local/{path}"))
    }

    const GLA_2022: &str = "gla-london-borough-elections-2022/London-2022-Wards__Candidates.csv";
    const WARDS_2022: &str = "gla-london-borough-elections-2022/ward_level_cleaned_2022.csv";
    const LONDON_2018: &str = "london-borough-elections-2018/candidate-results.csv";
    const GLA_2026: &str = "gla-london-borough-elections-2026/candidates_2026.csv";
    const WARDS_2026: &str = "gla-london-borough-elections-2026/ward_stats_2026.csv";
    const MAYOR: &str = "tower-hamlets-mayor/tower_hamlets_mayor_2015_2018_2022_sv.csv";
    const TRAFFORD: &str = "trafford-council/trafford_council_election_results.csv";

    fn london(year: u32, borough: Option<&str>) -> ResultsFile {
        match year {
            2018 => super::london(2018, &local(LONDON_2018), None, borough),
            2022 => super::london(2022, &local(GLA_2022), Some(&local(WARDS_2022)), borough),
            _ => super::london(2026, &local(GLA_2026), Some(&local(WARDS_2026)), borough),
        }
        .unwrap()
    }

    /// Every seat's derived winners against the source's own flags: the names of the
    /// candidates where they differ.
    fn mismatches(file: &ResultsFile) -> Vec<String> {
        let mut out = Vec::new();
        for seat in &file.constituencies {
            let result = SeatResult::new(file, seat);
            for row in &result.rows {
                let source = seat.candidates.iter().find(|c| c.name == row.name && c.votes == row.votes).and_then(|c| c.elected);
                if source != Some(row.elected) {
                    out.push(format!("{} {}: {} {:?} != {}", seat.code, seat.name, row.name, source, row.elected));
                }
            }
        }
        out
    }

    /// Seats won per party abbreviation, as derived.
    fn seats_won(file: &ResultsFile) -> BTreeMap<String, usize> {
        let mut won = BTreeMap::new();
        for seat in &file.constituencies {
            for row in SeatResult::new(file, seat).rows.iter().filter(|r| r.elected) {
                *won.entry(row.party_abbreviation.clone()).or_default() += 1;
            }
        }
        won
    }

    fn won(pairs: &[(&str, usize)]) -> BTreeMap<String, usize> {
        pairs.iter().map(|(party, n)| ((*party).to_string(), *n)).collect()
    }

    fn seat<'a>(file: &'a ResultsFile, name: &str) -> &'a Constituency {
        file.constituencies.iter().find(|s| s.name == name).unwrap()
    }

    fn total_seats(file: &ResultsFile) -> u32 {
        file.constituencies.iter().map(|s| s.seats).sum()
    }

    #[test]
    fn tower_hamlets_2022() {
        let file = london(2022, Some("E09000030"));
        assert_eq!(file.elections[0].id, "local.tower-hamlets.2022-05-05");
        assert_eq!(file.elections[0].name, "Tower Hamlets council election 2022");
        assert_eq!(file.elections[0].kind, ElectionKind::Local);
        assert_eq!(file.attribution.as_deref(), Some(GLA_2022_ATTRIBUTION));
        assert_eq!(file.constituencies.len(), 20);
        assert_eq!(file.constituencies.iter().map(|s| s.candidates.len()).sum::<usize>(), 219);
        assert_eq!(mismatches(&file), Vec::<String>::new());
        assert_eq!(seats_won(&file), won(&[("Aspire", 24), ("Lab", 19), ("Green", 1), ("Con", 1)]));
        assert_eq!(total_seats(&file), 45);
        assert_eq!(file.party("aspire").unwrap().colour, "#8b0000");

        // Bethnal Green East: three winners, a split ward; shares are of ballots.
        let ward = seat(&file, "Bethnal Green East");
        assert_eq!((ward.code.as_str(), ward.seats), ("E05009317", 3));
        assert_eq!((ward.electorate, ward.ballots, ward.invalid_votes), (Some(13_778), Some(5_906), Some(47)));
        assert_eq!(ward.region.as_deref(), Some("Tower Hamlets"));
        let result = SeatResult::new(&file, ward);
        let winners: Vec<_> = result.rows.iter().filter(|r| r.elected).map(|r| (r.name.as_str(), r.votes)).collect();
        assert_eq!(winners, [("Sirajul Islam", 2395), ("Rebaka Sultana", 2166), ("Ahmodul Kabir", 2153)]);
        assert_eq!(result.outcome_text(), "Lab 2, Aspire 1");
        assert_eq!(result.summary.majority, 2153 - 2112);
        assert!((result.rows[0].share - 2395.0 / 5906.0).abs() < 1e-12);
        // A name with one bracket keeps its full form.
        assert!(ward.candidates.iter().any(|c| c.name == "Mohammad Nurul (Nurul) Gaffar"));

        // Stepney Green: a name in brackets becomes the name on the ballot paper.
        let stepney = SeatResult::new(&file, seat(&file, "Stepney Green"));
        let winners: Vec<_> = stepney.rows.iter().filter(|r| r.elected).map(|r| (r.name.as_str(), r.party_abbreviation.as_str(), r.votes)).collect();
        assert_eq!(winners, [("Abdul Wahid Ali", "Aspire", 1623), ("Sabina Akhtar", "Lab", 1588)]);
        let spitalfields = SeatResult::new(&file, seat(&file, "Spitalfields & Banglatown"));
        assert_eq!(spitalfields.outcome_text(), "Aspire 2");
        assert_eq!(spitalfields.summary.majority, 1591 - 1545);
        // Single-seat wards.
        assert_eq!(seat(&file, "Limehouse").seats, 1);
        assert_eq!(london(2022, Some("tower hamlets")), file, "by name as by code");
    }

    #[test]
    fn london_2022_all_boroughs() {
        let file = london(2022, None);
        assert_eq!(file.elections[0].id, "local.london.2022-05-05");
        assert_eq!(file.constituencies.len(), 679);
        assert_eq!(total_seats(&file), 1817);
        assert_eq!(mismatches(&file), Vec::<String>::new());
        // Havering's duplicate rows are dropped: 6,193 rows, 2 repeated.
        assert_eq!(file.constituencies.iter().map(|s| s.candidates.len()).sum::<usize>(), 6191);
        let emerson = seat(&file, "Emerson Park");
        assert_eq!(emerson.candidates.iter().filter(|c| c.name == "Sharon Lynne Heron").count(), 1);
        assert_eq!(emerson.candidates.iter().find(|c| c.name == "Sharon Lynne Heron").unwrap().party, "hui");
        // Kensington & Chelsea's placeholder codes are replaced with the real ones.
        assert!(!file.constituencies.iter().any(|s| s.code.starts_with("E00")));
        let abingdon = seat(&file, "Abingdon");
        assert_eq!((abingdon.code.as_str(), abingdon.electorate), ("E05009388", Some(5309)));
        // Every ward has its electorate and ballots.
        assert!(file.constituencies.iter().all(|s| s.electorate.is_some() && s.ballots.is_some()));
        // Codes shared by several local groups do not merge them.
        assert!(file.party("ra").is_some() && file.party("ind").is_some());
    }

    #[test]
    fn tower_hamlets_and_london_2018() {
        let file = london(2018, Some("Tower Hamlets"));
        assert_eq!(file.elections[0].id, "local.tower-hamlets.2018-05-03");
        assert_eq!(file.constituencies.iter().map(|s| s.candidates.len()).sum::<usize>(), 259);
        assert_eq!(mismatches(&file), Vec::<String>::new());
        assert_eq!(seats_won(&file), won(&[("Lab", 42), ("Con", 2), ("PATH", 1)]));
        assert_eq!(file.party("path").unwrap().name, "People's Alliance of Tower Hamlets");
        let bethnal = seat(&file, "Bethnal Green");
        let islam = bethnal.candidates.iter().find(|c| c.name == "Sirajul Islam").unwrap();
        assert!(islam.sitting && islam.elected == Some(true));

        let all = london(2018, None);
        assert_eq!(all.constituencies.len(), 632);
        assert_eq!(total_seats(&all), 1833);
        assert_eq!(mismatches(&all), Vec::<String>::new());
        // Windows-1252 names, and votes with a non-breaking space and a separator.
        let names: Vec<&str> = all.constituencies.iter().flat_map(|s| &s.candidates).map(|c| c.name.as_str()).collect();
        assert!(names.iter().any(|n| n.contains("Guaña")), "cp1252");
        assert!(names.iter().any(|n| n.contains("Andrée")), "cp1252");
        assert!(all.constituencies.iter().flat_map(|s| &s.candidates).any(|c| c.votes == 1171));
        assert!(names.iter().all(|n| *n == n.trim() && !n.contains('*')));
        // "People`s Alliance" with a backtick is the same party.
        assert_eq!(all.parties.iter().filter(|p| p.name.contains("Tower Hamlets")).count(), 1);
    }

    #[test]
    fn tower_hamlets_and_london_2026() {
        let file = london(2026, Some("E09000030"));
        assert_eq!(file.elections[0].previous.as_deref(), Some("local.tower-hamlets.2022-05-05"));
        assert_eq!(file.constituencies.len(), 20);
        assert_eq!(file.constituencies.iter().map(|s| s.candidates.len()).sum::<usize>(), 313);
        assert_eq!(mismatches(&file), Vec::<String>::new());
        assert_eq!(seats_won(&file), won(&[("Aspire", 33), ("Green", 5), ("Lab", 5), ("Con", 1), ("LD", 1)]));
        assert!(file.party("thi").is_some_and(|p| p.name == "Tower Hamlets Independents"));
        assert_eq!(seat(&file, "Limehouse").seats, 1);
        let bethnal = seat(&file, "Bethnal Green East");
        assert_eq!((bethnal.seats, bethnal.electorate, bethnal.ballots), (3, Some(14_448), Some(6_543)));

        // Camden gives no valid ballots: those cast in person and by post stand for
        // them, so turnout and shares are of voters, not of votes (each voter has up
        // to three). Fortune Green: 2,285 + 1,011 of 8,794, the file's 37.48%.
        let camden = london(2026, Some("E09000007"));
        let fortune = seat(&camden, "Fortune Green");
        assert_eq!((fortune.electorate, fortune.ballots), (Some(8_794), Some(3_296)));
        let result = SeatResult::new(&camden, fortune);
        assert_eq!(Numbers::default().percent(result.summary.turnout.unwrap()), "37.5%");
        for seat in &camden.constituencies {
            let turnout = SeatResult::new(&camden, seat).summary.turnout.unwrap();
            assert!(turnout < 0.7, "{}: {turnout}", seat.name);
        }
        // Upper Edmonton's two sum to its electorate, where the file says 32%: it has
        // no ballots, and so no turnout, rather than 100% or more.
        let enfield = london(2026, Some("E09000010"));
        let upper = seat(&enfield, "Upper Edmonton");
        assert_eq!((upper.electorate, upper.ballots), (Some(9_939), None));
        assert_eq!(SeatResult::new(&enfield, upper).summary.turnout, None);
        let ridgeway = seat(&enfield, "Ridgeway");
        assert_eq!(ridgeway.ballots, Some(3_727 + 1_461));
        assert_eq!((given_turnout("0.4529"), given_turnout("40.65"), given_turnout("40.65%"), given_turnout("")), (Some(0.4529), Some(0.4065), Some(0.4065), None));

        // Mottingham (Bromley, 3 seats): two candidates tie on 885 for the last seat
        // and the source marks neither elected, so the count does not say who won
        // the lot. The import says so, naming them, rather than pick one.
        let refused = super::london(2026, &local(GLA_2026), Some(&local(WARDS_2026)), None).unwrap_err().to_string();
        assert!(refused.contains("in Mottingham, Will Rowlands and Harriet Terry tie for place 3 with 885 votes"), "{refused}");
        // With the lot marked in a copy of the file, as a returning officer's
        // declaration would (which of the two is this test's own choice), the rest
        // of London imports.
        let source = std::fs::read_to_string(local(GLA_2026)).unwrap();
        let tied = r#"Mottingham,"Terry [Terry]","Harriet Josephine Eileen [Harriet]","Reform UK","Reform UK",RUK,F,885,0"#;
        assert!(source.contains(tied));
        let settled = std::env::temp_dir().join(format!("results-london-2026-{}.csv", std::process::id()));
        std::fs::write(&settled, source.replace(tied, &tied.replace(",885,0", ",885,1"))).unwrap();
        let all = super::london(2026, &settled, Some(&local(WARDS_2026)), None);
        let _ = std::fs::remove_file(&settled);
        let all = all.unwrap();
        assert_eq!(all.constituencies.len(), 679);
        assert_eq!(total_seats(&all), 1818);
        assert_eq!(mismatches(&all), Vec::<String>::new());
        let elected: usize = all.constituencies.iter().map(|s| SeatResult::new(&all, s).rows.iter().filter(|r| r.elected).count()).sum();
        assert_eq!(elected, 1818);
        let mottingham = seat(&all, "Mottingham");
        let result = SeatResult::new(&all, mottingham);
        let winners: Vec<_> = result.rows.iter().filter(|r| r.elected).map(|r| r.name.as_str()).collect();
        assert_eq!(winners, ["Giles Cordwell", "Louise Sage", "Harriet Terry"]);
        assert_eq!((result.rows[2].votes, result.rows[3].votes), (885, 885));
        assert_eq!(result.summary.majority, 0);
        assert!(result.summary.tie.as_ref().is_some_and(|tie| tie.votes == 885 && tie.places == 1 && tie.place == 3));
        assert!(results_core::validate(&all).is_empty());
        // Names: brackets and capitals.
        let names: Vec<&str> = all.constituencies.iter().flat_map(|s| &s.candidates).map(|c| c.name.as_str()).collect();
        assert!(names.iter().all(|n| !n.contains('[') && *n == n.trim()));
        assert!(names.contains(&"Manzoor Hussain"));
        assert!(names.contains(&"Gita Kanchan Bapat"));
        // Candidates with no party code.
        assert!(all.party("none").is_some() && all.party("other").is_some());
        // The returned statistics: "4432.0", a trailing non-breaking space, a fraction.
        let harrow = seat(&all, "Harrow on the Hill");
        assert_eq!(harrow.invalid_votes, None);
        assert!(harrow.electorate.is_some());
        // 61 wards give no valid ballots; in 60 the ballots cast in person and by post
        // give the file's turnout and stand for them; Upper Edmonton's do not.
        let without: Vec<&str> = all.constituencies.iter().filter(|s| s.ballots.is_none()).map(|s| s.name.as_str()).collect();
        assert_eq!(without, ["Upper Edmonton"]);
        assert!(all.constituencies.iter().filter_map(|s| SeatResult::new(&all, s).summary.turnout).all(|t| t < 0.8));
    }

    #[test]
    fn an_unknown_borough_lists_the_boroughs() {
        let err = super::london(2018, &local(LONDON_2018), None, Some("Tower Hamlet")).unwrap_err().to_string();
        assert!(err.contains("no borough matches \"Tower Hamlet\"") && err.contains("Tower Hamlets (E09000030)"), "{err}");
    }

    #[test]
    fn tower_hamlets_mayor_2022() {
        let file = mayor_sv(&local(MAYOR), "2022").unwrap();
        let election = &file.elections[0];
        assert_eq!((election.id.as_str(), election.kind), ("mayor.tower-hamlets.2022-05-05", ElectionKind::Mayoral));
        assert_eq!(election.name, "Mayor of Tower Hamlets election 2022");
        assert_eq!(election.previous.as_deref(), Some("mayor.tower-hamlets.2018-05-03"));
        let seat = &file.constituencies[0];
        assert_eq!((seat.code.as_str(), seat.name.as_str()), ("E09000030", "Mayor of Tower Hamlets"));
        assert_eq!(seat.stages, [SECOND_PREFERENCES]);
        let result = SeatResult::new(&file, seat);
        let top: Vec<_> = result.rows.iter().take(2).map(|r| (r.name.as_str(), r.party_abbreviation.as_str(), r.votes, r.stages.clone(), r.elected)).collect();
        assert_eq!(
            top,
            [("Lutfur Rahman", "Aspire", 39_533, vec![40_804], true), ("John Biggs", "Lab", 27_894, vec![33_487], false)]
        );
        assert_eq!(result.summary.majority, 7317);
        assert_eq!(result.summary.valid_votes, 84_105);
        assert!(result.rows.iter().skip(2).all(|r| r.stages.is_empty() && !r.elected));
        assert_eq!(mismatches(&file), Vec::<String>::new());
        assert_eq!(file.attribution.as_deref(), Some("Source: results as reported by eastlondonadvertiser.co.uk, thnews.co.uk"));
        assert_eq!(mayor_sv(&local(MAYOR), "mayor.tower-hamlets.2022-05-05").unwrap(), file);
    }

    #[test]
    fn tower_hamlets_mayor_2018_and_2015() {
        let file = mayor_sv(&local(MAYOR), "2018").unwrap();
        let result = SeatResult::new(&file, &file.constituencies[0]);
        assert_eq!((result.rows[0].name.as_str(), result.rows[0].final_votes()), ("John Biggs", 44_865));
        assert_eq!((result.rows[1].party_abbreviation.as_str(), result.rows[1].final_votes()), ("PATH", 16_878));
        assert_eq!(result.summary.majority, 44_865 - 16_878);
        let rerun = mayor_sv(&local(MAYOR), "2015").unwrap();
        assert_eq!(rerun.elections[0].name, "Mayor of Tower Hamlets by-election 2015");
        assert_eq!(rerun.elections[0].previous, None);
        let result = SeatResult::new(&rerun, &rerun.constituencies[0]);
        assert_eq!(result.summary.majority, 32_754 - 26_384);
        assert_eq!(result.rows.len(), 10);
        let err = mayor_sv(&local(MAYOR), "2014").unwrap_err().to_string();
        assert!(err.contains("no election matches \"2014\"") && err.contains("mayor.tower-hamlets.by.2015-06-11"), "{err}");
    }

    #[test]
    fn trafford_2023_all_out_election() {
        let file = lga(&local(TRAFFORD), "2023-05-04", None, Some("Source: Trafford Council, Open Government Licence v3.0")).unwrap();
        let election = &file.elections[0];
        assert_eq!((election.id.as_str(), election.name.as_str(), election.kind), ("local.trafford.2023-05-04", "Trafford Council election 2023", ElectionKind::Local));
        assert_eq!(election.previous.as_deref(), Some("local.trafford.2022-05-05"));
        assert_eq!(file.attribution.as_deref(), Some("Source: Trafford Council, Open Government Licence v3.0"));
        assert_eq!(file.constituencies.len(), 21);
        assert!(file.constituencies.iter().all(|s| s.seats == 3));
        assert_eq!(file.constituencies.iter().map(|s| s.candidates.len()).sum::<usize>(), 236);
        assert_eq!(mismatches(&file), Vec::<String>::new());
        let altrincham = seat(&file, "Altrincham");
        assert_eq!(altrincham.code, "E05015239");
        assert_eq!((altrincham.electorate, altrincham.ballots, altrincham.invalid_votes), (Some(7709), Some(3222 - 30), Some(30)));
        let result = SeatResult::new(&file, altrincham);
        assert_eq!(result.outcome_text(), "Green 3");
        assert_eq!(result.rows[0].name, "Geraldine Philomena Coggins");
    }

    #[test]
    fn trafford_elections_by_thirds_and_by_elections() {
        let path = local(TRAFFORD);
        // 2018: one seat per ward, but Altrincham filled two vacancies.
        let thirds = lga(&path, "2018-05-03", Some("council"), None).unwrap();
        assert_eq!(thirds.attribution.as_deref(), Some("Source: Trafford Council"));
        assert_eq!(thirds.constituencies.len(), 21);
        assert_eq!(thirds.constituencies.iter().map(|s| s.seats).sum::<u32>(), 22);
        assert_eq!(seat(&thirds, "Altrincham").ballots, Some(4133));
        assert_eq!(mismatches(&thirds), Vec::<String>::new());
        // A council by-election.
        let by = lga(&path, "2017-05-04", None, None).unwrap();
        assert_eq!(by.elections[0].id, "local.trafford.broadheath.by.2017-05-04");
        assert_eq!(by.elections[0].name, "Broadheath by-election 2017, Trafford Council");
        assert_eq!(by.elections[0].kind, ElectionKind::Local);
        let broadheath = &by.constituencies[0];
        assert_eq!(broadheath.electorate, None, "blank in the file");
        assert_eq!(SeatResult::new(&by, broadheath).winner().unwrap().name, "Amy Marie Whyte");
        // Names: commonly used forenames, title-cased surnames.
        let names: Vec<String> = ["2016-05-05", "2019-05-02", "2021-05-06", "2022-05-05", "2024-05-02", "2026-05-07", "2023-11-02", "2025-10-16", "2025-11-20", "2017-09-14"]
            .iter()
            .flat_map(|date| lga(&path, date, None, None).unwrap().constituencies)
            .flat_map(|s| s.candidates.into_iter().map(|c| c.name))
            .collect();
        assert!(names.iter().any(|n| n.ends_with("O’Sullivan")), "{names:?}");
        // Surnames are title-cased; forenames are as given (one row has "PAULO Rodrigo").
        let capitals = |w: &str| w.len() > 3 && w.chars().all(char::is_uppercase);
        assert!(!names.iter().any(|n| n.rsplit(' ').next().is_some_and(capitals)), "{names:?}");
    }

    #[test]
    fn stretford_and_urmston_by_election() {
        let file = lga(&local(TRAFFORD), "2022-12-15", Some("parliamentary-by-election"), None).unwrap();
        let election = &file.elections[0];
        assert_eq!((election.id.as_str(), election.kind), ("parl.stretford-and-urmston.by.2022-12-15", ElectionKind::ByElection));
        assert_eq!(election.name, "Stretford and Urmston by-election 2022");
        let seat = &file.constituencies[0];
        assert_eq!((seat.code.as_str(), seat.seats, seat.electorate), ("E14000979", 1, Some(71_641)));
        let result = SeatResult::new(&file, seat);
        let winner = result.winner().unwrap();
        assert_eq!((winner.name.as_str(), winner.party_abbreviation.as_str(), winner.votes), ("Andrew Howard Western", "Lab", 12_828));
        assert_eq!((result.rows[1].party_abbreviation.as_str(), result.rows[1].votes), ("Con", 2_922));
        assert_eq!(result.summary.majority, 12_828 - 2_922);
        assert_eq!(result.outcome_text(), "Lab win");
        assert!(result.rows.iter().any(|r| r.lost_deposit), "a parliamentary by-election has deposits");
        assert_eq!(mismatches(&file), Vec::<String>::new());
    }

    #[test]
    fn lga_choices_and_refusals() {
        let path = local(TRAFFORD);
        let err = lga(&path, "2019-12-12", None, None).unwrap_err().to_string();
        assert!(err.contains("general election"), "{err}");
        let err = lga(&path, "2020-05-07", None, None).unwrap_err().to_string();
        assert!(err.contains("no election matches \"2020-05-07\"") && err.contains("2023-05-04 DistrictAndBorough"), "{err}");
        let err = lga(&path, "2023-05-04", Some("council-by-election"), None).unwrap_err().to_string();
        assert!(err.contains("no election matches"), "{err}");
        assert!(lga(&path, "2023-11-02", Some("DistrictAndBoroughByElection"), None).is_ok());
    }

    fn example(name: &str) -> PathBuf {
        Path::new(env!("CARGO_MANIFEST_DIR")).join("../../examples").join(name)
    }

    #[test]
    fn the_hand_filled_examples_import() {
        // A by-election: the same result as the LGA file's.
        let by = hand_csv(&example("by-election.csv"), None).unwrap();
        assert!(results_core::validate(&by).is_empty());
        let lga_file = lga(&local(TRAFFORD), "2022-12-15", None, None).unwrap();
        let votes = |f: &ResultsFile| -> HashMap<String, u64> { f.constituencies[0].candidates.iter().map(|c| (c.name.clone(), c.votes)).collect() };
        assert_eq!(votes(&by), votes(&lga_file));
        let seat = &by.constituencies[0];
        assert_eq!((seat.electorate, seat.valid_votes, seat.seats), (Some(71_641), Some(18_418), 1));
        assert_eq!(by.elections[0].kind, ElectionKind::ByElection);
        assert_eq!(SeatResult::new(&by, seat).outcome_text(), "Lab win");
        assert!(by.attribution.as_deref().is_some_and(|a| a.contains("Trafford Council")));

        // A ward electing three.
        let ward = hand_csv(&example("ward.csv"), None).unwrap();
        let seat = &ward.constituencies[0];
        assert_eq!((seat.seats, seat.ballots, seat.valid_votes), (3, Some(5906), None));
        let result = SeatResult::new(&ward, seat);
        assert_eq!(result.outcome_text(), "Lab 2, Aspire 1");
        assert_eq!(result.rows.iter().filter(|r| r.elected).count(), 3);
        assert_eq!(ward.party("aspire").unwrap().colour, "#8b0000");

        // A mayor by the supplementary vote: the same as the importer's.
        let mayor = hand_csv(&example("mayor.csv"), None).unwrap();
        let seat = &mayor.constituencies[0];
        assert_eq!(seat.stages, [SECOND_PREFERENCES]);
        let result = SeatResult::new(&mayor, seat);
        assert_eq!(result.summary.majority, 7317);
        let imported = mayor_sv(&local(MAYOR), "2022").unwrap();
        assert_eq!(seat.candidates, imported.constituencies[0].candidates);
        assert_eq!(mayor.elections[0].id, imported.elections[0].id);
    }

    const HAND: &str = "election_id,election_name,date,kind,seat_code,seat_name,seats,ballots,candidate,party,votes,elected,stage,stage_name\n\
        x,X,2024-05-02,mayoral,M1,Mayor,1,100,Ann,Lab,50,,,\n\
        x,X,2024-05-02,mayoral,M1,,,,Bob,Con,40,,,\n\
        x,X,2024-05-02,mayoral,M1,,,,Cat,Green,10,,,\n\
        x,X,2024-05-02,mayoral,M1,,,,Ann,Lab,55,yes,2,After second preferences\n\
        x,X,2024-05-02,mayoral,M1,,,,Bob,Con,45,no,2,\n";

    /// A party named on one of its rows only, as docs/hand-csv.md allows: that name,
    /// however many rows leave it out.
    #[test]
    fn a_party_named_once_keeps_its_name() {
        let csv = Temp::new(
            "named-once.csv",
            "election_id,election_name,date,kind,seat_code,seat_name,seats,candidate,party,party_name,votes\n\
             x,X,2024-05-02,local,W1,Ward,3,Ann,IWA,Isle Workers Alliance,50\n\
             x,,,,W1,,,Bob,IWA,,40\n\
             x,,,,W1,,,Cat,IWA,,30\n\
             x,,,,W1,,,Dan,Lab,,20\n",
        );
        let file = hand_csv(&csv.0, None).unwrap();
        assert_eq!(file.party("iwa").unwrap().name, "Isle Workers Alliance");
        assert_eq!(file.party("lab").unwrap().name, "Labour", "named by the tables where no row names it");
    }

    #[test]
    fn hand_csv_stages_and_problems() {
        let good = Temp::new("hand.csv", HAND);
        let file = hand_csv(&good.0, None).unwrap();
        let seat = &file.constituencies[0];
        assert_eq!(seat.stages, [SECOND_PREFERENCES]);
        assert_eq!(seat.candidates.iter().map(|c| c.stages.clone()).collect::<Vec<_>>(), [vec![55], vec![45], vec![]]);
        assert_eq!(file.attribution, None);
        let err = |text: &str| hand_csv(&Temp::new("hand-bad.csv", text).0, None).unwrap_err().to_string();
        let bad = err(&HAND.replace("Bob,Con,40", "Bob,Con,4O"));
        assert!(bad.contains("line 3:") && bad.contains("column 11 (\"votes\"): \"4O\" is not a whole number"), "{bad}");
        let bad = err(&HAND.replace(",Bob,Con,45,no,2,", ",Bob,Con,45,no,3,"));
        assert!(bad.contains("line 6:") && bad.contains("stage 3 but none for stage 2"), "{bad}");
        let bad = err(&HAND.replace(",Bob,Con,45,no,2,", ",Dan,Con,45,no,2,"));
        assert!(bad.contains("Dan has a later stage but no first-count row"), "{bad}");
        let bad = err(&HAND.replace("M1,,,,Bob,Con,40", "M1,Mayor of X,,,Bob,Con,40"));
        assert!(bad.contains("line 3:") && bad.contains("is \"Mayor of X\" here, but \"Mayor\" on line 2"), "{bad}");
        let bad = err(&HAND.replace("mayoral,M1,Mayor", "mayor,M1,Mayor"));
        assert!(bad.contains("\"mayor\" is not one of general"), "{bad}");
        let bad = err(&HAND.replace("Ann,Lab,50,,", "Ann,Lab,50,maybe,"));
        assert!(bad.contains("\"maybe\" is not yes or no"), "{bad}");
        let bad = err(&HAND.replace("Cat,Green,10", "Ann,Green,10"));
        assert!(bad.contains("line 4:") && bad.contains("Ann appears twice"), "{bad}");
        let bad = err(&HAND.replace("Mayor,1,100", "Mayor,1,101"));
        assert!(bad.contains("valid_votes: is 101, but the candidates' votes add up to 100"), "{bad}");
        let coloured = "election_id,election_name,date,kind,seat_code,seat_name,candidate,party,votes,colour\nx,X,2024-05-02,local,W,W,Ann,Lab,5,#123456\n";
        assert_eq!(hand_csv(&Temp::new("hand-colour.csv", coloured).0, None).unwrap().party("lab").unwrap().colour, "#123456");
        let bad = err(&coloured.replace("#123456", "red"));
        assert!(bad.contains("line 2:") && bad.contains("column 10 (\"colour\"): \"red\" is not a colour"), "{bad}");
        let bad = err(&HAND.replace("party,", "parti,"));
        assert!(bad.contains("the column \"party\" is missing"), "{bad}");
        let two = Temp::new("hand-two.csv", format!("{HAND}y,Y,2024-05-02,local,W1,Ward,1,,Dee,Lab,5,,,\n"));
        let bad = hand_csv(&two.0, None).unwrap_err().to_string();
        assert!(bad.contains("several elections: x, y"), "{bad}");
        assert_eq!(hand_csv(&two.0, Some("y")).unwrap().constituencies[0].name, "Ward");
    }

    #[test]
    fn malformed_local_files() {
        let header = "WD22CD,Ward name,LAD22CD,Borough,Candidate name,Party code,Party name,Votes,Elected,Number of councillors in ward\n";
        let wards = Temp::new("wards.csv", "WD22CD,LAD22CD,ward_original,num_councillors,entitled_electors,valid_ballots,rejected_ballots\nW1,B1,Ward,2,1000,300,3\n");
        let good = format!("{header}W1,Ward,B1,Borough,Ann [Annie] Smith [Smith],LAB,Labour Party,200,True,2\nW1,Ward,B1,Borough,Bob Jones,CON,Conservative Party,150,True,2\nW1,Ward,B1,Borough,Cat Brown,GRE,Green Party,100,False,2\n");
        let file = super::london(2022, &Temp::new("good.csv", &good).0, Some(&wards.0), None).unwrap();
        assert_eq!(file.constituencies[0].candidates[0].name, "Annie Smith");
        let bad = super::london(2022, &Temp::new("bad.csv", good.replace(",150,", ",1 5 0x,")).0, Some(&wards.0), None).unwrap_err().to_string();
        assert!(bad.contains("line 3:") && bad.contains("column 8 (\"Votes\"): \"1 5 0x\" is not a whole number"), "{bad}");
        let bad = super::london(2022, &Temp::new("flag.csv", good.replace(",True,2\nW1,Ward,B1,Borough,Bob", ",Maybe,2\nW1,Ward,B1,Borough,Bob")).0, Some(&wards.0), None).unwrap_err().to_string();
        assert!(bad.contains("line 2:") && bad.contains("\"Maybe\" is not yes or no"), "{bad}");
        let bad = super::london(2022, &Temp::new("seats.csv", good.replace("False,2", "False,3")).0, Some(&wards.0), None).unwrap_err().to_string();
        assert!(bad.contains("line 4:") && bad.contains("elects 3 here, but 2"), "{bad}");
        let missing = super::london(2022, &Temp::new("missing.csv", good.replace("Party code", "Party")).0, Some(&wards.0), None).unwrap_err();
        assert!(matches!(&missing, ImportError::MissingColumn { column, .. } if column == "Party code"), "{missing}");
        let stats = Temp::new("stats-bad.csv", "LAD22CD,WD22CD,num_councillors,entitled_electors,valid_ballots,rejected_ballots\nB1,W1,2,1000.0,300\u{a0},0.41\nB1,W2,2,lots,300,3\n");
        let c26 = Temp::new("c26.csv", "LAD22CD,borough,WD22CD,ward,surname,firstname,party_as_returned,official_party_name,party_code,votes,elected\nB1,B,W1,Ward,SMITH [Smith],Ann,Labour,Labour Party,LAB,200,1\n");
        let bad = super::london(2026, &c26.0, Some(&stats.0), None).unwrap_err().to_string();
        assert!(bad.contains("line 3:") && bad.contains("column 4 (\"entitled_electors\"): \"lots\" is not a whole number"), "{bad}");
        let stats = Temp::new("stats-good.csv", "LAD22CD,WD22CD,num_councillors,entitled_electors,valid_ballots,rejected_ballots\nB1,W1,2,1000.0,300\u{a0},0.41\n");
        let file = super::london(2026, &c26.0, Some(&stats.0), None).unwrap();
        let ward = &file.constituencies[0];
        assert_eq!((ward.electorate, ward.ballots, ward.invalid_votes, ward.seats), (Some(1000), Some(300), None, 2));
        assert_eq!(ward.candidates[0].name, "Ann Smith");
        let mayor = Temp::new("mayor.csv", "election_id,election_date,authority,voting_system,candidate_name,party,first_preference_votes,in_second_round,second_preference_votes_added,final_votes,elected\nm,2022-05-05,Tower Hamlets,SV,A,Aspire,10,true,5,16,true\n");
        let bad = mayor_sv(&mayor.0, "2022").unwrap_err().to_string();
        assert!(bad.contains("line 2:") && bad.contains("is 16, but 10 first and 5 second preferences make 15"), "{bad}");
    }
}
