//! Social cards (issue 21): every 2024 seat, the Tower Hamlets council and mayoral
//! counts, in both shapes and both themes, make a well-formed SVG of the card's size
//! whose text stays inside it, whose bars add up to the count, and whose words say
//! the result.
#![allow(clippy::unwrap_used, clippy::indexing_slicing)]

use results_core::card::{card_svg, Card, Shape, Theme};
use results_core::locale::Locale;
use results_core::{ResultsFile, SeatResult};

fn data(path: &str) -> String {
    std::fs::read_to_string(format!("{}/../../data/{path}", env!("CARGO_MANIFEST_DIR"))).unwrap()
}

/// A seat's latest result and its credit, from a shipped results file.
fn result(path: &str, code: &str) -> (SeatResult, Option<String>) {
    let file: ResultsFile = results_core::parse_results(&data(path)).unwrap();
    let contest = file.contest(code, None).unwrap();
    (
        SeatResult::new(&file, contest),
        file.credit(&contest.election).map(str::to_string),
    )
}

/// The result `code`'s latest is compared with (`history::previous`).
fn before(path: &str, code: &str) -> Option<SeatResult> {
    let file: ResultsFile = results_core::parse_results(&data(path)).unwrap();
    results_core::history::previous(
        file.contest(code, None).unwrap(),
        &results_core::history::seat_history(&file, code, None),
    )
    .cloned()
}

/// A line of text as drawn: its x, size, boldness and words.
type Line = (f64, f64, bool, String);

/// Each `<text>`'s x, size, weight and words, and the SVG's width and height, read
/// back from the SVG by an XML parser (which also proves it well-formed).
fn texts(svg: &str) -> ((f64, f64), Vec<Line>) {
    let doc = roxmltree::Document::parse(svg).unwrap_or_else(|e| panic!("{e}: {svg}"));
    let root = doc.root_element();
    let size = (
        root.attribute("width").unwrap().parse().unwrap(),
        root.attribute("height").unwrap().parse().unwrap(),
    );
    let texts = doc
        .descendants()
        .filter(|n| n.has_tag_name("text"))
        .map(|n| {
            let number = |name: &str| n.attribute(name).unwrap().parse::<f64>().unwrap();
            (
                number("x"),
                number("font-size"),
                n.attribute("font-weight") == Some("700"),
                n.text().unwrap_or_default().to_string(),
            )
        })
        .collect();
    (size, texts)
}

