//! The House of Commons Library's long-run file of general election results by
//! constituency, 1918-2017 (`1918-2017election_results.csv`, briefing CBP-8647):
//! one row per seat per election, with votes for five party groups rather than for
//! candidates.
//!
//! Each group with votes becomes one candidate named for the group ("Conservative
//! candidates"): Conservative (`con`), Liberal, Alliance or Liberal Democrat (`ld`),
//! Labour (`lab`), the nationalists (`snp` in Scotland, `pc` in Wales) and everyone
//! else ("Others", `oth`). Groups with no votes (blank or 0) are left out.
//!
//! The file's quirks, and what the importer does with them:
//!
//! - Seats returned unopposed have a negative figure for the group whose members
//!   were returned: -1 for one member, -2 for two. That group becomes a candidate
//!   with no votes, marked elected, named "... (unopposed)". Twice (1931, St Ives and
//!   Eye) the total is -1 but no group is negative: the member is credited to Others.
//! - Multi-member seats (two or three members, until 1945) set `seats`. Each group's
//!   figure is all its candidates' votes, so the file cannot say how many of a
//!   group's candidates won; without an unopposed return no one is marked elected.
//! - The `total_votes` column becomes the seat's valid votes. In a single-member seat
//!   whose groups do not add up to it (Northern Ireland in 1997, where "other" holds
//!   only one party's votes; three seats in 1974) it is left out, as the results
//!   format requires votes to add up. Where the votes exceed the electorate (Glasgow
//!   Govan, 1951) the electorate is left out.
//! - Seats have ONS codes from 2010 and numeric ids before; a numeric id is unique
//!   only within its boundary set, so the seat's code is `hoc-<boundary set>-<id>`
//!   (`hoc-1918-1935-86`). Irish, Northern Irish and university seats before 1950
//!   have no id at all: their code is made from the name (`hoc-1918-1935-cork-city`).
//! - Some 2015 rows carry the ONS code of another seat (North Swindon has North
//!   Somerset's E14000850; Suffolk West, Thurrock, Watford, Waveney, Welwyn Hatfield,
//!   the Wolverhampton seats, Worcester and the Worcestershire seats are shifted by
//!   one). A row whose name differs from the name its code has in the other elections
//!   of its boundary set, and matches the name of exactly one other code there, takes
//!   that code.
//! - In 1974 (October), Ipswich and Kingston upon Thames have nationalist votes, in
//!   English seats: they are kept as "Nationalist candidates" of the Others.
//! - Names are upper case in the file and are shown in title case ("Birmingham,
//!   Edgbaston", "Newcastle-under-Lyme").

use std::collections::BTreeMap;
use std::path::Path;

use results_core::model::{Candidate, Election, ElectionKind, ResultsFile};

use super::csv::{Cells, Table};
use super::names::{normalise, place_name};
use super::{choose_one, Builder, ImportError};

/// The elections of the file, by its `election` value: id, name and polling day (the
/// first day of polling; in 1918 and 1945 some seats polled later, and university
/// seats polled over several days).
const ELECTIONS: &[(&str, &str, &str, &str)] = &[
    ("1918", "ge1918", "1918 general election", "1918-12-14"),
    ("1922", "ge1922", "1922 general election", "1922-11-15"),
    ("1923", "ge1923", "1923 general election", "1923-12-06"),
    ("1924", "ge1924", "1924 general election", "1924-10-29"),
    ("1929", "ge1929", "1929 general election", "1929-05-30"),
    ("1931", "ge1931", "1931 general election", "1931-10-27"),
    ("1935", "ge1935", "1935 general election", "1935-11-14"),
    ("1945", "ge1945", "1945 general election", "1945-07-05"),
    ("1950", "ge1950", "1950 general election", "1950-02-23"),
    ("1951", "ge1951", "1951 general election", "1951-10-25"),
    ("1955", "ge1955", "1955 general election", "1955-05-26"),
    ("1959", "ge1959", "1959 general election", "1959-10-08"),
    ("1964", "ge1964", "1964 general election", "1964-10-15"),
    ("1966", "ge1966", "1966 general election", "1966-03-31"),
    ("1970", "ge1970", "1970 general election", "1970-06-18"),
    ("1974F", "ge1974feb", "February 1974 general election", "1974-02-28"),
    ("1974O", "ge1974oct", "October 1974 general election", "1974-10-10"),
    ("1979", "ge1979", "1979 general election", "1979-05-03"),
    ("1983", "ge1983", "1983 general election", "1983-06-09"),
    ("1987", "ge1987", "1987 general election", "1987-06-11"),
    ("1992", "ge1992", "1992 general election", "1992-04-09"),
    ("1997", "ge1997", "1997 general election", "1997-05-01"),
    ("2001", "ge2001", "2001 general election", "2001-06-07"),
    ("2005", "ge2005", "2005 general election", "2005-05-05"),
    ("2010", "ge2010", "2010 general election", "2010-05-06"),
    ("2015", "ge2015", "2015 general election", "2015-05-07"),
    ("2017", "ge2017", "2017 general election", "2017-06-08"),
];

