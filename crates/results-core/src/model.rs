//! Results JSON, format version 1: the types the widget loads and the tool writes.
//!
//! Only votes are stored; every figure a reader sees (share, majority, turnout,
//! hold or gain) is derived from them in [`crate::derive`].

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::derive::Outcome;

/// The format version this code reads and writes.
pub const FORMAT_VERSION: u32 = 1;

/// Texts by key (label replacements, the poller's file hashes): a list kept in
/// key order, so that two maps of the same texts are equal. The widget holds a
/// handful of labels at a time, and a sorted list is 2 KB gzip less code than the
/// `BTreeMap` it replaces; it reads and writes as a JSON object all the same.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(from = "BTreeMap<String, String>", into = "BTreeMap<String, String>")]
pub struct TextMap(Vec<(String, String)>);

impl TextMap {
    pub const fn new() -> TextMap {
        TextMap(Vec::new())
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    fn position(&self, key: &str) -> Result<usize, usize> {
        self.0.binary_search_by(|(k, _)| k.as_str().cmp(key))
    }

    pub fn get(&self, key: &str) -> Option<&str> {
        let at = self.position(key).ok()?;
        self.0.get(at).map(|(_, text)| text.as_str())
    }

    /// Sets `key`'s text, returning the text it had.
    pub fn insert(&mut self, key: String, text: String) -> Option<String> {
        match self.position(&key) {
            Ok(at) => self.0.get_mut(at).map(|(_, old)| std::mem::replace(old, text)),
            Err(at) => {
                self.0.insert(at, (key, text));
                None
            }
        }
    }

    /// The keys and their texts, in key order.
    pub fn iter(&self) -> impl Iterator<Item = (&str, &str)> {
        self.0.iter().map(|(k, t)| (k.as_str(), t.as_str()))
    }
}

impl FromIterator<(String, String)> for TextMap {
    fn from_iter<I: IntoIterator<Item = (String, String)>>(pairs: I) -> TextMap {
        let mut map = TextMap::new();
        for (key, text) in pairs {
            map.insert(key, text);
        }
        map
    }
}

impl From<BTreeMap<String, String>> for TextMap {
    fn from(map: BTreeMap<String, String>) -> TextMap {
        TextMap(map.into_iter().collect())
    }
}

impl From<TextMap> for BTreeMap<String, String> {
    fn from(map: TextMap) -> BTreeMap<String, String> {
        map.0.into_iter().collect()
    }
}

/// The attribution the Open Parliament Licence asks for, carried by generated files.
pub const OPL_ATTRIBUTION: &str =
    "Contains Parliamentary information licensed under the Open Parliament Licence v3.0";

/// One results file: a whole election, one seat's history, or a by-election.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct ResultsFile {
    /// Format version; this code reads version 1.
    pub version: u32,
    /// Source attribution to show beside the widget, as the data's licence asks: the
    /// credit for the figures of every election that carries none of its own.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub attribution: Option<String>,
    /// When the figures were last updated (ISO 8601), on election night.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub updated: Option<String>,
    /// Words to show instead of the widget's English defaults, by label key (the
    /// README lists the keys): a newsroom's house style or another language.
    #[serde(default, skip_serializing_if = "TextMap::is_empty")]
    #[cfg_attr(feature = "schema", schemars(with = "BTreeMap<String, String>"))]
    pub labels: TextMap,
    #[serde(default)]
    pub elections: Vec<Election>,
    #[serde(default)]
    pub parties: Vec<Party>,
    /// One entry per seat per election (a contest).
    #[serde(default)]
    pub constituencies: Vec<Constituency>,
}