#[test]
fn bethnal_green_and_stepney_says_its_result_in_words_and_bars() {
    let (seat, credit) = result("seats/E14001086.json", "E14001086");
    let previous = before("seats/E14001086.json", "E14001086");
    let card = Card::new(
        &seat,
        previous.as_ref(),
        credit.as_deref(),
        &Locale::default(),
        Card::bars_for(Shape::Landscape),
    );
    assert_eq!(card.election, "2024 general election");
    assert_eq!(card.seat, "Bethnal Green and Stepney");
    assert_eq!(card.headline, "Lab hold");
    // The article's story: the majority cut from 37,524 to 1,689.
    assert_eq!(card.detail.as_deref(), Some("Labour held Bethnal Green and Stepney with a majority of 1,689 over an independent, down from 37,524 in 2019."));
    assert!(credit.as_deref().unwrap().contains(
        "Contains Parliamentary information licensed under the Open Parliament Licence v3.0"
    ));
    // Eleven candidates: the five leaders, then the other six together.
    let labels: Vec<&str> = card.bars.iter().map(|bar| bar.label.as_str()).collect();
    assert_eq!(
        labels,
        [
            "Rushanara Ali, Labour",
            "Ajmal Masroor, Independent",
            "Phoebe Gill, Green",
            "Rabina Khan, Liberal Democrat",
            "Peter Sceats, Reform UK",
            "Others (6)"
        ]
    );
    assert_eq!(card.bars[0].value, "34.1%");
    assert!(card.bars[0].elected && !card.bars[1].elected);
    assert_eq!(card.bars[5].value, "7.3%");
    let total: f64 = card.bars.iter().map(|bar| bar.share.unwrap()).sum();
    assert!((total - 1.0).abs() < 1e-9, "{total}");
    // The square card has room for eight bars: seven leaders and four others.
    let square = Card::new(
        &seat,
        None,
        credit.as_deref(),
        &Locale::default(),
        Card::bars_for(Shape::Square),
    );
    assert_eq!(square.bars.len(), 8);
    assert_eq!(square.bars[7].label, "Others (4)");

    let svg = card_svg(&card, Shape::Landscape, Theme::Light);
    let ((w, h), texts) = texts(&svg);
    assert_eq!((w, h), (1200.0, 675.0));
    let words: Vec<&str> = texts.iter().map(|t| t.3.as_str()).collect();
    for line in [
        "2024 general election",
        "Lab hold",
        "Rushanara Ali, Labour",
        "34.1%",
        "Others (6)",
        "7.3%",
    ] {
        assert!(words.contains(&line), "{line} not in {words:?}");
    }
    assert!(
        words.join(" ").contains("Bethnal Green and Stepney"),
        "{words:?}"
    );
    assert!(
        words.join(" ").contains("Open Parliament Licence v3.0"),
        "{words:?}"
    );
    // The winner's colour beside the headline, and the accessible name in full.
    assert!(
        svg.contains("fill=\"#E4003B\"") || svg.contains("fill=\"#e4003b\""),
        "{svg}"
    );
    assert!(svg.contains("<title id=\"card-title\">2024 general election: Labour held Bethnal Green and Stepney with a majority of 1,689 over an independent, down from 37,524 in 2019. Rushanara Ali, Labour 34.1%; Ajmal Masroor, Independent 30.5%;"));
}

/// How low each mark but the credit and the background reaches: each bar's and
/// swatch's bottom, each line of text's baseline.
fn lowest_marks(svg: &str) -> Vec<f64> {
    let doc = roxmltree::Document::parse(svg).unwrap();
    let number = |n: &roxmltree::Node, name: &str| {
        n.attribute(name)
            .and_then(|v| v.parse::<f64>().ok())
            .unwrap_or(0.0)
    };
    doc.descendants()
        .filter_map(|n| match n.tag_name().name() {
            "rect" if n.attribute("x").is_some() => Some(number(&n, "y") + number(&n, "height")),
            "text" if n.attribute("font-size") != Some("20") => Some(number(&n, "y")),
            _ => None,
        })
        .collect()
}

#[test]
fn every_seat_of_2024_makes_cards_whose_words_fit_and_bars_add_up() {
    let index = results_core::parse_index(&data("index.json")).unwrap();
    assert_eq!(index.seats.len(), 650);
    let mut others = 0;
    for row in &index.seats {
        let path = format!("seats/{}.json", row.code);
        let (seat, credit) = result(&path, &row.code);
        let previous = before(&path, &row.code);
        for shape in [Shape::Landscape, Shape::Square] {
            let card = Card::new(
                &seat,
                previous.as_ref(),
                credit.as_deref(),
                &Locale::default(),
                Card::bars_for(shape),
            );
            assert!(
                card.bars.len() <= Card::bars_for(shape) && card.bars.len() >= 2,
                "{}",
                row.code
            );
            assert_eq!(
                card.bars[0].label,
                format!("{}, {}", seat.rows[0].name, seat.rows[0].party_name)
            );
            let total: f64 = card.bars.iter().map(|bar| bar.share.unwrap()).sum();
            let counted: f64 = seat.rows.iter().map(|r| r.share).sum();
            assert!(
                (total - counted).abs() < 1e-9,
                "{}: {total} against {counted}",
                row.code
            );
            // An "Others" bar exactly where more candidates stood than the card has bars for.
            let has_others = card.bars.last().unwrap().label.starts_with("Others (");
            assert_eq!(
                has_others,
                seat.rows.len() > Card::bars_for(shape),
                "{} {shape:?}",
                row.code
            );
            others += usize::from(has_others);
            for theme in [Theme::Light, Theme::Dark] {
                let svg = card_svg(&card, shape, theme);
                let ((_, h), drawn) = texts(&svg);
                // The seat's name and the headline whole, however long.
                let cut: Vec<&str> = drawn
                    .iter()
                    .filter(|t| t.2 && t.0 == 56.0 && t.1 >= 28.0 && t.3.ends_with('…'))
                    .map(|t| t.3.as_str())
                    .collect();
                assert!(cut.is_empty(), "{} {shape:?}: cut {cut:?}", row.code);
                // Nothing drawn lower than the margin at the foot, or over the credit.
                let credit_top = h - 56.0 - 24.0 * 2.0;
                for bottom in lowest_marks(&svg) {
                    assert!(
                        bottom <= credit_top,
                        "{} {shape:?}: a mark reaches {bottom}, below {credit_top}",
                        row.code
                    );
                }
            }
        }
    }
    // Many seats had more candidates than a card has bars (458 cards of 1,300).
    assert!(others > 300, "{others}");
}

