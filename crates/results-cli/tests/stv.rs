//! Single transferable vote counts from `../shared/data/stv` (its SOURCES.md): every
//! Scottish council ward of 2022 and 2017 and every Northern Ireland Assembly
//! constituency of 2022 imports; each count validates, or the contest comes without
//! it and a warning names the source's error; whom a count elects is whom the source
//! declares elected. Then the count's checks, each broken on purpose in a real count.
#![allow(clippy::unwrap_used, clippy::indexing_slicing)]

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use results_cli::import::stv;
use results_core::model::{Constituency, ResultsFile, Tally};
use results_core::stv::{fates, Fate};

fn shared(path: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/data/stv").join(path)
}

/// Every council of a Scottish file, imported: the files, and every warning.
fn scotland(file: &str) -> (Vec<ResultsFile>, Vec<String>) {
    let path = shared(file);
    let mut files = Vec::new();
    let mut warnings = Vec::new();
    for council in stv::scottish_councils(&path).unwrap() {
        let imported = stv::scotland(&path, &council).unwrap_or_else(|e| panic!("{council}: {e}"));
        assert!(results_core::validate(&imported.file).is_empty(), "{council}");
        files.push(imported.file);
        warnings.extend(imported.warnings);
    }
    (files, warnings)
}

fn contests(files: &[ResultsFile]) -> impl Iterator<Item = &Constituency> {
    files.iter().flat_map(|f| &f.constituencies)
}

/// The stage each candidate was elected at, by name (`None` for those not).
fn elected_at(seat: &Constituency) -> BTreeMap<&str, Option<usize>> {
    let count = seat.count.as_ref().unwrap();
    seat.candidates
        .iter()
        .zip(fates(seat, count))
        .map(|(c, fate)| (c.name.as_str(), if let Fate::Elected { stage, .. } = fate { Some(stage) } else { None }))
        .collect()
}

/// The source's elected flag of every candidate row: (ward code, name) -> elected.
fn scottish_flags(file: &str) -> BTreeMap<(String, String), bool> {
    let mut reader = csv::Reader::from_path(shared(file)).unwrap();
    let headers = reader.headers().unwrap().clone();
    let at = |name: &str| headers.iter().position(|h| h == name).unwrap();
    let (ward, name, elected) = (at("map_ward_id"), at("name"), at("elected"));
    reader
        .records()
        .map(|r| r.unwrap())
        .map(|r| ((r[ward].to_string(), r[name].split_whitespace().collect::<Vec<_>>().join(" ")), &r[elected] == "1"))
        .collect()
}

/// Every imported candidate's elected flag is the source's, and in a contest with a
/// count, the count elects exactly those (zero mismatches); returns how many
/// candidates were compared.
fn elected_match_the_source(files: &[ResultsFile], flags: &BTreeMap<(String, String), bool>) -> usize {
    let mut compared = 0;
    for seat in contests(files) {
        for candidate in &seat.candidates {
            let flag = flags.get(&(seat.code.clone(), candidate.name.clone())).unwrap_or_else(|| panic!("{} {}", seat.name, candidate.name));
            assert_eq!(candidate.elected, Some(*flag), "{}: {}", seat.name, candidate.name);
            compared += 1;
        }
        if staged(seat) {
            for (name, stage) in elected_at(seat) {
                let candidate = seat.candidates.iter().find(|c| c.name == name).unwrap();
                assert_eq!(stage.is_some(), candidate.elected == Some(true), "{}: {name}", seat.name);
            }
        }
    }
    compared
}

/// Whether the contest carries its count's stages (a count whose stages the source
/// gets wrong keeps only its quota).
fn staged(seat: &Constituency) -> bool {
    seat.count.as_ref().is_some_and(|c| !c.stages.is_empty())
}

fn with<'a>(warnings: &'a [String], text: &str) -> Vec<&'a String> {
    warnings.iter().filter(|w| w.contains(text)).collect()
}