/// The file's `election` values this importer knows, oldest first.
pub fn known_elections() -> impl Iterator<Item = &'static str> {
    ELECTIONS.iter().map(|e| e.0)
}

/// The distinct `election` values of the file, in the order they first appear.
pub fn elections_in(path: &Path) -> Result<Vec<String>, ImportError> {
    let table = Table::read(path, 0)?;
    let column = table.column(&["election"])?;
    Ok(table.distinct(|row| Some(row.text(column).to_string()).filter(|v| !v.is_empty())))
}

/// The party groups, by their vote column.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Group {
    Con,
    Lib,
    Lab,
    Nationalist,
    Other,
}

const GROUPS: &[(Group, &str)] =
    &[(Group::Con, "con_votes"), (Group::Lib, "lib_votes"), (Group::Lab, "lab_votes"), (Group::Nationalist, "natSW_votes"), (Group::Other, "oth_votes")];

/// The abbreviation and party name a group registers, and its candidate's name.
fn group_party(group: Group, election: &str, nation: Option<&str>) -> (&'static str, &'static str, &'static str) {
    match group {
        Group::Con => ("Con", "Conservative", "Conservative candidates"),
        Group::Lab => ("Lab", "Labour", "Labour candidates"),
        Group::Lib => match liberal_era(election) {
            Liberals::Liberal => ("LD", "Liberal", "Liberal candidates"),
            Liberals::Alliance => ("LD", "SDP-Liberal Alliance", "Alliance candidates"),
            Liberals::LibDem => ("LD", "Liberal Democrat", "Liberal Democrat candidates"),
        },
        Group::Nationalist => match nation {
            Some("Scotland") => ("SNP", "Scottish National Party", "SNP candidates"),
            Some("Wales") => ("PC", "Plaid Cymru", "Plaid Cymru candidates"),
            // Two English seats in October 1974 (see the module notes).
            _ => ("Oth", "Others", "Nationalist candidates"),
        },
        Group::Other => ("Oth", "Others", "Other candidates"),
    }
}

enum Liberals {
    Liberal,
    Alliance,
    LibDem,
}

/// The Liberal group was the Liberal Party until 1979, the SDP-Liberal Alliance in
/// 1983 and 1987, and the Liberal Democrats from 1992.
fn liberal_era(election: &str) -> Liberals {
    let year: u32 = election.get(..4).and_then(|y| y.parse().ok()).unwrap_or(0);
    match year {
        1983 | 1987 => Liberals::Alliance,
        1992.. => Liberals::LibDem,
        _ => Liberals::Liberal,
    }
}

/// The Liberal group's abbreviation in result texts.
fn liberal_abbreviation(election: &str) -> &'static str {
    match liberal_era(election) {
        Liberals::Liberal => "Lib",
        Liberals::Alliance => "All",
        Liberals::LibDem => "LD",
    }
}

