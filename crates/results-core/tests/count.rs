//! A count by the single transferable vote as a reader follows it
//! (`stv::count_view`), from the data the `results` tool converted and ships.

#![allow(clippy::unwrap_used, clippy::indexing_slicing)]

use results_core::locale::{Locale, Numbers};
use results_core::model::Tally;
use results_core::stv::{count_view, tally, CountView};
use results_core::view::{Cell, Mark};
use results_core::{parse_results, ResultsFile};

fn shipped(path: &str) -> ResultsFile {
    let text = std::fs::read_to_string(format!("{}/../../data/{path}", env!("CARGO_MANIFEST_DIR"))).unwrap();
    parse_results(&text).unwrap()
}

fn view_of(file: &ResultsFile, election: &str) -> Result<CountView, String> {
    let seat = file.constituencies.iter().find(|s| s.election.contains(election)).unwrap();
    count_view(file, seat, &Locale::default()).unwrap()
}

/// Each row's first cell and the cell of stage `k` (from 1), as a reader reads them.
fn column(view: &CountView, k: usize) -> Vec<(String, String)> {
    view.rows.iter().map(|row| (row.cells[0].plain(), row.cells[k].plain())).collect()
}

#[test]
fn almond_2022_says_who_was_elected_when_and_shows_every_stage() {
    let view = view_of(&shipped("city-of-edinburgh/seats/S13002919.json"), "2022").unwrap();
    assert_eq!(view.quota, "A candidate needed 2,782 votes (the quota) to be elected.");
    assert_eq!(
        view.story,
        "Kevin Lang and Norman Work were elected on first preferences; Louise Young at stage 2, after Kevin Lang's surplus was transferred; \
         Lewis James Younie at stage 8, after Andrew Brough was excluded."
    );
    let head: Vec<String> = view.head.cells.iter().map(Cell::plain).collect();
    assert_eq!(head.len(), 1 + 8);
    assert_eq!(head[0], "Candidate");
    assert_eq!(head[1], "Stage 1 First preferences");
    assert_eq!(head[2], "Stage 2 Kevin Lang's surplus was transferred");
    assert_eq!(head[8], "Stage 8 Andrew Brough was excluded");
    assert_eq!(view.head.mark, Mark::Head);
    // The elected in the order they were elected, then who was still in, then the
    // excluded, the last first.
    let names: Vec<String> = view.rows.iter().map(|row| row.cells[0].plain()).collect();
    assert_eq!(
        names,
        [
            "Kevin Lang Elected at stage 1",
            "Norman Work Elected at stage 1",
            "Louise Young Elected at stage 2",
            "Lewis James Younie Elected at stage 8",
            "James Hill",
            "Andrew Brough Excluded at stage 8",
            "Fred Hessler Excluded at stage 7",
            "Stewart Geddes Excluded at stage 6",
            "Annemarie Baillie Excluded at stage 5",
        ]
    );
    let marks: Vec<Mark> = view.rows.iter().map(|row| row.mark).collect();
    assert_eq!(marks.iter().filter(|m| **m == Mark::Elected).count(), 4);
    // Every row has the name and a cell a stage.
    assert!(view.rows.iter().all(|row| row.cells.len() == 1 + 8));
    // First preferences; a surplus leaving (signed) and arriving, to two places.
    assert_eq!(column(&view, 1)[0].1, "5,904 Elected");
    assert_eq!(column(&view, 2)[0].1, "2,782 −3,122");
    assert_eq!(column(&view, 2)[2].1, "4,937.39 +2,716.39 Elected");
    assert_eq!(column(&view, 8)[3].1, "2,870.29 +435.26 Elected");
    // An excluded candidate's votes all leave, and they have no later figures.
    assert_eq!(column(&view, 7)[6].1, "0 −837.11 Excluded");
    assert_eq!(column(&view, 8)[6].1, "–");
    // Nothing moved: the total alone, no note.
    assert_eq!(view.rows[0].cells[3], Cell::Text("2,782".into(), None));
    // The chart: each candidate's highest total, and the quota's line.
    assert_eq!(view.chart.bars.len(), 9);
    assert_eq!(view.chart.bars[2].value_label, "4,937.39");
    assert_eq!(view.chart.bars[2].label, "Louise Young, Liberal Democrat");
    let (at, label) = view.chart.line.clone().unwrap();
    assert_eq!(label, "Quota 2,782");
    assert!((at - 2782.0 / 5904.0).abs() < 1e-9);
    assert!(view.chart.description.starts_with("Quota 2,782; Kevin Lang, Liberal Democrat: 5,904;"));
}