#[test]
fn every_scottish_ward_of_2022_imports_with_its_count_or_the_sources_error() {
    let (files, warnings) = scotland("scotland_council_2022/council.csv");
    assert_eq!(files.len(), 32);
    let imported = contests(&files).count();
    // 33 contested wards have no figures at all: 28 with more candidates than seats
    // are left out, 5 with no more are read as returned unopposed.
    let no_votes = with(&warnings, "gives no votes for the ward");
    assert_eq!(no_votes.len(), 28, "{no_votes:#?}");
    assert!(no_votes.iter().any(|w| w.starts_with("North Ayrshire, Irvine West: the file gives no votes for the ward (10 candidates for 4 seats)")), "{no_votes:#?}");
    assert_eq!(with(&warnings, "read as returned unopposed").len(), 5);
    assert_eq!(imported + 28, 355);

    let without: Vec<&String> = with(&warnings, "the count's stages are left out");
    let places: Vec<&str> = without.iter().map(|w| w.split(':').next().unwrap()).collect();
    assert_eq!(places, ["Aberdeenshire, Fraserburgh and District", "East Dunbartonshire, Bishopbriggs North and Campsie", "East Dunbartonshire, Bishopbriggs South"]);
    assert!(without[0].contains("at stage 4 others gain 49.28435 votes, but nobody loses any"), "{}", without[0]);
    assert!(without[1].contains("Alan Harris's transfer at stage 2 is \"14.596068\"") && without[1].contains("\"462.466.26\""), "{}", without[1]);
    assert!(without[2].contains("\"0.0.00000\""), "{}", without[2]);
    assert_eq!(warnings.len(), 28 + 5 + 3, "{warnings:#?}");

    let counted = contests(&files).filter(|s| staged(s)).count();
    // 355 less 28 left out, 3 unopposed, 5 read as unopposed and 3 without their count.
    assert_eq!(counted, 316);
    let compared = elected_match_the_source(&files, &scottish_flags("scotland_council_2022/council.csv"));
    // Every row but those of the 28 wards left out (195 rows in the 33 wards
    // without figures, 9 of them in the 5 read as unopposed).
    assert_eq!(compared, 2547 - (195 - 9));

    let edinburgh = files.iter().find(|f| f.elections[0].id == "city-of-edinburgh-2022").unwrap();
    let almond = edinburgh.constituencies.iter().find(|s| s.name == "Almond").unwrap();
    let count = almond.count.as_ref().unwrap();
    assert_eq!(count.quota, Tally::votes(2782));
    assert_eq!(almond.valid_votes, Some(13909));
    let at = elected_at(almond);
    assert_eq!((at["Kevin Lang"], at["Norman Work"], at["Louise Young"], at["Lewis James Younie"]), (Some(1), Some(1), Some(2), Some(8)));
    assert_eq!(at.values().filter(|s| s.is_some()).count(), 4);
    // Lang's surplus of 3,122 moves at stage 2: 2,716.39423 of it to Young.
    assert_eq!(count.stages[1].surplus, [0]);
    assert_eq!(count.stages[1].transfers[1], Tally(271_639_423));
    assert!(count.stages[1].non_transferable_derived);
    let leith = edinburgh.constituencies.iter().find(|s| s.name == "Leith Walk").unwrap();
    assert_eq!(leith.count.as_ref().unwrap().quota, Tally::votes(2200));
    assert_eq!(elected_at(leith)["Jack Caldwell"], Some(12));
}