#[test]
fn a_ward_for_three_seats_lists_its_others_without_adding_shares_of_ballots() {
    let (ward, credit) = result("tower-hamlets-2022/seats/E05009317.json", "E05009317");
    let card = Card::new(&ward, None, credit.as_deref(), &Locale::default(), 6);
    assert_eq!(card.headline, "Lab 2, Aspire 1");
    assert_eq!(card.detail.as_deref(), Some("Elected: Sirajul Islam (Lab), Rebaka Sultana (Lab), Ahmodul Kabir (Aspire). 41 votes between the last elected and the next candidate."));
    // Several parties' seats: no one winner's colour beside the headline.
    assert_eq!(card.colour, None);
    assert_eq!(card.bars.iter().filter(|bar| bar.elected).count(), 3);
    let others = card.bars.last().unwrap();
    assert_eq!(
        (others.label.as_str(), others.share, others.value.as_str()),
        ("Others (10)", None, "")
    );
    let svg = card_svg(&card, Shape::Landscape, Theme::Dark);
    // The background and the five leaders' bars: no swatch, no bar for the others.
    assert_eq!(svg.matches("<rect").count(), 1 + 5, "{svg}");
    assert!(svg.contains("fill=\"#161616\""));
    assert!(svg.contains("<title id=\"card-title\">Bethnal Green East, Tower Hamlets council election 2022: Lab 2, Aspire 1. Elected: Sirajul Islam (Lab),"), "{svg}");
}

#[test]
fn a_count_not_yet_declared_says_so_and_names_no_winner() {
    // The file as it is on election night before the declaration: "declared": false.
    let file: ResultsFile = results_core::parse_results(&data("seats/E14001086.json")).unwrap();
    let mut contest = file.contest("E14001086", None).unwrap().clone();
    contest.declared = Some(false);
    let seat = SeatResult::new(&file, &contest);
    assert!(!seat.summary.declared);
    let card = Card::new(&seat, None, None, &Locale::default(), 6);
    assert_eq!(card.headline, "Awaiting declaration");
    assert_eq!(card.detail, None);
    assert_eq!(card.colour, None);
    assert!(
        card.bars.iter().all(|bar| !bar.elected),
        "no one is shown elected"
    );
    let svg = card_svg(&card, Shape::Landscape, Theme::Light);
    assert!(svg.contains(">Awaiting declaration</text>"), "{svg}");
}

