//! Single transferable vote counts: Scottish council elections (one row per
//! candidate, transfers and totals stage by stage: the stv.vote layout of 2017 and
//! 2022) and the Northern Ireland Assembly (ElectionsNI's constituency folders).
//!
//! Each ward or constituency becomes a contest whose candidates' votes are first
//! preferences and whose `count` holds the stages (`model::Count`). What a source
//! gets wrong is said, never quietly mended: an error where the count cannot be
//! read, a warning (returned with the file, which the tool prints) where the source
//! contradicts itself in a way the count's own figures settle.

use std::collections::BTreeMap;
use std::path::Path;

use results_core::model::{Candidate, Count, Election, ElectionKind, ResultsFile, Stage, Tally};

use super::csv::{Cells, Table};
use super::names::{slug, tidy};
use super::{choose_one, Builder, ImportError};
use crate::parties;

/// The credit and licence of the Scottish council files (stv.vote, 2022; council17, 2017).
pub const SCOTLAND_ATTRIBUTION: &str = "Source: @gerrymulvenna (stv.vote, council17), candidate data from Democracy Club; licensed under CC BY-SA 4.0";
/// The credit and licence ElectionsNI asks for.
pub const NI_ATTRIBUTION: &str = "Source: ElectionsNI (electionsni.org); licensed under CC BY-SA 4.0";

/// A file and the warnings about its source.
pub struct Imported {
    pub file: ResultsFile,
    pub warnings: Vec<String>,
}

/// A number of votes as a source writes it ("2716.39423", "7217.1", "1,174"), read
/// exactly: at most five decimal places.
pub fn tally(text: &str) -> Option<Tally> {
    let text: String = text.trim().chars().filter(|&c| c != ',').collect();
    let (negative, digits) = text.strip_prefix('-').map_or((false, text.as_str()), |rest| (true, rest));
    let (whole, fraction) = digits.split_once('.').unwrap_or((digits, ""));
    if whole.is_empty() && fraction.is_empty() || fraction.len() > 5 || !whole.bytes().chain(fraction.bytes()).all(|b| b.is_ascii_digit()) {
        return None;
    }
    let whole: i64 = if whole.is_empty() { 0 } else { whole.parse().ok()? };
    let fraction: i64 = format!("{fraction:0<5}").parse().ok()?;
    let units = whole.checked_mul(Tally::UNIT)?.checked_add(fraction)?;
    Some(Tally(if negative { -units } else { units }))
}

/// What a source says became of a candidate, and at which stage.
#[derive(Clone, Copy, PartialEq, Debug)]
enum Status {
    Elected(usize),
    Excluded(usize),
    Continuing,
}

/// One candidate's line of a count as a source gives it.
struct Line {
    name: String,
    party: String,
    first: Tally,
    /// Whether the source declares the candidate elected.
    elected: bool,
    status: Status,
    /// Transfer and total at stages 2, 3, ... while the count lasted.
    stages: Vec<(Tally, Tally)>,
}

/// The votes that moved at stage `k` (counting from 1, from 2 on) less those the
/// others received: what went to no one, as the lines' transfers give it.
fn unaccounted(lines: &[Line], k: usize) -> Tally {
    -lines.iter().filter_map(|l| l.stages.get(k - 2)).map(|s| s.0).sum::<Tally>()
}

/// One contest's count as a source gives it.
struct Sheet {
    /// For messages: "City of Edinburgh, Almond".
    place: String,
    seats: u32,
    quota: Tally,
    /// The valid poll as the source gives it.
    valid: u64,
    lines: Vec<Line>,
    /// Non-transferable votes at stages 2, 3, ... where the source gives them.
    non_transferable: Option<Vec<Tally>>,
    /// What keeps the count from being read (a figure that is not a number, a stage
    /// given twice): the contest is then imported without it.
    trouble: Vec<String>,
}