/// An election: a general election, a by-election, a council or mayoral election.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Election {
    /// Short stable id, such as `ge2024`.
    pub id: String,
    /// Name for readers, such as "2024 general election".
    pub name: String,
    /// Polling day, `YYYY-MM-DD`.
    pub date: String,
    pub kind: ElectionKind,
    /// The boundary set the seats were fought on, such as `2024`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub boundaries: Option<String>,
    /// The id of the election this one is compared with (change in share, hold or
    /// gain). The file need not hold it: a contest's `previous` carries the figures.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub previous: Option<String>,
    /// The source of this election's figures, as its licence asks to be credited
    /// ("Source: Electoral Commission"); shown with them in place of the file's
    /// `attribution`, so that a file holding several sources credits each rightly.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub attribution: Option<String>,
}

/// What kind of election it is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "kebab-case")]
pub enum ElectionKind {
    General,
    ByElection,
    Local,
    Mayoral,
    Other,
}

/// A party, or a label for candidates without one (Independent).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Party {
    /// Short stable id, referenced by candidates, such as `lab`.
    pub id: String,
    pub name: String,
    /// Abbreviation used in outcomes and lists of those elected ("Lab").
    pub abbreviation: String,
    /// Colour as `#rrggbb`.
    pub colour: String,
    /// Colour for dark mode, as `#rrggbb`, where the light one would not read.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub dark_colour: Option<String>,
}

impl Party {
    /// A party an index names by an id it does not describe: the id as its name, in
    /// grey.
    pub fn unknown(id: &str) -> Party {
        Party { id: id.to_string(), name: id.to_string(), abbreviation: id.to_string(), colour: "#8c8c8c".into(), dark_colour: None }
    }
}

/// One seat's contest in one election.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Constituency {
    /// ONS (GSS) code, such as `E14001086`.
    pub code: String,
    pub name: String,
    /// The seat's Welsh name, where it has one of its own ("Dwyrain Caerdydd" for
    /// Cardiff East): a widget speaking Welsh names the seat so.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name_cy: Option<String>,
    /// The id of the election this contest belongs to.
    pub election: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub region: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub nation: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub electorate: Option<u64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub valid_votes: Option<u64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub invalid_votes: Option<u64>,
    /// `false` while the seat awaits its declaration; `true` says the count is
    /// declared (a seat marked so must have votes). Left out, a seat is declared once
    /// a candidate has a vote: a file made before the count, every candidate on 0,
    /// awaits its declaration.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub declared: Option<bool>,
    /// Declaration time as written by the source (ISO 8601 where known).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub declared_at: Option<String>,
    /// How many candidates the seat elects (a council ward often elects two or three).
    #[serde(default = "one", skip_serializing_if = "is_one")]
    pub seats: u32,
    /// Valid ballot papers, where each voter may cast several votes (a ward electing
    /// several councillors): shares are then of ballots, and votes need not add up.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ballots: Option<u64>,
    /// For counts with stages (the supplementary vote, STV): the name of each stage
    /// after the first, such as "After second preferences". Candidates' `stages` give
    /// their totals at each.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub stages: Vec<String>,
    pub candidates: Vec<Candidate>,
    /// How this seat relates to the previous election.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub previous: Option<Previous>,
    /// A single transferable vote count, stage by stage (Scottish council wards, the
    /// Northern Ireland Assembly); `candidates`' votes are then first preferences.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub count: Option<Box<Count>>,
}

/// A number of votes in a count with transfers, which may be a fraction: Scottish
/// counts carry transfers to five decimal places (2716.39423). Held as a whole number
/// of hundred-thousandths of a vote, so that sums and carries are exact; written as a
/// JSON number.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, PartialOrd, Ord)]
pub struct Tally(pub i64);

impl Tally {
    /// Hundred-thousandths in a vote.
    pub const UNIT: i64 = 100_000;

    /// Whole votes.
    pub fn votes(votes: u64) -> Tally {
        Tally(i64::try_from(votes).unwrap_or(i64::MAX / Tally::UNIT).saturating_mul(Tally::UNIT))
    }