/// The column indexes the importer reads.
struct Columns {
    id: usize,
    seats: usize,
    name: usize,
    region: usize,
    electorate: usize,
    total: usize,
    election: usize,
    boundary_set: usize,
    groups: Vec<(Group, usize)>,
}

impl Columns {
    fn find(table: &Table) -> Result<Columns, ImportError> {
        let mut groups = Vec::new();
        for (group, name) in GROUPS {
            groups.push((*group, table.column(&[name])?));
        }
        Ok(Columns {
            id: table.column(&["constituency_id"])?,
            seats: table.column(&["seats"])?,
            name: table.column(&["constituency"])?,
            region: table.column(&["country/region"])?,
            electorate: table.column(&["electorate"])?,
            total: table.column(&["total_votes"])?,
            election: table.column(&["election"])?,
            boundary_set: table.column(&["boundary_set"])?,
            groups,
        })
    }
}

/// Reads one election of the long-run file. `election_year` is the file's `election`
/// value ("1918", "1974F", "1974O", "2017"; without regard to case) or the election
/// id (`ge1918`, `ge1974feb`).
pub fn convert(path: &Path, election_year: &str) -> Result<ResultsFile, ImportError> {
    let table = Table::read(path, 0)?;
    let columns = Columns::find(&table)?;
    let wanted = election_year.trim();
    let in_file = table.distinct(|row| Some(row.text(columns.election).to_string()).filter(|v| !v.is_empty()));
    // The file's values that are the election wanted, as the table of elections knows them.
    let known: Vec<usize> = in_file.iter().filter_map(|value| ELECTIONS.iter().position(|e| e.0 == value)).collect();
    let position = choose_one(path, "election", wanted, &known, |&p| ELECTIONS.get(p).is_some_and(|e| e.0.eq_ignore_ascii_case(wanted) || e.1.eq_ignore_ascii_case(wanted)), |&p| ELECTIONS.get(p).map(|e| e.0.to_string()).unwrap_or_default())?;
    let (value, id, name, date) = ELECTIONS.get(position).copied().unwrap_or_default();
    let previous = position.checked_sub(1).and_then(|p| ELECTIONS.get(p)).map(|e| e.1.to_string());

    let codes = Codes::new(&table, &columns);
    let rows: Vec<Cells<'_>> = table.rows().filter(|row| row.text(columns.election) == value).collect();
    // The boundary set's first year, as the other importers name boundaries ("2010").
    let boundaries = rows
        .first()
        .map(|row| row.text(columns.boundary_set))
        .and_then(|set| set.split('-').next())
        .filter(|year| !year.is_empty())
        .map(str::to_string);
    let election = Election { id: id.into(), name: name.into(), date: date.into(), kind: ElectionKind::General, boundaries, previous, attribution: None };
    let mut builder = Builder::new(election);
    for row in &rows {
        add_row(&mut builder, &columns, &codes, row, value)?;
    }
    let mut file = builder.finish()?;
    let abbreviation = liberal_abbreviation(value);
    if let Some(party) = file.parties.iter_mut().find(|p| p.id == "ld") {
        party.abbreviation = abbreviation.into();
    }
    Ok(file)
}

