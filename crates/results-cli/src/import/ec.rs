//! The Electoral Commission's general election results files: 2005, 2010, 2015 and
//! 2017. Each has its own layout, so each has its own reader, but all feed a
//! [`Builder`].
//!
//! The EC files are report-style: some are cp1252 rather than UTF-8, have title rows
//! before the header, header cells with trailing spaces or line breaks, figures with
//! thousands separators, and blank and totals rows at the end: the shared reader,
//! [`Table`], reads them all.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

use results_core::model::{Candidate, ResultsFile};

use super::csv::{Cells, Table};
use super::names::{join, surname_first, title_case};
use super::{Builder, ImportError};
use crate::{elections, parties};

/// The attribution EC files carry. They state no licence (EC content is normally
/// under the Open Government Licence, but that is unchecked for these files), so no
/// licence is claimed; only the source is named.
const EC_ATTRIBUTION: &str = "Source: Electoral Commission";

/// Figures of the 2015 `RESULTS.csv` that a returning officer corrected after it was
/// made, as the release's own `NOTES.csv` records (seat, surname, as published,
/// as corrected): "31/07/2015: Croydon South figures have been updated to reflect a
/// correction made by Croydon Council on the number of votes for Emily Benn ...
/// 14,308 votes; the original declaration of results stated 14,038 votes".
/// `CONSTITUENCY.csv`'s valid votes, the Commission's wide file and the House of
/// Commons Library have the corrected figure. Applied only where the file still has
/// the published one.
const CORRECTIONS_2015: &[(&str, &str, u64, u64)] = &[("E14000656", "Benn", 14_038, 14_308)];

/// Reads `RESULTS.csv` (candidates) and `CONSTITUENCY.csv` (electorate and valid
/// votes) of the EC's 2015 release. Seats are keyed by their ONS code. The `Change`
/// column is the change in share since 2010, on the same boundaries.
pub fn convert_2015(results_csv: &Path, constituency_csv: &Path) -> Result<ResultsFile, ImportError> {
    let seats_table = Table::read(constituency_csv, 0)?;
    let s_code = seats_table.column(&["Constituency ID"])?;
    let s_name = seats_table.column(&["Constituency Name"])?;
    let s_electorate = seats_table.column(&["Electorate"])?;
    let s_valid = seats_table.column(&["Valid Votes"])?;
    let mut totals: BTreeMap<String, (u64, u64)> = BTreeMap::new();
    for row in seats_table.rows() {
        // The blank row and the totals row at the end have neither code nor name.
        if row.is_blank(&[s_code, s_name]) {
            continue;
        }
        let code = row.required(s_code)?;
        let figures = (row.count(s_electorate)?, row.count(s_valid)?);
        if totals.insert(code.to_string(), figures).is_some() {
            return Err(row.error(format!("seat {code} appears twice")));
        }
    }

    let table = Table::read(results_csv, 0)?;
    let code = table.column(&["Constituency ID"])?;
    let seat_name = table.column(&["Constituency Name"])?;
    let forename = table.column(&["Forename"])?;
    let surname = table.column(&["Surname"])?;
    let votes = table.column(&["Votes"])?;
    let share = table.column(&["Share (%)"])?;
    let change = table.column(&["Change"])?;
    let incumbent = table.column(&["Incumbent?"])?;
    let party_name = table.column(&["Party name identifier"])?;
    let party_abbreviation = table.column(&["Party abbreviation"])?;
    let region = table.optional_column("Region");
    let nation = table.optional_column("Country");

    let mut builder = Builder::new(elections::general("ge2015")?).attribution(Some(EC_ATTRIBUTION));
    for row in table.rows() {
        // The totals row at the end has only a vote count.
        if row.is_blank(&[code, seat_name, surname]) {
            continue;
        }
        let seat_code = row.required(code)?;
        let published = row.count(votes)?;
        let corrected = CORRECTIONS_2015.iter().find(|c| c.0 == seat_code && c.1 == row.text(surname).trim() && c.2 == published).map(|c| c.3);
        let candidate = Candidate {
            name: join(row.text(forename), row.text(surname)),
            party: builder.party(parties::canonical(row.text(party_abbreviation)), row.text(party_name)),
            votes: corrected.unwrap_or(published),
            // "MP" marks the sitting member. One row has a stray number here instead
            // (Inverness, Nairn, Badenoch and Strathspey, Donald Boyd: "57613"): only
            // "MP" counts.
            sitting: row.text(incumbent).eq_ignore_ascii_case("MP"),
            ..Candidate::default()
        };
        let seat = builder.seat(seat_code, row.text(seat_name));
        if seat.candidates.is_empty() {
            seat.region = region.map(|c| row.text(c).to_string()).filter(|r| !r.is_empty());
            seat.nation = nation.map(|c| row.text(c).to_string()).filter(|n| !n.is_empty());
            seat.electorate = totals.get(seat_code).map(|t| t.0);
        }
        // Share (%) and Change are percentages; Change is blank for parties that did
        // not stand in 2010.
        if let (Some(share), Some(change)) = (row.number(share)?, row.number(change)?) {
            builder.previous_share(seat_code, &candidate.party, (share - change) / 100.0, false);
        }
        builder.candidate(seat_code, candidate);
    }
    // Valid votes from CONSTITUENCY.csv where they agree with the candidates' votes
    // (after the corrections above: in every seat).
    for (code, (_, valid)) in &totals {
        let seat = builder.seat(code, "");
        if seat.candidates.iter().fold(0u64, |sum, c| sum.saturating_add(c.votes)) == *valid {
            seat.valid_votes = Some(*valid);
        }
    }
    builder.finish()
}