    /// The whole number of votes, where it is one (and not below 0).
    pub fn whole(self) -> Option<u64> {
        if self.0 % Tally::UNIT == 0 { u64::try_from(self.0 / Tally::UNIT).ok() } else { None }
    }

    /// A JSON number of votes, to the nearest hundred-thousandth; `None` for one
    /// beyond any count (a thousand billion votes) or not a number.
    pub fn from_f64(votes: f64) -> Option<Tally> {
        (votes.is_finite() && votes.abs() < 1e12).then(|| Tally((votes * Tally::UNIT as f64).round() as i64))
    }

    pub fn to_f64(self) -> f64 {
        self.0 as f64 / Tally::UNIT as f64
    }
}

/// The votes as a decimal, to as many places as they need: "2716.39423", "2782".
impl std::fmt::Display for Tally {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let sign = if self.0 < 0 { "-" } else { "" };
        let units = self.0.unsigned_abs();
        let (whole, fraction) = (units / Tally::UNIT as u64, units % Tally::UNIT as u64);
        if fraction == 0 {
            write!(f, "{sign}{whole}")
        } else {
            let digits = format!("{fraction:05}");
            write!(f, "{sign}{whole}.{}", digits.trim_end_matches('0'))
        }
    }
}

impl std::ops::Add for Tally {
    type Output = Tally;
    fn add(self, other: Tally) -> Tally {
        Tally(self.0.saturating_add(other.0))
    }
}

impl std::ops::Sub for Tally {
    type Output = Tally;
    fn sub(self, other: Tally) -> Tally {
        Tally(self.0.saturating_sub(other.0))
    }
}

impl std::ops::Neg for Tally {
    type Output = Tally;
    fn neg(self) -> Tally {
        Tally(self.0.saturating_neg())
    }
}

impl std::iter::Sum for Tally {
    fn sum<I: Iterator<Item = Tally>>(tallies: I) -> Tally {
        tallies.fold(Tally(0), |sum, t| sum + t)
    }
}

impl Serialize for Tally {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        if self.0 % Tally::UNIT == 0 {
            serializer.serialize_i64(self.0 / Tally::UNIT)
        } else {
            serializer.serialize_f64(self.to_f64())
        }
    }
}

impl<'de> Deserialize<'de> for Tally {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Tally, D::Error> {
        let votes = f64::deserialize(deserializer)?;
        Tally::from_f64(votes).ok_or_else(|| serde::de::Error::custom("a number of votes below a thousand billion"))
    }
}

/// A single transferable vote count. The first stage is the candidates' first
/// preferences (their `votes`); at each later stage the votes of one or more
/// candidates move to others: the surplus of a candidate elected with more than the
/// quota, or all the votes of candidates excluded as the lowest. Candidates are named
/// by their place in the contest's `candidates`, counting from 0.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Count {
    /// The votes a candidate needs to be elected.
    #[cfg_attr(feature = "schema", schemars(with = "f64"))]
    pub quota: Tally,
    /// True where the quota is not the Droop quota of the valid votes and seats
    /// (`valid_votes / (seats + 1)`, rounded down, plus one), because the count's
    /// rules set it otherwise: validation then takes it as given.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub quota_given: bool,
    /// Every stage in order, the first (first preferences) included.
    pub stages: Vec<Stage>,
}

/// One stage of a count. The first has only `elected`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Stage {
    /// The candidates (elected before) whose surplus moved at this stage.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub surplus: Vec<usize>,
    /// The candidates excluded as the lowest, whose votes moved at this stage.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub excluded: Vec<usize>,
    /// Each candidate's change of votes at this stage, in `candidates`' order:
    /// negative for those whose votes moved.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    #[cfg_attr(feature = "schema", schemars(with = "Vec<f64>"))]
    pub transfers: Vec<Tally>,
    /// Each candidate's total after this stage, in `candidates`' order.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    #[cfg_attr(feature = "schema", schemars(with = "Vec<f64>"))]
    pub totals: Vec<Tally>,
    /// The votes that moved to no one: ballots with no preference for a candidate
    /// still in the count.
    #[serde(default, skip_serializing_if = "is_zero")]
    #[cfg_attr(feature = "schema", schemars(with = "f64"))]
    pub non_transferable: Tally,
    /// True where the source gives no figure for `non_transferable` and it was
    /// derived: the votes that moved less those the others received.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub non_transferable_derived: bool,
    /// The candidates elected at this stage: those who reached the quota, or those
    /// deemed elected at the end, when as few candidates were left as seats.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub elected: Vec<usize>,
}