impl Sheet {
    /// The count, read stage by stage: whose votes moved at each stage (a surplus of
    /// one elected before, or those excluded at the stage before, as the source's
    /// statuses say), and who was elected.
    fn count(&self) -> Result<Count, String> {
        let stages = self.lines.iter().map(|l| l.stages.len()).max().unwrap_or(0);
        if let Some(short) = self.lines.iter().find(|l| l.stages.len() != stages) {
            return Err(format!("{} has figures for {} stages after the first, the others for {stages}", short.name, short.stages.len()));
        }
        let elected_at = |k: usize| -> Vec<usize> { self.lines.iter().enumerate().filter(|(_, l)| l.status == Status::Elected(k)).map(|(i, _)| i).collect() };
        let quota = self.quota;
        let mut out = vec![Stage { elected: elected_at(1), ..Stage::default() }];
        for k in 2..=stages + 1 {
            let at = |l: &Line| l.stages.get(k - 2).copied().unwrap_or_default();
            // Whose votes moved: those who lose votes at this stage, a surplus where
            // the source says they were elected before, an exclusion where it says
            // they were excluded (at the stage before, or earlier where a count
            // deferred it).
            let (mut surplus, mut excluded) = (Vec::new(), Vec::new());
            for (i, line) in self.lines.iter().enumerate() {
                let (transfer, _) = at(line);
                if transfer.0 >= 0 {
                    continue;
                }
                match line.status {
                    Status::Elected(e) if e < k => surplus.push(i),
                    Status::Excluded(e) if e < k => excluded.push(i),
                    _ => return Err(format!("{} loses {} votes at stage {k}, but the source says they were neither elected nor excluded before it", line.name, Tally(-transfer.0))),
                }
            }
            if surplus.is_empty() && excluded.is_empty() {
                let gained: Tally = self.lines.iter().map(|l| at(l).0).filter(|t| t.0 > 0).sum();
                return Err(format!("at stage {k} others gain {gained} votes, but nobody loses any (lines of the candidate whose votes moved may be missing)"));
            }
            let given = self.non_transferable.as_ref().and_then(|nt| nt.get(k - 2)).copied();
            out.push(Stage {
                surplus,
                excluded,
                transfers: self.lines.iter().map(|l| at(l).0).collect(),
                totals: self.lines.iter().map(|l| at(l).1).collect(),
                non_transferable: given.unwrap_or_else(|| unaccounted(&self.lines, k)),
                non_transferable_derived: given.is_none(),
                elected: elected_at(k),
            });
        }
        Ok(Count { quota, quota_given: false, stages: out })
    }
}

/// The valid poll and quota of a sheet's contest, checked against its own figures,
/// where the source contradicts itself and the count's figures say which side is
/// right; each such reading is a warning. A valid poll that is not the first
/// preferences' sum is taken as their sum where the quota is that sum's Droop
/// quota; a quota that is not the valid poll's Droop quota is taken as that one
/// where those elected are brought down to it when their surpluses move.
fn settle(sheet: &mut Sheet, warnings: &mut Vec<String>) {
    let first: Tally = sheet.lines.iter().map(|l| l.first).sum();
    if let Some(sum) = first.whole().filter(|&sum| sum != sheet.valid) {
        let droop = results_core::stv::droop_quota(sum, sheet.seats);
        if sheet.quota == Tally::votes(droop) {
            warnings.push(format!(
                "{}: the source's valid poll is {}, but the first preferences add up to {sum}, whose Droop quota ({droop}) is the count's quota: the valid poll is taken as {sum}",
                sheet.place, sheet.valid
            ));
            sheet.valid = sum;
        }
    }
    let droop = Tally::votes(results_core::stv::droop_quota(sheet.valid, sheet.seats));
    let brought_down = |line: &Line| matches!(line.status, Status::Elected(_)) && line.stages.iter().any(|&(transfer, total)| transfer.0 < 0 && total == droop);
    if sheet.quota != droop && sheet.lines.iter().any(brought_down) {
        warnings.push(format!(
            "{}: the source's quota is {}, but the Droop quota of its valid poll ({}) is {droop}, and the surpluses bring those elected down to {droop}: the quota is taken as {droop}",
            sheet.place, sheet.quota, sheet.valid
        ));
        sheet.quota = droop;
    }
}