#[test]
fn every_scottish_ward_of_2017_imports_with_its_count_or_the_sources_error() {
    let (files, warnings) = scotland("scotland_council_2017/council17-mulvenna-org.csv");
    assert_eq!(files.len(), 32);
    assert_eq!(contests(&files).count(), 354);
    let left_out: Vec<&str> = with(&warnings, "the count's stages are left out").iter().map(|w| w.split(':').next().unwrap()).collect();
    assert_eq!(left_out, ["Glasgow City, Linn", "The Scottish Borders, Galashiels and District", "The Scottish Borders, Kelso and District"]);
    assert_eq!(with(&warnings, "Alan Digney's total after stage 2 (293) and this stage's transfer (10) make 303").len(), 1);
    assert_eq!(
        with(&warnings, "Bearsden North: the source's valid poll is 7034, but the first preferences add up to 7035, whose Droop quota (1759) is the count's quota").len(),
        1
    );
    assert_eq!(warnings.len(), 4, "{warnings:#?}");
    assert_eq!(contests(&files).filter(|s| staged(s)).count(), 351 - 3);
    elected_match_the_source(&files, &scottish_flags("scotland_council_2017/council17-mulvenna-org.csv"));
    let almond = contests(&files).find(|s| s.code == "S13002919").unwrap();
    assert_eq!((almond.count.as_ref().unwrap().quota, almond.valid_votes), (Tally::votes(2842), Some(14207)));
}

#[test]
fn every_assembly_constituency_of_2022_imports_and_the_known_errors_are_named() {
    let imported = stv::ni_assembly(&shared("ni_assembly_2022"), "2022-05-05").unwrap();
    let (file, warnings) = (imported.file, imported.warnings);
    assert!(results_core::validate(&file).is_empty());
    assert_eq!(file.constituencies.len(), 18);
    assert!(file.constituencies.iter().all(|s| s.seats == 5 && s.candidates.iter().filter(|c| c.elected == Some(true)).count() == 5));

    // SOURCES.md's known errors, each said.
    let one = |text: &str| assert_eq!(with(&warnings, text).len(), 1, "{text}: {warnings:#?}");
    one("Belfast North (belfast-north): Count.csv numbers two counts 10; the second (lines 142 to 155) is read as count 11");
    one("Fermanagh and South Tyrone (fermanagh-south-tyrone): Count.csv numbers two counts 7; the second (lines 114 to 129) is read as count 8");
    one("East Antrim (east-antrim): the source's valid poll is 54952, but the first preferences add up to 40235");
    one("Belfast South (belfast-south): Count.csv says \"Eliminated\" (lines 78, 92, 106)");
    // NonTransferable.csv matches Count.csv's counts nowhere: every constituency's
    // are derived, and each says so.
    assert_eq!(with(&warnings, "the non-transferable votes are derived from Count.csv's transfers").len(), 18);
    one("Belfast East (belfast-east): NonTransferable.csv lists 10 counts after the first where Count.csv has 9");
    // Others the counts' own figures show.
    one("Mid Ulster (mid-ulster): the source's quota is 8616, but the Droop quota of its valid poll (51689) is 8615");

    let counted: Vec<&str> = file.constituencies.iter().filter(|s| staged(s)).map(|s| s.code.as_str()).collect();
    // Those without stages are still counts by the transferable vote: their quota
    // is kept, and no majority is read from their first preferences.
    let foyle = file.constituencies.iter().find(|s| s.code == "foyle").unwrap();
    assert!(foyle.transferable() && !staged(foyle));
    assert_eq!(foyle.count.as_ref().unwrap().quota, Tally::votes(7811));
    // Without its stages the count gives no margin: none, rather than a majority of 0.
    let result = results_core::SeatResult::new(&file, foyle);
    assert!(!result.summary.majority_known);
    assert_eq!(counted, ["belfast-east", "belfast-south", "belfast-west", "east-antrim", "east-londonderry", "lagan-valley", "newry-armagh", "north-down", "west-tyrone"]);
    let left_out: Vec<&String> = with(&warnings, "the count's stages are left out");
    assert_eq!(left_out.len(), 9);
    assert!(with(&warnings, "Strangford (strangford): the count's stages are left out").iter().all(|w| w.contains("at stage 4 others gain 2522 votes, but nobody loses any")), "{warnings:#?}");

    let south = file.constituencies.iter().find(|s| s.code == "belfast-south").unwrap();
    assert_eq!(south.count.as_ref().unwrap().quota, Tally::votes(7824));
    assert_eq!(south.valid_votes, Some(46938));
    let at = elected_at(south);
    assert_eq!(
        [at["Deirdre Hargey"], at["Edwin Poots"], at["Matthew O'Toole"], at["Paula Bradshaw"], at["Kate Nicholl"]],
        [Some(1), Some(5), Some(6), Some(7), Some(8)]
    );
    let nicholl = south.candidates.iter().position(|c| c.name == "Kate Nicholl").unwrap();
    assert_eq!(fates(south, south.count.as_ref().unwrap())[nicholl], Fate::Elected { stage: 8, deemed: true });
}