fn is_zero(tally: &Tally) -> bool {
    tally.0 == 0
}

impl Constituency {
    /// Whether the contest is counted by the single transferable vote (the file gives
    /// its `count`): its candidates' votes are then first preferences, from which no
    /// majority or tie is read.
    pub fn transferable(&self) -> bool {
        self.count.is_some()
    }

    /// Whether the count has declared a result: not marked `declared: false`, and
    /// a candidate has a vote (or the seat was uncontested: no more candidates than
    /// places, elected without a poll).
    pub fn has_result(&self) -> bool {
        self.declared != Some(false)
            && (self.candidates.iter().any(|c| c.votes > 0) || self.candidates.len() <= self.seats.max(1) as usize)
    }
}

impl Candidate {
    /// How far the candidate got in the count, to rank by: the stages they stayed
    /// in (in a staged count), then the last total they reached.
    pub fn standing(&self) -> (usize, u64) {
        (self.stages.len(), self.stages.last().copied().unwrap_or(self.votes))
    }
}

/// A candidate in one contest.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Candidate {
    pub name: String,
    /// The id of a party in the file's `parties`.
    pub party: String,
    pub votes: u64,
    /// Whether the candidate was the sitting member.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub sitting: bool,
    /// Whether the source declares the candidate elected. Where left out, the top
    /// `seats` candidates are; where candidates tie for the last place elected, the
    /// count cannot say who won (the returning officer draws lots), and the file
    /// must say it here.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub elected: Option<bool>,
    /// In a count with stages: the candidate's total after each later stage, for as
    /// long as they stay in the count (empty if excluded after the first).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub stages: Vec<u64>,
}

/// How a seat relates to the previous election.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Previous {
    /// Codes of the seat (same boundaries) or predecessor seats (new boundaries) in the
    /// previous election.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub seats: Vec<String>,
    /// True where the previous figures are notional: the boundaries changed and the
    /// shares are estimates of how the old votes fall on the new seat.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub notional: bool,
    /// Previous vote shares by party, as fractions of valid votes.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub shares: Vec<PartyShare>,
    /// The party that won last time, where the source says so; otherwise the party
    /// with the largest previous share is taken as the previous winner.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub winner: Option<String>,
    /// Where boundaries changed: the seats the new one was formed from, each with
    /// the share of the new seat's population that came from it, largest first.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub from: Vec<PreviousPart>,
}

/// A seat of the old boundaries that part of a new seat came from.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct PreviousPart {
    /// Its ONS code.
    pub seat: String,
    pub name: String,
    /// The share of the new seat's population that came from it, 0 to 1.
    pub share: f64,
}

/// A party's share of the vote, as a fraction between 0 and 1.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct PartyShare {
    pub party: String,
    pub share: f64,
}

fn yes() -> bool {
    true
}
fn is_true(value: &bool) -> bool {
    *value
}
fn one() -> u32 {
    1
}
fn is_one(value: &u32) -> bool {
    *value == 1
}

impl ResultsFile {
    /// The party with this id.
    pub fn party(&self, id: &str) -> Option<&Party> {
        self.parties.iter().find(|party| party.id == id)
    }

    /// The election with this id.
    pub fn election(&self, id: &str) -> Option<&Election> {
        self.elections.iter().find(|election| election.id == id)
    }