/// Puts a sheet's candidates into the builder's contest `code`, with its count
/// where the count can be read and validates; otherwise with its quota alone (no
/// stages), and a warning says why (the contest still shows its first preferences
/// and whom the source declares elected).
fn add_sheet(builder: &mut Builder, code: &str, mut sheet: Sheet, warnings: &mut Vec<String>) {
    settle(&mut sheet, warnings);
    let valid = sheet.valid;
    let mut trouble = sheet.trouble.clone();
    let mut candidates = Vec::new();
    for line in &sheet.lines {
        let party = local_party(builder, &line.party);
        let votes = line.first.whole();
        if votes.is_none() {
            trouble.push(format!("{}'s first preferences ({}) are not a whole number", line.name, line.first));
        }
        candidates.push(Candidate { name: line.name.clone(), party, votes: votes.unwrap_or(0), elected: Some(line.elected), ..Candidate::default() });
    }
    for candidate in candidates {
        builder.candidate(code, candidate);
    }
    let count = if trouble.is_empty() { sheet.count().map_err(|e| trouble.push(e)).ok() } else { None };
    let seat = builder.seat(code, "");
    seat.valid_votes = Some(valid);
    seat.seats = sheet.seats;
    if let Some(count) = count {
        trouble.extend(results_core::stv::check(seat, &count, "").iter().map(named));
        if trouble.is_empty() {
            seat.count = Some(Box::new(count));
        }
    }
    if !trouble.is_empty() {
        // Still a transferable vote: its quota, and no stages, so that nothing
        // reads a majority or a tie from its first preferences.
        seat.count = Some(Box::new(Count { quota: sheet.quota, quota_given: false, stages: Vec::new() }));
        warnings.push(format!("{}: the count's stages are left out (the contest keeps its first preferences, its quota and whom the source declares elected): {}", sheet.place, trouble.join("; ")));
    }
}

/// A problem of a contest's count in words, its path within the count.
fn named(problem: &results_core::Problem) -> String {
    format!("{} {}", problem.path.trim_start_matches('.'), problem.message)
}

/// A party of these files by its name: the tables' party where they know the name,
/// else its own.
fn local_party(builder: &mut Builder, party_name: &str) -> String {
    let (abbreviation, name) = parties::local("", party_name, false);
    builder.party(&abbreviation, &name)
}

/// A count figure of a row, or what is wrong with it.
fn figure(row: &Cells, column: usize, what: &str) -> Result<Option<Tally>, String> {
    match row.text(column) {
        "" => Ok(None),
        text => tally(text).map(Some).ok_or_else(|| format!("{what} is \"{text}\" (line {}), not a number of votes to at most five decimal places", row.line)),
    }
}

// ---------------------------------------------------------------------------------
// Scotland