#[test]
fn a_welsh_card_names_the_seat_in_welsh_and_dark_cards_use_dark_party_colours() {
    let (seat, credit) = result("seats/W07000082.json", "W07000082");
    let welsh = Locale {
        lang: Some("cy".into()),
        ..Locale::default()
    };
    let card = Card::new(&seat, None, credit.as_deref(), &welsh, 6);
    assert_eq!(card.seat, "Alun a Glannau Dyfrdwy");
    assert!(
        card.detail
            .as_deref()
            .unwrap()
            .starts_with("Labour held Alun a Glannau Dyfrdwy with a majority of 8,794"),
        "{:?}",
        card.detail
    );
    let light = card_svg(&card, Shape::Square, Theme::Light);
    let dark = card_svg(&card, Shape::Square, Theme::Dark);
    let labour = &seat.rows[0];
    let dark_labour = labour.dark_colour.as_deref().unwrap();
    assert!(
        light.contains(&format!("fill=\"{}\"", labour.colour)) && !light.contains(dark_labour),
        "{light}"
    );
    assert!(dark.contains(&format!("fill=\"{dark_labour}\"")), "{dark}");
}

#[test]
fn hostile_names_are_text_in_the_card() {
    let payload = "<script>alert(1)</script>\"><svg onload=alert(2)>&";
    let in_json = payload.replace('"', "\\\"");
    let text = data("seats/E14001086.json")
        .replace("Rushanara Ali", &in_json)
        .replace("Bethnal Green and Stepney", &in_json);
    let file = results_core::parse_results(&text).unwrap();
    let seat = SeatResult::new(&file, file.contest("E14001086", None).unwrap());
    let card = Card::new(&seat, None, Some(payload), &Locale::default(), 6);
    for shape in [Shape::Landscape, Shape::Square] {
        let svg = card_svg(&card, shape, Theme::Light);
        let (_, texts) = texts(&svg);
        assert!(
            texts.iter().any(|t| t.3.contains("<script>")),
            "the name is shown as text"
        );
        assert!(
            !svg.contains("<script") && !svg.contains("<svg onload"),
            "{svg}"
        );
    }
}

#[test]
fn a_long_story_is_set_smaller_rather_than_cut() {
    // Belfast South elected five by the single transferable vote: the names and the
    // count's note take six lines at 22 px in the landscape card's left column.
    let (seat, credit) = result("ni-assembly-2022/seats/belfast-south.json", "belfast-south");
    let card = Card::new(
        &seat,
        None,
        credit.as_deref(),
        &Locale::default(),
        Card::bars_for(Shape::Landscape),
    );
    let detail = card.detail.clone().unwrap();
    assert!(
        detail
            .ends_with("Counted by the single transferable vote: the votes are first preferences."),
        "{detail}"
    );
    let (_, texts) = texts(&card_svg(&card, Shape::Landscape, Theme::Light));
    let story: Vec<&str> = texts
        .iter()
        .filter(|t| !t.2 && t.1 < 28.0 && t.1 > 20.0 && t.0 < 500.0)
        .map(|t| t.3.as_str())
        .collect();
    assert_eq!(story.join(" "), detail, "{story:?}");
}

#[test]
fn a_count_with_stages_gives_its_majority_after_them_beside_first_preferences() {
    let (mayor, credit) = result("tower-hamlets-mayor-2022.json", "E09000030");
    let card = Card::new(&mayor, None, credit.as_deref(), &Locale::default(), 6);
    assert_eq!(
        card.detail.as_deref(),
        Some("Elected: Lutfur Rahman. Majority 7,317 after second preferences.")
    );
    assert_eq!(
        card.bars[0].label,
        "Lutfur Rahman, Aspire: first preferences"
    );
}

#[test]
fn characters_xml_does_not_allow_are_left_out_and_the_card_stays_readable() {
    // A name the JSON reader accepts (`\u0001`, `\uFFFF`) that XML does not.
    let text = data("seats/E14001086.json").replace("Rushanara Ali", "Rushanara\\u0001 Ali\\uFFFF");
    let file = results_core::parse_results(&text).unwrap();
    let seat = SeatResult::new(&file, file.contest("E14001086", None).unwrap());
    let card = Card::new(&seat, None, None, &Locale::default(), 6);
    for shape in [Shape::Landscape, Shape::Square] {
        let (_, texts) = texts(&card_svg(&card, shape, Theme::Light));
        assert!(
            texts.iter().any(|t| t.3 == "Rushanara Ali, Labour"),
            "{texts:?}"
        );
    }
}