/// Reads the tidy candidate file derived from the EC's 2010 constituency results
/// sheet. Seats are keyed by ONS code. Shares and their change are compared with the
/// 2005 result, which is notional wherever the 2010 boundaries were new.
pub fn convert_2010(candidates_tidy: &Path) -> Result<ResultsFile, ImportError> {
    let table = Table::read(candidates_tidy, 0)?;
    let columns = TidyColumns::find(&table, true)?;
    let mut builder = Builder::new(elections::general("ge2010")?).attribution(Some(EC_ATTRIBUTION));
    for row in table.rows() {
        if row.is_blank(&[columns.code, columns.seat]) {
            continue;
        }
        let code = row.required(columns.code)?.to_string();
        // Scotland kept its 2005 boundaries in 2010, so only its comparisons are with
        // real 2005 results; England, Wales and Northern Ireland had new seats.
        let notional = !code.starts_with('S');
        add_tidy_row(&mut builder, &columns, &row, &code, notional)?;
    }
    builder.finish()
}

/// Reads the tidy candidate file derived from the EC's 2005 A-Z constituency results
/// sheet. There are no ONS codes for the 2005 seats, so each is keyed
/// `PA2005-<Press Association number>`. Shares and their change are compared with
/// 2001.
///
/// 18 candidates have no party in the source: they get the party "ND" (id `none`,
/// "No description"), the label the EC's own 2010 file uses for such candidates,
/// rather than "Independent", which the source does not say.
pub fn convert_2005(candidates_tidy: &Path) -> Result<ResultsFile, ImportError> {
    let table = Table::read(candidates_tidy, 0)?;
    let columns = TidyColumns::find(&table, false)?;
    // The Scottish seats were redrawn for 2005 (72 became 59), so their comparisons
    // with 2001 are notional; English, Welsh and Northern Irish seats were unchanged.
    // The file has no nation column; the SNP stood in every Scottish seat and nowhere
    // else, so a seat with an SNP candidate is Scottish.
    let scottish: BTreeSet<String> = table
        .rows()
        .filter(|row| row.text(columns.party).eq_ignore_ascii_case("SNP"))
        .map(|row| row.text(columns.pa_number).to_string())
        .collect();
    let mut builder = Builder::new(elections::general("ge2005")?).attribution(Some(EC_ATTRIBUTION));
    for row in table.rows() {
        if row.is_blank(&[columns.pa_number, columns.seat]) {
            continue;
        }
        let pa_number = row.required(columns.pa_number)?;
        let code = format!("PA2005-{pa_number}");
        add_tidy_row(&mut builder, &columns, &row, &code, scottish.contains(pa_number))?;
    }
    builder.finish()
}