/// A Scottish council's wards in one election (2017 or 2022), from the stv.vote
/// layout: `council` is the file's council_id (`edinburgh`) or council name.
pub fn scotland(path: &Path, council: &str) -> Result<Imported, ImportError> {
    let table = Table::read(path, 0)?;
    let col = |name: &str| table.column(&[name]);
    let (name, party, council_id, council_name, election) = (col("name")?, col("party_name")?, col("council_id")?, col("council_name")?, col("election")?);
    let (ward_code, ward_name, contested, elected, status, occurred, first) =
        (col("map_ward_id")?, col("ward_name")?, col("contested")?, col("elected")?, col("status")?, col("occurred_on_count")?, col("first_prefs")?);
    let (electorate, valid_poll, rejected, quota, seats) = (col("electorate")?, col("valid_poll")?, col("rejected")?, col("quota")?, col("seats")?);
    // transfers02, total_votes02, ... as far as the file goes.
    let stage_columns: Vec<(usize, usize)> = (2..100)
        .map_while(|k| Some((table.optional_column(&format!("transfers{k:02}"))?, table.optional_column(&format!("total_votes{k:02}"))?)))
        .collect();

    let councils = table.distinct(|row| Some((row.text(council_id).to_string(), row.text(council_name).to_string(), row.text(election).to_string())));
    let wanted = council.trim();
    let (id, council_name_text, election_id) = choose_one(path, "council", wanted, &councils, |(id, name, _)| id == wanted || name.eq_ignore_ascii_case(wanted), |(id, ..)| id.clone())?;
    // "local.edinburgh.2022-05-05"
    let date = election_id.rsplit('.').next().unwrap_or_default().to_string();
    let year = date.get(..4).unwrap_or(&date).to_string();
    let council_title = if council_name_text.to_ascii_lowercase().contains("council") || council_name_text.starts_with("Comhairle") { council_name_text.clone() } else { format!("{council_name_text} Council") };
    let election = Election {
        id: format!("{}-{year}", slug(&council_name_text)),
        name: format!("{council_title} election {year}"),
        date: date.clone(),
        kind: ElectionKind::Local,
        boundaries: None,
        previous: None,
        attribution: Some(SCOTLAND_ATTRIBUTION.into()),
    };

    let mut warnings = Vec::new();
    let mut builder = Builder::new(election).attribution(Some(SCOTLAND_ATTRIBUTION));
    let rows: Vec<Cells> = table.rows().filter(|row| row.text(council_id) == id).collect();
    let mut wards: BTreeMap<String, Vec<&Cells>> = BTreeMap::new();
    for row in &rows {
        wards.entry(row.required(ward_code)?.to_string()).or_default().push(row);
    }
    for (code, ward) in &wards {
        let Some(head) = ward.first() else { continue };
        // One spelling of a ward's name in every year: the 2017 file writes
        // "Colinton / Fairmilehead" where 2022's (and the council's) has
        // "Colinton/Fairmilehead", and a name that differs reads as another seat.
        let ward_title = tidy(head.text(ward_name)).replace(" / ", "/");
        let place = format!("{council_name_text}, {ward_title}");
        let seat = builder.seat(code, &ward_title);
        seat.nation = Some("Scotland".into());
        seat.region = Some(council_name_text.clone());
        // A ward returned unopposed has no poll and no count (and in 2017 no seats
        // figure: it elects those returned). Some of 2022's are marked contested but
        // have no votes at all.
        let no_votes = ward.iter().all(|row| row.text(first).is_empty());
        let seats_figure = head.optional_count(seats)?.and_then(|n| u32::try_from(n).ok());
        let unopposed = head.yes_no(contested)? == Some(false) || seats_figure.is_some_and(|n| ward.len() <= n as usize);
        if no_votes && !unopposed {
            warnings.push(format!("{place}: the file gives no votes for the ward ({} candidates for {} seats): left out", ward.len(), seats_figure.unwrap_or(0)));
            builder.remove(code);
            continue;
        }
        if no_votes {
            if head.yes_no(contested)? == Some(true) {
                warnings.push(format!("{place}: the file marks the ward contested, but it has no more candidates than seats and no votes: read as returned unopposed"));
            }
            let returned = ward.iter().filter(|row| row.yes_no(elected).ok().flatten() == Some(true)).count();
            let seat = builder.seat(code, &ward_title);
            seat.seats = seats_figure.unwrap_or(u32::try_from(returned).unwrap_or(1)).max(1);
            for row in ward {
                let party = local_party(&mut builder, row.text(party));
                builder.candidate(code, Candidate { name: tidy(row.text(name)), party, votes: 0, elected: row.yes_no(elected)?, ..Candidate::default() });
            }
            continue;
        }
        seat.electorate = head.optional_count(electorate)?;
        seat.invalid_votes = head.optional_count(rejected)?;
        let seat_count = u32::try_from(head.count(seats)?).map_err(|_| head.column_error(seats, "is too large"))?;
        let valid = head.count(valid_poll)?;
        let quota_text = head.required(quota)?;
        let quota_value = tally(quota_text).ok_or_else(|| head.column_error(quota, &format!("\"{quota_text}\" is not a number of votes")))?;

        let mut trouble = Vec::new();
        let mut lines = Vec::new();
        for row in ward {
            let candidate = tidy(row.text(name));
            let first_votes = match figure(row, first, &format!("{candidate}'s first preferences")) {
                Ok(Some(votes)) => votes,
                Ok(None) => return Err(row.column_error(first, "is empty")),
                Err(e) => return Err(row.error(e)),
            };
            let mut stages = Vec::new();
            for (k, &(transfer, total)) in stage_columns.iter().enumerate() {
                let stage = k + 2;
                match (figure(row, transfer, &format!("{candidate}'s transfer at stage {stage}")), figure(row, total, &format!("{candidate}'s total at stage {stage}"))) {
                    (Ok(Some(t)), Ok(Some(v))) => stages.push((t, v)),
                    (Ok(None), Ok(None)) => break,
                    (Err(e), _) | (_, Err(e)) => {
                        trouble.push(e);
                        break;
                    }
                    (Ok(_), Ok(_)) => {
                        trouble.push(format!("{candidate} has a transfer without a total, or a total without a transfer, at stage {stage} (line {})", row.line));
                        break;
                    }
                }
            }
            let stage_of = || -> Result<usize, ImportError> { row.count(occurred).map(|k| usize::try_from(k).unwrap_or(usize::MAX)) };
            let fate = match row.text(status).to_ascii_lowercase().as_str() {
                "elected" => Status::Elected(stage_of()?),
                "excluded" => Status::Excluded(stage_of()?),
                "not elected" | "" => Status::Continuing,
                _ => return Err(row.column_error(status, &format!("\"{}\" is not Elected, Excluded or Not elected", row.text(status)))),
            };
            let marked = row.yes_no(elected)? == Some(true);
            if marked != matches!(fate, Status::Elected(_)) {
                trouble.push(format!("{candidate} is marked elected {} but has the status \"{}\" (line {})", row.text(elected), row.text(status), row.line));
            }
            lines.push(Line { name: candidate, party: row.text(party).to_string(), first: first_votes, elected: marked, status: fate, stages });
        }
        let sheet = Sheet { place, seats: seat_count, quota: quota_value, valid, lines, non_transferable: None, trouble };
        add_sheet(&mut builder, code, sheet, &mut warnings);
    }
    let file = builder.finish()?;
    Ok(Imported { file, warnings })
}