    /// The credit for an election's figures: its own attribution, else the file's.
    pub fn credit(&self, election: &str) -> Option<&str> {
        credit(&self.elections, self.attribution.as_deref(), election)
    }

    /// The latest election in the file (by date).
    pub fn latest_election(&self) -> Option<&Election> {
        self.elections.iter().max_by(|a, b| a.date.cmp(&b.date))
    }

    /// The contest for a seat in an election, or in the latest election when none is given.
    pub fn contest(&self, code: &str, election: Option<&str>) -> Option<&Constituency> {
        let election = match election {
            Some(id) => id,
            None => self.latest_election()?.id.as_str(),
        };
        self.constituencies
            .iter()
            .find(|seat| seat.code == code && seat.election == election)
    }
}

/// The credit for the figures of election `id`: its own attribution, else `file`'s.
fn credit<'a>(elections: &'a [Election], file: Option<&'a str>, id: &str) -> Option<&'a str> {
    elections.iter().find(|e| e.id == id).and_then(|e| e.attribution.as_deref()).or(file)
}

/// One line crediting every source given, each once, in the order given (newest
/// first, as views list elections); `None` when there is none.
pub fn credit_line<'a>(credits: impl IntoIterator<Item = Option<&'a str>>) -> Option<String> {
    let mut line: Vec<&str> = Vec::new();
    for credit in credits.into_iter().flatten() {
        if !line.contains(&credit) {
            line.push(credit);
        }
    }
    (!line.is_empty()).then(|| line.join(". "))
}

/// The JSON Schema of results JSON, format version 1.
#[cfg(feature = "schema")]
pub fn json_schema() -> schemars::Schema {
    let mut schema = schemars::schema_for!(ResultsFile);
    schema.insert("title".into(), "Results JSON, format version 1".into());
    schema
}

/// The index of a results directory (`index.json`): what a national view or a seat
/// picker needs, one summary row per seat, without any candidate lists. Generated
/// by `results import` from the full data; every figure in it is derived.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Index {
    pub version: u32,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub attribution: Option<String>,
    /// When the figures were last updated (ISO 8601), on election night.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub updated: Option<String>,
    /// Words to show instead of the widget's English defaults, by label key (the
    /// README lists the keys): a newsroom's house style or another language.
    #[serde(default, skip_serializing_if = "TextMap::is_empty")]
    #[cfg_attr(feature = "schema", schemars(with = "BTreeMap<String, String>"))]
    pub labels: TextMap,
    /// Every election in the directory.
    pub elections: Vec<Election>,
    /// Every party named by a row.
    pub parties: Vec<Party>,
    /// The election the rows describe.
    pub election: String,
    /// Votes and seats won per party across every seat, most seats first.
    #[serde(default)]
    pub totals: Vec<PartyTotal>,
    /// How many seats the election fills, declared or not (650; a council's 45): on
    /// election night, the chamber a majority is counted against.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub elects: Option<u32>,
    pub seats: Vec<IndexRow>,
}

impl Index {
    /// The party with this id.
    pub fn party(&self, id: &str) -> Option<&Party> {
        self.parties.iter().find(|party| party.id == id)
    }

    /// A seat's outcome, with its parties' abbreviations (an id where the index
    /// does not name the party): what [`crate::derive::SeatResult`] says of the
    /// seat's file.
    pub fn outcome(&self, row: &IndexRow) -> Outcome {
        // The index names a winner only once the seat has declared: a seat not
        // declared is taken to have candidates.
        let candidates = row.party.is_some() || !row.elected.is_empty() || !row.declared;
        let elected = (!row.elected.is_empty()).then(|| row.elected.iter().map(String::as_str).collect());
        crate::derive::outcome(candidates, row.declared, row.party.as_deref(), row.before.as_deref(), elected, &|id| self.abbreviation(id))
    }