#[test]
fn a_transferable_vote_is_read_as_first_preferences_with_the_counts_margin() {
    let imported = stv::scotland(&shared("scotland_council_2022/council.csv"), "edinburgh").unwrap();
    let file = imported.file;
    let almond = file.constituencies.iter().find(|s| s.name == "Almond").unwrap();
    assert!(almond.transferable());
    let result = results_core::SeatResult::new(&file, almond);
    // Younie, elected last with 2,870.28635, over Hill's 1,415.66953 at the end.
    assert_eq!(result.summary.majority, 1454);
    assert_eq!(result.summary.tie, None);
    let elected: Vec<&str> = result.rows.iter().filter(|r| r.elected).map(|r| r.name.as_str()).collect();
    assert_eq!(elected, ["Kevin Lang", "Norman Work", "Louise Young", "Lewis James Younie"]);
    let locale = results_core::locale::Locale::default();
    let line = results_core::view::ResultLine::new(&result, &locale);
    assert_eq!(line.majority(), Some("Counted by the single transferable vote: the votes are first preferences."));
    // Read back as the widget reads it, the contest is still transferable.
    let text = serde_json::to_string(&file).unwrap();
    let back = results_core::load::parse_results(&text).unwrap();
    assert_eq!(back.constituencies.iter().filter(|s| s.transferable()).count(), 17);
}

/// Almond 2022 as imported, for the checks below to break.
fn almond() -> Constituency {
    let imported = stv::scotland(&shared("scotland_council_2022/council.csv"), "edinburgh").unwrap();
    imported.file.constituencies.into_iter().find(|s| s.name == "Almond").unwrap()
}

fn problems(seat: &Constituency) -> Vec<String> {
    results_core::stv::check(seat, seat.count.as_ref().unwrap(), "c").iter().map(ToString::to_string).collect()
}