/// Makes a council's election follow its previous one where the results directory
/// already holds it (2022 after 2017: the same council's id with an earlier year), so
/// that each ward's history and its winners before are read across the two.
pub fn follow(file: &mut ResultsFile, stored: &[ResultsFile]) {
    let Some(election) = file.elections.first_mut() else { return };
    let Some((council, _)) = election.id.rsplit_once('-') else { return };
    let earlier = stored
        .iter()
        .flat_map(|f| &f.elections)
        .filter(|e| e.id.rsplit_once('-').is_some_and(|(c, _)| c == council) && e.date < election.date)
        .max_by(|a, b| a.date.cmp(&b.date));
    if let Some(earlier) = earlier {
        election.previous = Some(earlier.id.clone());
    }
}

/// Every council's id in a Scottish file, in the file's order.
pub fn scottish_councils(path: &Path) -> Result<Vec<String>, ImportError> {
    let table = Table::read(path, 0)?;
    let id = table.column(&["council_id"])?;
    Ok(table.distinct(|row| Some(row.text(id).to_string())))
}

// ---------------------------------------------------------------------------------
// Northern Ireland

/// The Northern Ireland Assembly election of 2022 from ElectionsNI's constituency
/// folders (`DIR/<constituency>/Count.csv`, `ConstituencyCount.csv`,
/// `NonTransferable.csv`), one contest each.
pub fn ni_assembly(dir: &Path, date: &str) -> Result<Imported, ImportError> {
    let year = date.get(..4).unwrap_or(date);
    let election = Election {
        id: format!("nia-{year}"),
        name: format!("Northern Ireland Assembly election {year}"),
        date: date.to_string(),
        kind: ElectionKind::Other,
        boundaries: None,
        previous: None,
        attribution: Some(NI_ATTRIBUTION.into()),
    };
    let mut builder = Builder::new(election).attribution(Some(NI_ATTRIBUTION));
    let mut warnings = Vec::new();
    let mut folders: Vec<_> = std::fs::read_dir(dir)
        .map_err(|source| ImportError::Read { path: dir.to_path_buf(), source })?
        .filter_map(Result::ok)
        .map(|entry| entry.path())
        .filter(|path| path.join("Count.csv").is_file())
        .collect();
    folders.sort();
    if folders.is_empty() {
        return Err(ImportError::Unsupported(format!("{}: no constituency folder with a Count.csv", dir.display())));
    }
    for folder in folders {
        let directory = folder.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
        ni_constituency(&mut builder, &folder, &directory, &mut warnings)?;
    }
    let file = builder.finish()?;
    Ok(Imported { file, warnings })
}

/// A candidate's transfer and total at each count, with the line of the file.
type ByCount = BTreeMap<usize, (Tally, Tally, u64)>;