#[test]
fn belfast_south_2022_has_its_deemed_elected() {
    let view = view_of(&shipped("ni-assembly-2022/seats/belfast-south.json"), "2022").unwrap();
    assert_eq!(view.quota, "A candidate needed 7,824 votes (the quota) to be elected.");
    assert!(view.story.starts_with("Deirdre Hargey was elected on first preferences; "), "{}", view.story);
    // A stage may move a surplus and exclude a candidate at once.
    assert_eq!(
        view.story,
        "Deirdre Hargey was elected on first preferences; Edwin Poots at stage 5, after Andrew Girvin was excluded; \
         Matthew O'Toole at stage 6, after Edwin Poots's surplus was transferred and Elsie Trainor was excluded; \
         Paula Bradshaw at stage 7, after Matthew O'Toole's surplus was transferred and Stephen McCarthy was excluded; \
         Kate Nicholl at stage 8, after Paula Bradshaw's surplus was transferred."
    );
    let first = view.rows[0].cells[0].plain();
    assert_eq!(first, "Deirdre Hargey Elected at stage 1");
    let last_elected = view.rows.iter().rfind(|row| row.mark == Mark::Elected).unwrap();
    assert_eq!(last_elected.cells[0].plain(), "Kate Nicholl Deemed elected at stage 8");
}

#[test]
fn a_count_without_stages_says_so_and_shows_no_table() {
    // Foyle's stages are wrong in the source: the tool kept its quota alone.
    let view = view_of(&shipped("ni-assembly-2022/seats/foyle.json"), "2022").unwrap();
    assert!(view.quota.starts_with("A candidate needed "));
    assert_eq!(view.story, "The data gives the count's quota and who was elected, not its stages.");
    assert!(view.rows.is_empty());
}

#[test]
fn a_count_that_does_not_fit_its_contest_says_which_stage() {
    let mut file = shipped("city-of-edinburgh/seats/S13002919.json");
    let seat = file.constituencies.iter_mut().find(|s| s.election.contains("2022")).unwrap();
    let count = seat.count.as_mut().unwrap();
    count.stages[3].totals.pop();
    let message = view_of(&file, "2022").unwrap_err();
    assert_eq!(message, "The count cannot be shown stage by stage: its stage 4 does not fit the contest's 9 candidates.");

    let mut file = shipped("city-of-edinburgh/seats/S13002919.json");
    let seat = file.constituencies.iter_mut().find(|s| s.election.contains("2022")).unwrap();
    seat.count.as_mut().unwrap().stages[5].excluded = vec![usize::MAX];
    assert_eq!(view_of(&file, "2022").unwrap_err(), "The count cannot be shown stage by stage: its stage 6 does not fit the contest's 9 candidates.");

    // A first stage that names someone the contest lacks is left alone, not a panic.
    let mut file = shipped("city-of-edinburgh/seats/S13002919.json");
    let seat = file.constituencies.iter_mut().find(|s| s.election.contains("2022")).unwrap();
    seat.count.as_mut().unwrap().stages[0].elected.push(40);
    assert!(view_of(&file, "2022").is_ok());
}

#[test]
fn a_contest_without_a_count_has_no_count_view() {
    let file = shipped("seats/E14001086.json");
    let seat = &file.constituencies[0];
    assert!(count_view(&file, seat, &Locale::default()).is_none());
}

#[test]
fn votes_in_a_count_read_as_published() {
    let en = Numbers::default();
    let de = Numbers::for_tag("de");
    let cases = [
        (Tally(0), "0", "0"),
        (Tally::votes(2782), "2,782", "2.782"),
        (Tally(271_639_423), "2,716.39", "2.716,39"),
        (Tally(271_639_999), "2,716.40", "2.716,40"),
        (Tally(99_999_999_500), "1,000,000.00", "1.000.000,00"),
        (Tally(-312_200_000), "−3,122", "−3.122"),
        (Tally(-400), "0.00", "0,00"),
        (Tally(-600), "−0.01", "−0,01"),
        (Tally(1), "0.00", "0,00"),
    ];
    for (votes, english, german) in cases {
        assert_eq!(tally(&en, votes), english, "{votes:?}");
        assert_eq!(tally(&de, votes), german, "{votes:?}");
    }
}