    /// A party's abbreviation, or its id where the index does not name it.
    fn abbreviation<'a>(&'a self, id: &'a str) -> &'a str {
        self.party(id).map_or(id, |p| p.abbreviation.as_str())
    }

    /// The credit for the figures of the index's election.
    pub fn credit(&self) -> Option<&str> {
        credit(&self.elections, self.attribution.as_deref(), &self.election)
    }
}

/// A party's votes and seats in the index's election.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct PartyTotal {
    pub party: String,
    pub votes: u64,
    pub seats: u32,
}

/// One seat's result in the index.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct IndexRow {
    pub code: String,
    pub name: String,
    /// The Welsh name, where the seat has one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name_cy: Option<String>,
    /// The names of the seats it was formed from (each at least 5% of its people),
    /// where boundaries changed: a search for an old name finds the new seats.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub formerly: Vec<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub region: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub nation: Option<String>,
    #[serde(default = "yes", skip_serializing_if = "is_true")]
    pub declared: bool,
    /// Winner's name and party id; where the seat elects several, everyone elected
    /// ("A, B, C", by votes or first preferences) and the party with more of them
    /// than any other (none where two or more have as many).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub winner: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub party: Option<String>,
    /// The majority (the last winner's votes less the first loser's; a count's
    /// margin at its end): absent where it is not known, before the seat declares
    /// or where a transferable vote's count has no stages to read it from, so that
    /// no table shows or sorts a majority of 0 that no count gave.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub majority: Option<u64>,
    /// Candidates tied for the seat and lots decided it: the majority is a tie.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub tie: bool,
    /// Majority as a fraction of valid votes, where the majority is known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub majority_share: Option<f64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub turnout: Option<f64>,
    /// The id of the party that held the seat before (the notional winner where
    /// boundaries changed), for a seat electing one where that is known: with
    /// `party` it makes the outcome (hold or gain, [`Index::outcome`]), which the
    /// locale puts in words.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub before: Option<String>,
    /// The parties (ids) of those elected, in rank order, for a seat electing several.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub elected: Vec<String>,
    /// Column and row on the hex map, where the directory has one: the `odd-r`
    /// layout of the HexJSON file `results import` reads (odd rows half a hex to the
    /// east), the one layout the widget draws.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub hex: Option<[i32; 2]>,
    /// A hash of the seat's file: a widget refetches the file only when it changes.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub hash: Option<String>,
}

/// A short content hash (64-bit FNV-1a, hex) for change detection, not security.
pub fn content_hash(text: &str) -> String {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for byte in text.bytes() {
        hash ^= u64::from(byte);
        hash = hash.wrapping_mul(0x0000_0100_0000_01b3);
    }
    format!("{hash:016x}")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn election(id: &str, attribution: Option<&str>) -> Election {
        Election { id: id.into(), name: id.into(), date: "2024-07-04".into(), kind: ElectionKind::General, boundaries: None, previous: None, attribution: attribution.map(Into::into) }
    }

    #[test]
    fn an_election_is_credited_with_its_own_source_else_the_files() {
        let file = ResultsFile {
            version: FORMAT_VERSION,
            attribution: Some("File".into()),
            updated: None,
            labels: TextMap::new(),
            elections: vec![election("ge2015", Some("EC")), election("ge2024", Some("HoC")), election("by", None)],
            parties: vec![],
            constituencies: vec![],
        };
        assert_eq!(file.credit("ge2024"), Some("HoC"));
        assert_eq!(file.credit("ge2015"), Some("EC"));
        assert_eq!(file.credit("by"), Some("File"));
        assert_eq!(file.credit("unknown"), Some("File"));
        assert_eq!(credit_line(["ge2024", "ge2015", "by", "ge2024"].map(|id| file.credit(id))).as_deref(), Some("HoC. EC. File"));
        assert_eq!(credit_line([None, None]), None);
    }
}