/// A seat's figures in the EC's 2017 `data 3` (administrative data).
pub struct Admin2017 {
    /// Without the footnote numbers some Welsh names carry ("Ogmore 5").
    pub name: String,
    pub electorate: u64,
    /// Valid votes as data 3 counts them, which disagree with the candidates' votes
    /// in 189 seats (see [`convert_2017`]).
    pub valid_votes: u64,
    /// Ballot papers rejected at the count.
    pub rejected: Option<u64>,
}

/// The EC's 2017 `data 3` by seat code: a title row, a row of group headings, then
/// the header; figures with thousands separators.
pub fn admin_2017(data3: &Path) -> Result<BTreeMap<String, Admin2017>, ImportError> {
    let admin = Table::read(data3, 2)?;
    let code = admin.column(&["ONS Code"])?;
    let name = admin.column(&["Constituency"])?;
    let electorate = admin.column(&["Electorate"])?;
    let valid = admin.column(&["Total number of valid votes counted"])?;
    let rejected = admin.column(&["Total number of ballot papers rejected at the count"])?;
    let mut seats = BTreeMap::new();
    for row in admin.rows() {
        if row.is_blank(&[code, name]) {
            continue;
        }
        let seat_code = row.required(code)?;
        let figures = Admin2017 {
            name: row.text(name).trim_end_matches(|c: char| c.is_ascii_digit()).trim_end().to_string(),
            electorate: row.count(electorate)?,
            valid_votes: row.count(valid)?,
            rejected: row.optional_count(rejected)?,
        };
        if seats.insert(seat_code.to_string(), figures).is_some() {
            return Err(row.error(format!("seat {seat_code} appears twice")));
        }
    }
    Ok(seats)
}

impl Admin2017 {
    /// Gives a seat whose candidates are in its electorate and rejected ballots, and
    /// data 3's valid votes where the candidates' votes add up to them, else none
    /// (the candidate files agree with each other; data 3 often not).
    pub fn fill(&self, seat: &mut results_core::Constituency) {
        seat.electorate = Some(self.electorate);
        seat.invalid_votes = self.rejected;
        let counted = seat.candidates.iter().fold(0u64, |sum, c| sum.saturating_add(c.votes));
        seat.valid_votes = (counted == self.valid_votes).then_some(self.valid_votes);
    }
}

/// Reads the EC's 2017 release: `data 3` (seat administrative data: electorate, valid
/// votes, ballots rejected at the count) and `data 4` (candidates). Neither gives
/// previous shares, so seats have no `previous`.
pub fn convert_2017(data3: &Path, data4: &Path) -> Result<ResultsFile, ImportError> {
    let admin = admin_2017(data3)?;

    // data 4: a title row, then the header.
    let table = Table::read(data4, 1)?;
    let code = table.column(&["ONS Code"])?;
    let seat_name = table.column(&["Constituency"])?;
    let surname = table.column(&["Surname"])?;
    let first_name = table.column(&["First name"])?;
    let description = table.column(&["Party"])?;
    let party = table.column(&["Party Identifer", "Party Identifier"])?;
    let votes = table.column(&["Valid votes"])?;

    let mut builder = Builder::new(elections::general("ge2017")?).attribution(Some(EC_ATTRIBUTION));
    // Seats take data 3's names (see below for those it lacks).
    for (seat_code, figures) in &admin {
        builder.seat(seat_code, &figures.name);
    }
    for row in table.rows() {
        if row.is_blank(&[code, seat_name, surname]) {
            continue;
        }
        let seat_code = row.required(code)?;
        let abbreviation = parties::canonical(row.text(party));
        // The identifier is a short label ("WEP", "Yorkshire"); the ballot paper
        // description ("Women's Equality Party") names parties the tables do not know.
        let name = if parties::has_name(abbreviation) { "" } else { row.text(description) };
        let candidate = Candidate {
            name: join(row.text(first_name), &title_case(row.text(surname))),
            party: builder.party(abbreviation, name),
            votes: row.count(votes)?,
            sitting: false,
            ..Candidate::default()
        };
        // Seats missing from data 3 take data 4's name, in which a search and replace
        // has upper-cased "gb" ("Birmingham, EdGBaston", "RuGBy").
        builder.seat(seat_code, row.text(seat_name));
        builder.candidate(seat_code, candidate);
    }
    // data 3's valid votes disagree with the sum of data 4's candidate votes in 189
    // seats, by a few votes in most and by thousands in some ("Gainsborough" 57,425
    // against 51,425). data 4 agrees with the HoC candidate file in all but two seats
    // (N06000005 by 20 votes, S14000030 by 9), so the candidate votes are kept and
    // data 3's valid votes are recorded only where the two files agree.
    for (seat_code, figures) in &admin {
        figures.fill(builder.seat(seat_code, ""));
    }
    builder.finish()
}