fn ni_constituency(builder: &mut Builder, folder: &Path, directory: &str, warnings: &mut Vec<String>) -> Result<(), ImportError> {
    let headline = Table::read(&folder.join("ConstituencyCount.csv"), 0)?;
    let row = headline.rows().next().ok_or_else(|| ImportError::Empty { path: headline.path().to_path_buf() })?;
    let name = tidy(row.required(headline.column(&["constituency_name"])?)?);
    let seats = u32::try_from(row.count(headline.column(&["number_of_seats"])?)?).unwrap_or(0);
    let quota_column = headline.column(&["quota"])?;
    let quota = tally(row.required(quota_column)?).ok_or_else(|| row.column_error(quota_column, "is not a number of votes"))?;
    let valid = row.count(headline.column(&["valid_poll"])?)?;
    let electorate = row.optional_count(headline.column(&["total_electorate"])?)?;
    let spoiled = row.optional_count(headline.column(&["spoiled"])?)?;
    let place = format!("{name} ({directory})");

    let counts = Table::read(&folder.join("Count.csv"), 0)?;
    let col = |n: &str| counts.column(&[n]);
    let (candidate_id, stage, firstname, surname, first, transfers, total, status, occurred, party) = (
        col("Candidate_Id")?,
        col("Count_Number")?,
        col("Firstname")?,
        col("Surname")?,
        col("Candidate_First_Pref_Votes")?,
        col("Transfers")?,
        col("Total_Votes")?,
        col("Status")?,
        col("Occurred_On_Count")?,
        col("Party_Name")?,
    );
    let mut trouble = Vec::new();
    // Each candidate's figures by count, in the order candidates first appear.
    let mut order: Vec<String> = Vec::new();
    let mut by_candidate: BTreeMap<String, (Line, ByCount)> = BTreeMap::new();
    let mut eliminated = Vec::new();
    let mut repeated = BTreeMap::<usize, (usize, u64, u64)>::new();
    for row in counts.rows() {
        let id = row.required(candidate_id)?.to_string();
        let k = usize::try_from(row.count(stage)?).unwrap_or(usize::MAX);
        let occurred_on = || -> Result<usize, ImportError> { row.count(occurred).map(|k| usize::try_from(k).unwrap_or(usize::MAX)) };
        let fate = match row.text(status).to_ascii_lowercase().as_str() {
            "" => Status::Continuing,
            "elected" => Status::Elected(occurred_on()?),
            "excluded" => Status::Excluded(occurred_on()?),
            "eliminated" => {
                eliminated.push(row.line.to_string());
                Status::Excluded(occurred_on()?)
            }
            _ => return Err(row.column_error(status, &format!("\"{}\" is not Elected or Excluded", row.text(status)))),
        };
        let entry = by_candidate.entry(id.clone()).or_insert_with(|| {
            order.push(id.clone());
            let line = Line {
                name: format!("{} {}", tidy(row.text(firstname)), tidy(row.text(surname))),
                party: row.text(party).to_string(),
                first: Tally(0),
                elected: false,
                status: Status::Continuing,
                stages: Vec::new(),
            };
            (line, BTreeMap::new())
        });
        if fate != Status::Continuing {
            if entry.0.status != Status::Continuing && entry.0.status != fate {
                trouble.push(format!("{} has two statuses ({:?} and {fate:?}, line {})", entry.0.name, entry.0.status, row.line));
            }
            entry.0.status = fate;
            entry.0.elected = matches!(fate, Status::Elected(_));
        }
        let (Ok(Some(moved)), Ok(Some(now))) = (figure(&row, transfers, &format!("{}'s transfer at count {k}", entry.0.name)), figure(&row, total, &format!("{}'s total at count {k}", entry.0.name))) else {
            trouble.push(format!("{}'s figures at count {k} (line {}) are not numbers of votes", entry.0.name, row.line));
            continue;
        };
        if k == 1 {
            entry.0.first = row.count(first).map(Tally::votes)?;
        }
        // A count number given again for a candidate: the source repeats a number
        // for the count after (Belfast North's and Fermanagh and South Tyrone's
        // last), which the statuses of those lines confirm.
        let k = if entry.1.contains_key(&k) {
            let next = entry.1.keys().max().copied().unwrap_or(k).saturating_add(1);
            let lines = repeated.entry(k).or_insert((next, u64::MAX, 0));
            lines.1 = lines.1.min(row.line);
            lines.2 = lines.2.max(row.line);
            next
        } else {
            k
        };
        entry.1.insert(k, (moved, now, row.line));
    }
    for (k, (next, from, to)) in &repeated {
        warnings.push(format!("{place}: Count.csv numbers two counts {k}; the second (lines {from} to {to}) is read as count {next}"));
    }
    if !eliminated.is_empty() {
        warnings.push(format!("{place}: Count.csv says \"Eliminated\" (lines {}) where it says \"Excluded\" elsewhere: both are read as excluded", eliminated.join(", ")));
    }
    let stages = by_candidate.values().flat_map(|(_, s)| s.keys().copied()).max().unwrap_or(1);
    let mut lines = Vec::new();
    for id in &order {
        let Some((mut line, figures)) = by_candidate.remove(id) else { continue };
        for k in 2..=stages {
            match figures.get(&k) {
                Some(&(t, v, _)) => line.stages.push((t, v)),
                None => {
                    trouble.push(format!("Count.csv has no line for {} at count {k}", line.name));
                    break;
                }
            }
        }
        lines.push(line);
    }

    // NonTransferable.csv's figures are used where they are Count.csv's counts' own
    // (what moved less what the others received, to the source's rounding);
    // otherwise each count's are derived from Count.csv and a warning says why.
    let nt_table = Table::read(&folder.join("NonTransferable.csv"), 0)?;
    let (nt_stage, nt_value) = (nt_table.column(&["Count_Number"])?, nt_table.column(&["Non_Transferable"])?);
    let mut given = BTreeMap::new();
    for row in nt_table.rows().filter(|row| !row.is_blank(&[nt_stage, nt_value])) {
        let k = usize::try_from(row.count(nt_stage)?).unwrap_or(usize::MAX);
        let value = tally(row.text(nt_value)).ok_or_else(|| row.column_error(nt_value, "is not a number of votes"))?;
        given.insert(k, value);
    }
    let derived = |k: usize| unaccounted(&lines, k);
    let slack = Tally(lines.len() as i64 * Tally::UNIT / 20);
    let mismatch = (2..=stages).find_map(|k| match given.get(&k) {
        Some(&v) if (v - derived(k)).0.unsigned_abs() <= slack.0.unsigned_abs() => None,
        Some(&v) => Some(format!("count {k}: {v} against {} moved and not received", derived(k))),
        None => Some(format!("no figure for count {k}")),
    });
    let listed = given.keys().filter(|&&k| k > 1).count();
    let non_transferable = match mismatch {
        None if listed == stages.saturating_sub(1) => Some((2..=stages).filter_map(|k| given.get(&k).copied()).collect()),
        other => {
            let why = other.unwrap_or_else(|| "more counts".into());
            warnings.push(format!(
                "{place}: NonTransferable.csv lists {listed} counts after the first where Count.csv has {}, and does not match it ({why}): the non-transferable votes are derived from Count.csv's transfers",
                stages.saturating_sub(1)
            ));
            None
        }
    };

    let code = slug(directory);
    let seat = builder.seat(&code, &name);
    seat.nation = Some("Northern Ireland".into());
    seat.electorate = electorate;
    seat.invalid_votes = spoiled;
    add_sheet(builder, &code, Sheet { place, seats, quota, valid, lines, non_transferable, trouble }, warnings);
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tallies_are_read_exactly() {
        assert_eq!(tally("2716.39423"), Some(Tally(271_639_423)));
        assert_eq!(tally("-3122"), Some(Tally(-312_200_000)));
        assert_eq!(tally("7217.1"), Some(Tally(721_710_000)));
        assert_eq!(tally("0.00"), Some(Tally(0)));
        assert_eq!(tally("1,174"), Some(Tally(117_400_000)));
        assert_eq!(tally(".5"), Some(Tally(50_000)));
        for bad in ["", "-", ".", "1.234567", "1e5", "abc", "1.2.3"] {
            assert_eq!(tally(bad), None, "{bad}");
        }
    }
}