/// One row: a seat's result in the election.
fn add_row(builder: &mut Builder, columns: &Columns, codes: &Codes, row: &Cells<'_>, election: &str) -> Result<(), ImportError> {
    let raw_name = row.text(columns.name);
    if raw_name.is_empty() {
        return Err(row.column_error(columns.name, "is empty"));
    }
    let code = codes.code(row, columns);
    let seats = match figure(row, columns.seats)? {
        Some(n) if n >= 1 => u32::try_from(n).map_err(|_| row.column_error(columns.seats, "is too large"))?,
        None => 1,
        Some(n) => return Err(row.column_error(columns.seats, &format!("is {n}; a seat elects at least one member"))),
    };
    let region = row.text(columns.region).to_string();
    let nation = nation(&region, raw_name, election);

    let mut candidates: Vec<Candidate> = Vec::new();
    for (group, column) in &columns.groups {
        let Some(votes) = figure(row, *column)?.filter(|v| *v != 0) else { continue };
        let (abbreviation, party_name, candidate_name) = group_party(*group, election, nation.as_deref());
        let party = builder.party(abbreviation, party_name);
        candidates.push(group_candidate(candidate_name, party, votes));
    }
    let total = figure(row, columns.total)?;
    if candidates.is_empty() {
        match total {
            // Returned unopposed, with no group named (1931: St Ives, Eye).
            Some(members) if members < 0 => {
                let party = builder.party("Oth", "Others");
                candidates.push(group_candidate("Other candidates", party, members));
            }
            _ => return Err(row.error("no party group has votes, and no member is returned unopposed".into())),
        }
    }

    let sum = candidates.iter().fold(0u64, |sum, c| sum.saturating_add(c.votes));
    let valid_votes = total.and_then(|t| u64::try_from(t).ok()).filter(|t| *t > 0 && (seats > 1 || *t == sum));
    let cast = valid_votes.unwrap_or(sum / u64::from(seats));
    let electorate = figure(row, columns.electorate)?.and_then(|e| u64::try_from(e).ok()).filter(|e| *e > 0 && *e >= cast);

    let seat = builder.seat(&code, &place_name(raw_name));
    if !seat.candidates.is_empty() {
        return Err(row.error(format!("seat {code} appears twice in {election}")));
    }
    seat.seats = seats;
    seat.region = Some(region).filter(|r| !r.is_empty());
    seat.nation = nation;
    seat.electorate = electorate;
    seat.valid_votes = valid_votes;
    for candidate in candidates {
        builder.candidate(&code, candidate);
    }
    Ok(())
}

/// A group's candidate: votes, or (a negative figure) members returned unopposed.
fn group_candidate(name: &str, party: String, votes: i64) -> Candidate {
    match u64::try_from(votes) {
        Ok(votes) => Candidate { name: name.into(), party, votes, ..Candidate::default() },
        Err(_) => Candidate { name: format!("{name} (unopposed)"), party, votes: 0, elected: Some(true), ..Candidate::default() },
    }
}

/// A whole number, perhaps negative (unopposed returns); `None` for an empty cell.
fn figure(row: &Cells<'_>, column: usize) -> Result<Option<i64>, ImportError> {
    let text = row.text(column).trim();
    if text.is_empty() {
        return Ok(None);
    }
    text.parse().map(Some).map_err(|_| row.column_error(column, &format!("\"{text}\" is not a whole number")))
}

/// The nation of a seat, from its region (and, for university seats, its name).
fn nation(region: &str, name: &str, election: &str) -> Option<String> {
    let nation = match region {
        "" => return None,
        "Scotland" | "Wales" | "Northern Ireland" | "Ireland" => region,
        "University" => {
            let name = name.to_uppercase();
            if name.contains("SCOTTISH") {
                "Scotland"
            } else if name.contains("WALES") {
                "Wales"
            } else if name.contains("IRELAND") || name.contains("DUBLIN") || name.contains("BELFAST") {
                if election == "1918" {
                    "Ireland"
                } else {
                    "Northern Ireland"
                }
            } else {
                "England"
            }
        }
        _ => "England",
    };
    Some(nation.to_string())
}

/// Seat codes: ONS codes as given, corrected where a 2015 row carries another seat's;
/// `hoc-<boundary set>-<id>` for numeric ids; `hoc-<boundary set>-<name>` for none.
struct Codes {
    /// For each boundary set and id, the names (as [`name_key`]) the id has, with how often.
    names: BTreeMap<(String, String), BTreeMap<String, usize>>,
}

impl Codes {
    fn new(table: &Table, columns: &Columns) -> Codes {
        let mut names: BTreeMap<(String, String), BTreeMap<String, usize>> = BTreeMap::new();
        for row in table.rows() {
            let id = row.text(columns.id);
            if !id.is_empty() {
                let key = (row.text(columns.boundary_set).to_string(), id.to_string());
                *names.entry(key).or_default().entry(name_key(row.text(columns.name))).or_default() += 1;
            }
        }
        Codes { names }
    }