/// Columns of the tidy 2005 and 2010 candidate files.
struct TidyColumns {
    pa_number: usize,
    code: usize,
    seat: usize,
    electorate: usize,
    candidate: usize,
    incumbent: usize,
    party: usize,
    votes: usize,
    share: usize,
    change: usize,
    previous_winner: usize,
}

impl TidyColumns {
    fn find(table: &Table, with_ons_id: bool) -> Result<TidyColumns, ImportError> {
        let pa_number = table.column(&["pa_number"])?;
        Ok(TidyColumns {
            pa_number,
            code: if with_ons_id { table.column(&["ons_id"])? } else { pa_number },
            seat: table.column(&["constituency_name"])?,
            electorate: table.column(&["electorate"])?,
            candidate: table.column(&["candidate"])?,
            incumbent: table.column(&["incumbent_marker"])?,
            party: table.column(&["party_abbreviation"])?,
            votes: table.column(&["votes"])?,
            share: table.column(&["share_pct"])?,
            change: table.column(&["share_change_pct"])?,
            previous_winner: table.column(&["previous_winner"])?,
        })
    }
}

/// Adds one row of a tidy 2005 or 2010 file to the seat `code`.
fn add_tidy_row(builder: &mut Builder, columns: &TidyColumns, row: &Cells<'_>, code: &str, notional: bool) -> Result<(), ImportError> {
    // A blank party is a candidate with no description on the ballot paper.
    let abbreviation = match parties::canonical(row.text(columns.party)) {
        "" => "ND",
        abbreviation => abbreviation,
    };
    let candidate = Candidate {
        name: surname_first(row.text(columns.candidate)).0,
        party: builder.party(abbreviation, ""),
        votes: row.count(columns.votes)?,
        // "*" marks a member of the outgoing Parliament, who may have sat for
        // another seat (George Galloway in 2005).
        sitting: row.text(columns.incumbent) == "*",
        ..Candidate::default()
    };
    let electorate = row.count(columns.electorate)?;
    let seat = builder.seat(code, row.text(columns.seat));
    if seat.candidates.is_empty() {
        seat.electorate = Some(electorate);
        let previous_winner = row.text(columns.previous_winner);
        if !previous_winner.is_empty() {
            builder.previous_winner(code, parties::canonical(previous_winner), notional);
        }
    }
    // share_pct and share_change_pct are in percentage points; the change is blank
    // for parties that did not stand last time.
    if let (Some(share), Some(change)) = (row.number(columns.share)?, row.number(columns.change)?) {
        builder.previous_share(code, &candidate.party, (share - change) / 100.0, notional);
    }
    builder.candidate(code, candidate);
    Ok(())
}

#[cfg(test)]
mod tests {
    use std::collections::HashMap;

    use results_core::SeatResult;

    use super::super::testing::{shared as data, Temp};
    use super::*;

    fn ec2015() -> ResultsFile {
        convert_2015(&data("electoral-commission-ge2015/RESULTS.csv"), &data("electoral-commission-ge2015/CONSTITUENCY.csv")).unwrap()
    }
    const TIDY_2010: &str = "electoral-commission-ge2010/GE2010-constituency-results-website__candidates_tidy.csv";
    const TIDY_2005: &str = "electoral-commission-ge2005/Generalelection2005_A-Zconstituencyresults__candidates_tidy.csv";
    fn ec2017() -> ResultsFile {
        convert_2017(
            &data("electoral-commission-ge2017/2017 UKPGE electoral data 3.csv"),
            &data("electoral-commission-ge2017/2017 UKPGE electoral data 4.csv"),
        )
        .unwrap()
    }