#[test]
fn a_count_is_checked_as_a_returning_officer_reads_it() {
    let good = almond();
    assert_eq!(problems(&good), Vec::<String>::new());
    let broken = |change: &dyn Fn(&mut Constituency)| {
        let mut seat = good.clone();
        change(&mut seat);
        problems(&seat)
    };
    assert_eq!(
        broken(&|s| s.count.as_mut().unwrap().quota = Tally::votes(2790)),
        ["c.count.quota: is 2790, but the Droop quota of 13909 valid votes and 4 seats is 2782 (a count whose rules set another quota says \"quota_given\": true)"]
    );
    // A quota the file gives as its rules' own is taken as given.
    let given = broken(&|s| {
        let count = s.count.as_mut().unwrap();
        count.quota = Tally::votes(2790);
        count.quota_given = true;
    });
    assert_eq!(given, Vec::<String>::new());
    assert_eq!(
        broken(&|s| s.candidates[0].votes += 1),
        ["c.valid_votes: is 13909, but the candidates' first preferences add up to 13910", "c.count.stages[1].totals[0]: is 2782, but Kevin Lang's total after stage 1 (5905) and this stage's transfer (-3122) make 2783"]
    );
    // A total that does not carry, and the stage's balance.
    assert_eq!(
        broken(&|s| s.count.as_mut().unwrap().stages[2].transfers[3] = Tally::votes(44)),
        [
            "c.count.stages[2].totals[3]: is 786.22217, but Fred Hessler's total after stage 2 (742.46537) and this stage's transfer (44) make 786.46537",
            "c.count.stages[2].transfers: move 2155.39423 votes, but the others receive 2080.40856 and 75.22887 are non-transferable: -0.2432 are not accounted for"
        ]
    );
    // A stage moving nobody's votes; a surplus of someone not elected; a candidate
    // out of range; a total left behind by an exclusion.
    assert_eq!(
        broken(&|s| s.count.as_mut().unwrap().stages[1].surplus.clear()),
        ["c.count.stages[1]: moves nobody's votes: a later stage moves a surplus (`surplus`), the votes of candidates excluded (`excluded`), or both"]
    );
    assert_eq!(broken(&|s| s.count.as_mut().unwrap().stages[1].surplus = vec![8])[0], "c.count.stages[1].surplus: moves the surplus of Lewis James Younie, who was not elected at an earlier stage");
    assert_eq!(broken(&|s| s.count.as_mut().unwrap().stages[0].elected.push(9))[0], "c.count.stages[0].elected[2]: names candidate 9, but the contest has 9 (counting from 0)");
    let excluded = good.count.as_ref().unwrap().stages.iter().position(|st| !st.excluded.is_empty()).unwrap();
    let who = good.count.as_ref().unwrap().stages[excluded].excluded[0];
    assert!(broken(&|s| s.count.as_mut().unwrap().stages[excluded].totals[who] = Tally::votes(1)).iter().any(|p| p.ends_with("'s votes all move at this stage")));
    // Elections: one too many, one below the quota before the end, flags that disagree.
    assert_eq!(broken(&|s| s.count.as_mut().unwrap().stages[0].elected.push(5)), [
        "c.count.stages[0].elected[2]: elects James Hill with 1040 votes, below the quota of 2782, before the last stage",
        "c.count: elects 5, but the contest has 4 seats",
        "c.candidates[5].elected: is false, but the count elects James Hill"
    ]);
    assert_eq!(broken(&|s| s.candidates[8].elected = Some(false)), ["c.candidates[8].elected: is false, but the count elects Lewis James Younie"]);
    // A count without stages (the source's could not be used) says its quota alone.
    assert_eq!(broken(&|s| s.count.as_mut().unwrap().stages.clear()), Vec::<String>::new());
    assert_eq!(broken(&|s| {
        s.count.as_mut().unwrap().stages.clear();
        s.count.as_mut().unwrap().quota = Tally::votes(2000);
    }).len(), 1);
    assert_eq!(broken(&|s| s.candidates[8].elected = None), ["c.candidates[8].elected: is missing: a contest with a count says whether it elected Lewis James Younie (`elected`)"]);
    assert_eq!(
        broken(&|s| s.count.as_mut().unwrap().stages[0].transfers = vec![Tally(0); 9]),
        ["c.count.stages[0]: is the first stage, the first preferences (the candidates' votes): it moves no votes, so it has only `elected`"]
    );
}

#[test]
fn a_count_reads_back_as_written() {
    let seat = almond();
    let file = ResultsFile {
        version: 1,
        attribution: None,
        updated: None,
        labels: Default::default(),
        elections: vec![results_core::Election { id: "city-of-edinburgh-2022".into(), name: "x".into(), date: "2022-05-05".into(), kind: results_core::ElectionKind::Local, boundaries: None, previous: None, attribution: None }],
        parties: Vec::new(),
        constituencies: vec![seat],
    };
    let text = serde_json::to_string(&file).unwrap();
    assert!(text.contains(r#""transfers":[-3122,2716.39423,0,54.46537"#), "{text}");
    let back = results_core::load::parse_unchecked(&text).unwrap();
    assert_eq!(back.constituencies[0].count, file.constituencies[0].count);
    // A count's figures must be numbers; its candidates must be named by place.
    let bad = text.replacen("\"quota\":2782", "\"quota\":\"many\"", 1).replacen("\"surplus\":[0]", "\"surplus\":[-1]", 1);
    let err = results_core::load::parse_unchecked(&bad).unwrap_err().to_string();
    assert!(err.contains("constituencies[0].count.quota: must be a number of votes, found string \"many\""), "{err}");
    assert!(err.contains("constituencies[0].count.stages[1].surplus[0]: must be a whole number of at least 0, found -1"), "{err}");
}