    fn code(&self, row: &Cells<'_>, columns: &Columns) -> String {
        let set = row.text(columns.boundary_set);
        let id = row.text(columns.id);
        if id.is_empty() {
            // The codes keep an apostrophe as a break between words
            // ("hoc-1918-1935-queen-s-university-of-belfast"), as they always have.
            return format!("hoc-{set}-{}", normalise(row.text(columns.name)).replace(' ', "-"));
        }
        let id = self.corrected(set, id, &name_key(row.text(columns.name)));
        if id.chars().next().is_some_and(|c| c.is_ascii_alphabetic()) {
            id.to_string()
        } else {
            format!("hoc-{set}-{id}")
        }
    }

    /// The id of the seat a row names: its own, unless the name is the id's only once
    /// in the boundary set and is exactly one other id's name there.
    fn corrected<'a>(&'a self, set: &str, id: &'a str, key: &str) -> &'a str {
        let Some(names) = self.names.get(&(set.to_string(), id.to_string())) else { return id };
        if names.len() < 2 || names.get(key).copied() != Some(1) {
            return id;
        }
        let mut others = self
            .names
            .iter()
            .filter(|((other_set, other), names)| other_set == set && other != id && names.contains_key(key))
            .map(|((_, other), _)| other.as_str());
        match (others.next(), others.next()) {
            (Some(other), None) => other,
            _ => id,
        }
    }
}

/// A seat name for comparisons: upper case, "&" as "and", without "and", "the" and
/// "of", its words sorted ("DEVON CENTRAL" and "CENTRAL DEVON" are one).
fn name_key(name: &str) -> String {
    let name = name.to_uppercase().replace('&', " AND ");
    let mut words: Vec<String> = name
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty() && !matches!(*w, "AND" | "THE" | "OF"))
        .map(str::to_string)
        .collect();
    words.sort();
    words.join(" ")
}

#[cfg(test)]
mod tests {
    use std::collections::{BTreeMap, BTreeSet};

    use results_core::{Constituency, SeatResult};

    use super::super::testing::shared;
    use super::*;

    const LONGRUN: &str = "1918-2017election_results.csv";

    fn longrun(year: &str) -> ResultsFile {
        convert(&shared(LONGRUN), year).unwrap()
    }