    fn seat<'a>(file: &'a ResultsFile, code: &str) -> &'a results_core::Constituency {
        file.constituencies.iter().find(|s| s.code == code).unwrap()
    }

    fn candidates(file: &ResultsFile) -> usize {
        file.constituencies.iter().map(|s| s.candidates.len()).sum()
    }

    fn votes(seat: &results_core::Constituency) -> u64 {
        seat.candidates.iter().map(|c| c.votes).sum()
    }

    /// Every seat's derived majority against the file's `constituency_majority`.
    fn majority_mismatches(file: &ResultsFile, path: &str, code_of: impl Fn(&csv::StringRecord, &csv::StringRecord) -> String) -> Vec<String> {
        let mut reader = csv::Reader::from_path(data(path)).unwrap();
        let headers = reader.headers().unwrap().clone();
        let at = headers.iter().position(|h| h == "constituency_majority").unwrap();
        let mut expected: HashMap<String, u64> = HashMap::new();
        for record in reader.records() {
            let record = record.unwrap();
            expected.insert(code_of(&headers, &record), record[at].parse().unwrap());
        }
        assert_eq!(expected.len(), file.constituencies.len());
        file.constituencies
            .iter()
            .filter(|s| SeatResult::new(file, s).summary.majority != expected[&s.code])
            .map(|s| s.code.clone())
            .collect()
    }

    fn field(headers: &csv::StringRecord, record: &csv::StringRecord, name: &str) -> String {
        record[headers.iter().position(|h| h == name).unwrap()].to_string()
    }

    #[test]
    fn ge2015_counts_and_bethnal_green() {
        let file = ec2015();
        assert_eq!(file.constituencies.len(), 650);
        assert_eq!(candidates(&file), 3971);
        // The file's totals row, 30,697,255, less Croydon South's 270 corrected votes.
        assert_eq!(file.constituencies.iter().map(votes).sum::<u64>(), 30_697_525);
        let seat = seat(&file, "E14000555");
        assert_eq!(seat.name, "Bethnal Green and Bow");
        assert_eq!((seat.electorate, seat.valid_votes), (Some(82_727), Some(52_924)));
        assert_eq!(seat.region.as_deref(), Some("London"));
        let result = SeatResult::new(&file, seat);
        let winner = result.winner().unwrap();
        assert_eq!((winner.name.as_str(), winner.party_name.as_str(), winner.votes), ("Rushanara Ali", "Labour", 32_387));
        assert!(winner.sitting);
        // Share 61.2% now, up 18.3 points on 2010 (same boundaries).
        assert!((winner.change.unwrap() - (32_387.0 / 52_924.0 - 0.429)).abs() < 1e-9);
        assert_eq!(result.outcome_text(), "Lab hold");
        assert!(!result.summary.previous_notional);
    }

    #[test]
    fn ge2015_valid_votes_agree_in_every_seat_with_croydon_south_corrected() {
        let file = ec2015();
        let missing: Vec<&str> = file.constituencies.iter().filter(|s| s.valid_votes.is_none()).map(|s| s.code.as_str()).collect();
        assert_eq!(missing, Vec::<&str>::new());
        // Croydon Council's revised declaration, as NOTES.csv records it.
        let croydon = file.constituencies.iter().find(|s| s.code == "E14000656").unwrap();
        let benn = croydon.candidates.iter().find(|c| c.name == "Emily Benn").unwrap();
        assert_eq!((benn.votes, croydon.valid_votes), (14_308, Some(57_712)));
        let result = SeatResult::new(&file, croydon);
        assert_eq!(result.summary.majority, 17_140);
        assert!(file.constituencies.iter().all(|s| s.electorate.is_some()));
        // Labour and Labour Co-operative are one party; the sitting MPs are flagged.
        assert_eq!(file.party("lab").unwrap().name, "Labour");
        assert!(file.party("apni").is_some() && file.party("alliance").is_none());
        assert_eq!(file.constituencies.iter().flat_map(|s| &s.candidates).filter(|c| c.sitting).count(), 561);
    }

    #[test]
    fn ge2010_counts_bethnal_green_and_majorities() {
        let file = convert_2010(&data(TIDY_2010)).unwrap();
        assert_eq!(file.constituencies.len(), 650);
        assert_eq!(candidates(&file), 4150);
        let seat = seat(&file, "E14000555");
        assert_eq!(seat.previous.as_ref().unwrap().winner.as_deref(), Some("respect"));
        let result = SeatResult::new(&file, seat);
        let winner = result.winner().unwrap();
        assert_eq!((winner.name.as_str(), winner.party_id.as_str()), ("R. Ali", "lab"));
        assert_eq!(result.outcome_text(), "Lab gain from Respect");
        assert_eq!(result.summary.majority, 11_574);
        assert!(result.summary.previous_notional);
        // Scottish seats kept their 2005 boundaries.
        let dunfermline = SeatResult::new(&file, seat_named(&file, "Dunfermline & Fife West"));
        assert!(!dunfermline.summary.previous_notional);
        assert_eq!(dunfermline.outcome_text(), "Lab hold");
        // Wyre Forest: the 2005 winner is "IKHHC", the same party as 2010's "ICHC".
        assert_eq!(SeatResult::new(&file, seat_named(&file, "Wyre Forest")).outcome_text(), "Con gain from ICHC");
        let mismatches = majority_mismatches(&file, TIDY_2010, |h, r| field(h, r, "ons_id"));
        assert!(mismatches.is_empty(), "{mismatches:?}");
    }

    fn seat_named<'a>(file: &'a ResultsFile, name: &str) -> &'a results_core::Constituency {
        file.constituencies.iter().find(|s| s.name == name).unwrap()
    }

    #[test]
    fn ge2005_counts_bethnal_green_and_majorities() {
        let file = convert_2005(&data(TIDY_2005)).unwrap();
        assert_eq!(file.constituencies.len(), 646);
        assert_eq!(candidates(&file), 3554);
        let seat = seat(&file, "PA2005-49");
        assert_eq!(seat.name, "Bethnal Green & Bow");
        let result = SeatResult::new(&file, seat);
        let winner = result.winner().unwrap();
        assert_eq!((winner.name.as_str(), winner.party_id.as_str(), winner.party_name.as_str()), ("G. Galloway", "respect", "Respect"));
        assert_eq!(result.summary.majority, 823);
        assert_eq!(result.outcome_text(), "Respect gain from Lab");
        assert!(!result.summary.previous_notional);
        // "Pugh, C. Ms." has no party in the source.
        let pugh = seat.candidates.iter().find(|c| c.name == "C. Pugh").unwrap();
        assert_eq!(pugh.party, "none");
        assert_eq!(file.party("none").unwrap().name, "No description");
        let no_party = file.constituencies.iter().flat_map(|s| &s.candidates).filter(|c| c.party == "none").count();
        assert_eq!(no_party, 18);
        // Blaenau Gwent was won by Peter Law, who had no description.
        assert_eq!(SeatResult::new(&file, seat_named(&file, "Blaenau Gwent")).outcome_text(), "ND gain from Lab");
        // The 59 Scottish seats (those with an SNP candidate) were redrawn in 2005.
        let notional = file.constituencies.iter().filter(|s| s.previous.as_ref().is_some_and(|p| p.notional)).count();
        assert_eq!(notional, 59);
        assert!(file.constituencies.iter().all(|s| s.previous.as_ref().is_some_and(|p| p.winner.is_some())));
        let mismatches = majority_mismatches(&file, TIDY_2005, |h, r| format!("PA2005-{}", field(h, r, "pa_number")));
        assert!(mismatches.is_empty(), "{mismatches:?}");
    }

    #[test]
    fn ge2017_counts_names_and_valid_votes() {
        let file = ec2017();
        assert_eq!(file.constituencies.len(), 650);
        assert_eq!(candidates(&file), 3304);
        assert!(file.constituencies.iter().all(|s| s.previous.is_none() && s.electorate.is_some()));
        // Where valid votes are given they are the candidates' total (the validator
        // checks this too); data 3 disagrees with data 4 in 189 seats, which have none.
        assert!(file.constituencies.iter().all(|s| s.valid_votes.is_none_or(|v| v == votes(s))));
        assert_eq!(file.constituencies.iter().filter(|s| s.valid_votes.is_none()).count(), 189);
        // The two seats where data 4 and the HoC file differ: in East Antrim data 3
        // agrees with the HoC (38,143; data 4 adds up to 38,123), so valid votes are
        // left out; in S14000030 data 3 agrees with data 4.
        assert_eq!((seat(&file, "N06000005").valid_votes, votes(seat(&file, "N06000005"))), (None, 38_123));
        assert_eq!(seat(&file, "S14000030").valid_votes, Some(36_175));
        // Names come from data 3, without its footnote numbers.
        assert_eq!(seat(&file, "W07000074").name, "Ogmore");
        assert_eq!(seat(&file, "W07000048").name, "Swansea East");
        assert_eq!(seat(&file, "E14000560").name, "Birmingham, Edgbaston");
        assert_eq!(seat(&file, "W07000041").name, "Ynys Môn");
        let bethnal = seat(&file, "E14000555");
        assert_eq!(bethnal.electorate, Some(86_075));
        let winner = SeatResult::new(&file, bethnal).winner().unwrap().clone();
        assert_eq!((winner.name.as_str(), winner.party_id.as_str(), winner.party_abbreviation.as_str()), ("Rushanara Ali", "lab", "Lab"));
        assert_eq!(file.party("spk").unwrap().name, "Speaker");
        assert_eq!(file.party("ld").unwrap().abbreviation, "LD");
    }

    fn assert_bad_number(err: ImportError, line: u64, text: &str) {
        let shown = err.to_string();
        assert!(matches!(err, ImportError::Csv { line: l, .. } if l == line), "{shown}");
        assert!(shown.contains(&format!("line {line}:")) && shown.contains(text), "{shown}");
    }

    const RESULTS_2015: &str = "Forename,Surname,Description on ballot paper,Constituency Name,PANO,Votes,Share (%),Change,,Incumbent?,,Constituency ID ,Region ID,County ,Region ,Country ,Constituency type,Party name identifier,Party abbreviation\r\n\
        Ann,Smith,Labour Party,Seat,1,100,66.7,5,,MP,,E1,R,C,London,England,Borough,Labour,Lab\r\n\
        Bob,Jones,Conservative,Seat,1,50,33.3,,,,,E1,R,C,London,England,Borough,Conservative,Con\r\n\
        ,,,,,150,,,,,,,,,,,,,\r\n";
    const CONSTITUENCY_2015: &str =
        "PANO,Constituency Name,Constituency ID,Constituency Type,Electorate,Valid Votes\r\n1,Seat,E1,Borough,300,150\r\n,,,,,\r\n,,,,300,150\r\n";

    #[test]
    fn ge2015_malformed_input() {
        let seats = Temp::new("2015-constituency.csv", CONSTITUENCY_2015.as_bytes());
        let good = Temp::new("2015-good.csv", RESULTS_2015.as_bytes());
        let file = convert_2015(&good.0, &seats.0).unwrap();
        assert_eq!(file.constituencies.first().unwrap().valid_votes, Some(150));
        let bad = Temp::new("2015-bad.csv", RESULTS_2015.replace(",50,33.3", ",5O,33.3").as_bytes());
        assert_bad_number(convert_2015(&bad.0, &seats.0).unwrap_err(), 3, "column 6 (\"Votes\"): \"5O\" is not a whole number");
        let missing = Temp::new("2015-missing.csv", RESULTS_2015.replace("Party abbreviation", "Party").as_bytes());
        let err = convert_2015(&missing.0, &seats.0).unwrap_err();
        assert!(matches!(&err, ImportError::MissingColumn { column, .. } if column == "Party abbreviation"), "{err}");
    }

    const TIDY: &str = "election_year,pa_number,ons_id,constituency_name,electorate,turnout_pct,candidate,incumbent_marker,party_abbreviation,votes,share_pct,lost_deposit,share_change_pct,elected,constituency_majority,constituency_majority_pct,previous_winner\n\
        2010,1,W1,Seat,1000,50,\"Francis, H.\",*,Lab,300,60,,-8.1,Y,100,20,Lab\n\
        2010,1,W1,Seat,1000,50,\"Jones, C.Y. Ms.\",,Con,200,40,,4.1,,100,20,Lab\n";

    #[test]
    fn tidy_malformed_input() {
        let good = Temp::new("tidy-good.csv", TIDY.as_bytes());
        let file = convert_2010(&good.0).unwrap();
        assert_eq!(file.constituencies.first().unwrap().candidates.first().unwrap().name, "H. Francis");
        assert_eq!(convert_2005(&good.0).unwrap().constituencies.first().unwrap().code, "PA2005-1");
        let bad = Temp::new("tidy-bad.csv", TIDY.replace(",Con,200,", ",Con,two hundred,").as_bytes());
        assert_bad_number(convert_2010(&bad.0).unwrap_err(), 3, "column 10 (\"votes\"): \"two hundred\" is not a whole number");
        let bad_share = Temp::new("tidy-bad-share.csv", TIDY.replace(",-8.1,", ",-8..1,").as_bytes());
        assert_bad_number(convert_2005(&bad_share.0).unwrap_err(), 2, "\"-8..1\" is not a number");
        let missing = Temp::new("tidy-missing.csv", TIDY.replace("ons_id", "ons").as_bytes());
        let err = convert_2010(&missing.0).unwrap_err();
        assert!(matches!(&err, ImportError::MissingColumn { column, .. } if column == "ons_id"), "{err}");
        // A file that is not UTF-8 is read as Windows-1252: a cp1252 "ô".
        let latin1: Vec<u8> = TIDY.replacen("Seat", "M~n", 1).bytes().map(|b| if b == b'~' { 0xf4 } else { b }).collect();
        let not_utf8 = Temp::new("tidy-latin1.csv", &latin1);
        assert_eq!(convert_2010(&not_utf8.0).unwrap().constituencies.first().unwrap().name, "Môn");
    }

    const DATA3: &str = "ADMINISTRATIVE DATA,,,TURNOUT,,\r\n,,,,,\r\n\
        ONS Code,Press association number ,Constituency,Electorate ,\"Total number of valid\r\nvotes counted\",Total number of ballot papers rejected at the count \r\n\
        E1,1,Seat 5,\"1,000\",150,2\r\n,,,,,\r\n";
    const DATA4: &[u8] = b"RESULTS,,,,,,,\r\nONS Code,PANO,Constituency,Surname,First name,Party,Party Identifer,Valid votes\r\n\
        E1,1,Seat,M\xd6LLER,Ann,Labour Party,Labour,100\r\nE1,1,Seat,JONES,Bob,Women's Equality Party,WEP,50\r\n";

    #[test]
    fn ge2017_malformed_input() {
        let admin = Temp::new("data3.csv", DATA3.as_bytes());
        let candidates = Temp::new("data4.csv", DATA4);
        let file = convert_2017(&admin.0, &candidates.0).unwrap();
        let seat = file.constituencies.first().unwrap();
        assert_eq!((seat.name.as_str(), seat.electorate, seat.valid_votes, seat.invalid_votes), ("Seat", Some(1000), Some(150), Some(2)));
        assert_eq!(seat.candidates.first().unwrap().name, "Ann Möller");
        assert_eq!(file.party("wep").unwrap().name, "Women's Equality Party");
        let bad = Temp::new("data3-bad.csv", DATA3.replace("\"1,000\"", "\"1,0O0\"").as_bytes());
        assert_bad_number(convert_2017(&bad.0, &candidates.0).unwrap_err(), 5, "column 4 (\"Electorate\"): \"1,0O0\" is not a whole number");
        let bad_votes = Temp::new("data4-bad.csv", [DATA4.strip_suffix(b"50\r\n").unwrap(), b"-50\r\n"].concat());
        assert_bad_number(convert_2017(&admin.0, &bad_votes.0).unwrap_err(), 4, "\"-50\" is not a whole number");
        let missing = Temp::new("data3-missing.csv", DATA3.replace("valid\r\nvotes", "votes").as_bytes());
        let err = convert_2017(&missing.0, &candidates.0).unwrap_err();
        assert!(matches!(&err, ImportError::MissingColumn { column, .. } if column == "Total number of valid votes counted"), "{err}");
        let short = Temp::new("data4-short.csv", [DATA4, b"E1,1,Seat\r\n"].concat());
        assert_bad_number(convert_2017(&admin.0, &short.0).unwrap_err(), 5, "expected 8 fields, found 3");
    }
}