    fn seat<'a>(file: &'a ResultsFile, code: &str) -> &'a Constituency {
        file.constituencies.iter().find(|s| s.code == code).unwrap_or_else(|| panic!("no seat {code}"))
    }

    fn named<'a>(file: &'a ResultsFile, name: &str) -> &'a Constituency {
        file.constituencies.iter().find(|s| s.name == name).unwrap_or_else(|| panic!("no seat {name}"))
    }

    /// Votes per party id in a seat.
    fn by_party(seat: &Constituency) -> BTreeMap<String, u64> {
        let mut votes = BTreeMap::new();
        for candidate in &seat.candidates {
            *votes.entry(candidate.party.clone()).or_default() += candidate.votes;
        }
        votes
    }

    /// Rows per election, read directly.
    fn rows_per_election() -> BTreeMap<String, usize> {
        let mut reader = csv::Reader::from_path(shared(LONGRUN)).unwrap();
        let headers = reader.headers().unwrap().clone();
        let at = headers.iter().position(|h| h.trim() == "election").unwrap();
        let mut counts = BTreeMap::new();
        for record in reader.records() {
            *counts.entry(record.unwrap()[at].to_string()).or_default() += 1;
        }
        counts
    }

    #[test]
    fn every_election_in_the_file_imports_and_validates() {
        let values = elections_in(&shared(LONGRUN)).unwrap();
        // The table of polling days covers exactly the file's elections, in order.
        assert_eq!(values, known_elections().collect::<Vec<_>>());
        let rows = rows_per_election();
        let mut previous_date = String::new();
        let mut without_valid_votes = Vec::new();
        for value in &values {
            let file = longrun(value);
            // Contested single-member seats whose groups do not add up to the file's
            // total have no valid votes.
            for seat in file.constituencies.iter().filter(|s| s.seats == 1 && s.valid_votes.is_none()) {
                if !seat.candidates.iter().any(|c| c.elected == Some(true)) {
                    without_valid_votes.push(format!("{value} {}", seat.name));
                }
            }
            assert!(results_core::validate(&file).is_empty(), "{value}");
            let election = file.elections.first().unwrap();
            assert_eq!(election.kind, ElectionKind::General);
            assert!(election.date > previous_date, "{value}: {} after {previous_date}", election.date);
            assert!(election.date.starts_with(value.get(..4).unwrap()), "{value}: {}", election.date);
            previous_date.clone_from(&election.date);
            // One contest per row, each with at least one candidate.
            assert_eq!(file.constituencies.len(), rows[value], "{value}");
            assert!(file.constituencies.iter().all(|s| !s.candidates.is_empty() && s.candidates.len() <= 5));
            let unique: BTreeSet<&str> = file.constituencies.iter().map(|s| s.code.as_str()).collect();
            assert_eq!(unique.len(), file.constituencies.len(), "{value}");
            // Every seat derives a result.
            for seat in &file.constituencies {
                let result = SeatResult::new(&file, seat);
                assert!(result.rows.iter().filter(|r| r.elected).count() >= 1, "{value} {}", seat.name);
            }
        }
        assert_eq!(values.len(), 27);
        // Northern Ireland in 1997 (16 seats), where "other" is one party's votes, and three seats in 1974.
        let ni_1997 = without_valid_votes.iter().filter(|w| w.starts_with("1997 ")).count();
        assert_eq!(ni_1997, 16, "{without_valid_votes:?}");
        let rest: Vec<&str> = without_valid_votes.iter().filter(|w| !w.starts_with("1997 ")).map(String::as_str).collect();
        assert_eq!(rest, ["1974F Antrim North", "1974O Mid Oxfordshire", "1974O Mid-Bedfordshire"]);
    }

    #[test]
    fn election_ids_names_and_dates() {
        let feb = longrun("1974F");
        let election = feb.elections.first().unwrap();
        assert_eq!((election.id.as_str(), election.name.as_str(), election.date.as_str()), ("ge1974feb", "February 1974 general election", "1974-02-28"));
        assert_eq!(election.previous.as_deref(), Some("ge1970"));
        assert_eq!(election.boundaries.as_deref(), Some("1974"));
        let oct = longrun("ge1974oct");
        assert_eq!(oct.elections.first().unwrap().previous.as_deref(), Some("ge1974feb"));
        assert_eq!(longrun("1974o").elections.first().unwrap().date, "1974-10-10");
        let first = longrun("1918").elections.first().unwrap().clone();
        assert_eq!((first.id.as_str(), first.name.as_str(), first.previous.as_deref()), ("ge1918", "1918 general election", None));
        // The elections the other importers know keep their ids, dates and boundaries.
        for id in ["ge2005", "ge2010", "ge2015", "ge2017"] {
            let known = crate::elections::general(id).unwrap();
            let here = longrun(id).elections.first().unwrap().clone();
            assert_eq!((here.name, here.date, here.boundaries), (known.name, known.date, known.boundaries));
            // The other importers know no election before 2005; this file does.
            assert_eq!(here.previous, known.previous.or_else(|| Some("ge2001".into())), "{id}");
        }
        let err = convert(&shared(LONGRUN), "1940").unwrap_err().to_string();
        assert!(err.contains("no election matches \"1940\"") && err.contains("1974F, 1974O"), "{err}");
    }

    #[test]
    fn parties_follow_the_tables() {
        let file = longrun("2017");
        let ids: Vec<&str> = file.parties.iter().map(|p| p.id.as_str()).collect();
        assert_eq!(ids, ["con", "lab", "ld", "oth", "pc", "snp"]);
        let others = file.party("oth").unwrap();
        assert_eq!((others.name.as_str(), others.abbreviation.as_str()), ("Others", "Oth"));
        assert_eq!(file.party("ld").unwrap().name, "Liberal Democrat");
        let scottish = named(&file, "Glasgow North");
        assert!(scottish.candidates.iter().any(|c| c.name == "SNP candidates" && c.party == "snp"));
        let welsh = named(&file, "Arfon");
        assert!(welsh.candidates.iter().any(|c| c.name == "Plaid Cymru candidates" && c.party == "pc"));
        assert_eq!(welsh.nation.as_deref(), Some("Wales"));
        // The Liberals by era.
        let liberal = longrun("1923");
        let party = liberal.party("ld").unwrap();
        assert_eq!((party.name.as_str(), party.abbreviation.as_str()), ("Liberal", "Lib"));
        let alliance = longrun("1983");
        assert_eq!(alliance.party("ld").unwrap().abbreviation, "All");
        assert!(alliance.constituencies.iter().flat_map(|s| &s.candidates).any(|c| c.name == "Alliance candidates"));
    }

    #[test]
    fn multi_member_and_unopposed_seats() {
        let file = longrun("1918");
        // City of London: two Conservatives returned unopposed.
        let city = seat(&file, "hoc-1918-1935-12");
        assert_eq!((city.name.as_str(), city.seats, city.valid_votes), ("City of London", 2, None));
        assert_eq!(city.candidates.len(), 1);
        let unopposed = city.candidates.first().unwrap();
        assert_eq!((unopposed.name.as_str(), unopposed.party.as_str(), unopposed.votes, unopposed.elected), ("Conservative candidates (unopposed)", "con", 0, Some(true)));
        // Bolton: one Labour and one other member, both unopposed.
        let bolton = SeatResult::new(&file, seat(&file, "hoc-1918-1935-90"));
        assert_eq!(bolton.rows.iter().filter(|r| r.elected).count(), 2);
        // Blackburn: contested, two members, votes as the file has them.
        let blackburn = seat(&file, "hoc-1918-1935-86");
        assert_eq!((blackburn.seats, blackburn.valid_votes, blackburn.electorate), (2, Some(46_372), Some(61_972)));
        assert_eq!(by_party(blackburn), BTreeMap::from([("con".into(), 15_605), ("lab".into(), 14_134), ("oth".into(), 16_638)]));
        // Seats with no id are coded by name; the Combined Scottish Universities elect three.
        let scottish = seat(&file, "hoc-1918-1935-combined-scottish-universities");
        assert_eq!((scottish.seats, scottish.nation.as_deref(), scottish.region.as_deref()), (3, Some("Scotland"), Some("University")));
        assert_eq!(seat(&file, "hoc-1918-1935-cork-city").nation.as_deref(), Some("Ireland"));
        let multi: usize = file.constituencies.iter().filter(|s| s.seats > 1).count();
        assert_eq!(multi, 18);
        assert_eq!(file.constituencies.iter().map(|s| s.seats).sum::<u32>(), 707);
        let unopposed_seats = file.constituencies.iter().filter(|s| s.candidates.iter().any(|c| c.elected == Some(true))).count();
        assert_eq!(unopposed_seats, 104);

        // 1931: St Ives and Eye returned a member unopposed without naming a group.
        let ge1931 = longrun("1931");
        for name in ["Cornwall St Ives", "Suffolk (East) Eye"] {
            let seat = named(&ge1931, name);
            let only = seat.candidates.first().unwrap();
            assert_eq!((seat.candidates.len(), only.name.as_str(), only.party.as_str(), only.elected), (1, "Other candidates (unopposed)", "oth", Some(true)), "{name}");
        }
    }

    #[test]
    fn quirks_are_handled_as_documented() {
        // Glasgow Govan 1951: more votes than electors, so no electorate.
        let govan = named(&longrun("1951"), "Glasgow Govan").clone();
        assert_eq!((govan.electorate, govan.valid_votes), (None, Some(41_631)));

        // October 1974: nationalist votes in two English seats are kept with the Others.
        let oct = longrun("1974O");
        for name in ["Ipswich", "Kingston upon Thames"] {
            let seat = named(&oct, name);
            assert!(seat.candidates.iter().any(|c| c.name == "Nationalist candidates" && c.party == "oth"), "{name}");
        }
        let nationalists = oct.constituencies.iter().flat_map(|s| &s.candidates).filter(|c| c.name == "Nationalist candidates").count();
        assert_eq!(nationalists, 2);
    }

    #[test]
    fn the_2015_rows_with_another_seats_code_are_recoded() {
        let file = longrun("2015");
        assert_eq!(file.constituencies.len(), 650);
        for (code, name) in [
            ("E14000850", "Somerset North"),
            ("E14000851", "Swindon North"),
            ("E14001034", "Suffolk West"),
            ("E14000995", "Thurrock"),
            ("E14001021", "Watford"),
            ("E14001022", "Waveney"),
            ("E14001027", "Welwyn Hatfield"),
            ("E14001049", "Wolverhampton North East"),
            ("E14001050", "Wolverhampton South East"),
            ("E14001051", "Wolverhampton South West"),
            ("E14001052", "Worcester"),
            ("E14000818", "Worcestershire Mid"),
            ("E14001035", "Worcestershire West"),
        ] {
            assert_eq!(seat(&file, code).name, name, "{code}");
        }
        // Names that merely differ in spelling keep their codes.
        assert_eq!(seat(&file, "E14000771").name, "Hull East");
    }

    /// Labour's votes per seat in the long-run file against another import, for the
    /// seats in both: the differing seats, and how many were compared.
    fn labour_mismatches(longrun: &ResultsFile, other: &ResultsFile) -> (Vec<String>, usize) {
        let mut mismatches = Vec::new();
        let mut compared = 0;
        for seat in &longrun.constituencies {
            let Some(theirs) = other.constituencies.iter().find(|s| s.code == seat.code) else { continue };
            compared += 1;
            let ours = by_party(seat).get("lab").copied().unwrap_or(0);
            let them = by_party(theirs).get("lab").copied().unwrap_or(0);
            if ours != them {
                mismatches.push(format!("{} {}: {ours} != {them}", seat.code, seat.name));
            }
        }
        (mismatches, compared)
    }

    #[test]
    fn ge2017_labour_votes_and_totals_match_the_hoc_candidate_file() {
        let ours = longrun("2017");
        let hoc = super::super::hoc::convert(&shared("HoC-GE2017-results-by-candidate.csv"), None, "ge2017").unwrap();
        let (mismatches, compared) = labour_mismatches(&ours, &hoc);
        assert_eq!(compared, 650);
        assert_eq!(mismatches, Vec::<String>::new());
        for seat in &ours.constituencies {
            let theirs: u64 = hoc.contest(&seat.code, None).unwrap().candidates.iter().map(|c| c.votes).sum();
            assert_eq!(seat.valid_votes, Some(theirs), "{}", seat.name);
        }
    }

    #[test]
    fn ge2015_labour_votes_match_the_electoral_commission() {
        let ours = longrun("2015");
        let ec = super::super::ec::convert_2015(
            &shared("electoral-commission-ge2015/RESULTS.csv"),
            &shared("electoral-commission-ge2015/CONSTITUENCY.csv"),
        )
        .unwrap();
        let (mismatches, compared) = labour_mismatches(&ours, &ec);
        // Every seat is compared: the 13 rows with another seat's code are recoded.
        assert_eq!(compared, 650);
        // Croydon South agrees too: the HoC has Emily Benn's corrected 14,308 (Croydon
        // Council's revised declaration), which the 2015 import applies to RESULTS.csv's
        // original 14,038, as the release's NOTES.csv records.
        assert_eq!(mismatches, Vec::<String>::new());
    }

    #[test]
    fn names_compare_in_any_word_order() {
        assert_eq!(name_key("CENTRAL SUFFOLK AND NORTH IPSWICH"), name_key("SUFFOLK CENTRAL & IPSWICH NORTH"));
    }
}
