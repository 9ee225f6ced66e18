//! The `results` command as a newsroom developer runs it.
#![allow(clippy::unwrap_used, clippy::indexing_slicing)]

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn results(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_results")).args(args).output().unwrap()
}

fn shared(file: &str) -> String {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/data").join(file).display().to_string()
}

fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("results-cli-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

#[test]
fn validate_lists_every_problem_and_fails() {
    let dir = scratch("validate");
    let bad = dir.join("bad.json");
    std::fs::write(
        &bad,
        r##"{"version":1,"elections":[{"id":"ge","name":"GE","date":"2024-07-04","kind":"general"}],
        "parties":[{"id":"lab","name":"Labour","abbreviation":"Lab","colour":"red"}],
        "constituencies":[{"code":"E1","name":"A","election":"ge","valid_votes":10,"electorate":5,
          "candidates":[{"name":"X","party":"lab","votes":8},{"name":"Y","party":"grn","votes":1}]}]}"##,
    )
    .unwrap();
    let out = results(&["validate", bad.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&out.stderr);
    for expected in [
        "parties[0].colour: must be a hex colour such as #e4003b, found \"red\"",
        "constituencies[0].candidates[1].party: names party \"grn\", which is not in `parties`",
        "constituencies[0].valid_votes: is 10, but the candidates' votes add up to 9",
        "constituencies[0].electorate: is 5, fewer than the 10 votes cast",
    ] {
        assert!(stderr.contains(expected), "missing {expected:?} in {stderr}");
    }
}

#[test]
fn the_shipped_data_validates() {
    let data = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../data");
    let out = results(&["validate", data.to_str().unwrap()]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    // 650 seats and the index, the postcode areas, Tower Hamlets (20 wards, index,
    // mayor), and the counts by the single transferable vote: Edinburgh's 17 wards and
    // the Assembly's 18 constituencies, each with an index.
    assert!(String::from_utf8_lossy(&out.stdout).contains("830 file(s) valid"), "{}", String::from_utf8_lossy(&out.stdout));
}

/// An election night replays a count by the single transferable vote: its seats
/// start without their counts (whose stages would elect candidates on no votes),
/// then declare with them.
#[test]
fn simulate_replays_an_assembly_election_counted_by_transferable_vote() {
    let dir = scratch("simulate-stv");
    let (from, night) = (dir.join("from"), dir.join("night"));
    let out = results(&["import", "ni-assembly", "--date", "2022-05-05", "--out", from.to_str().unwrap(), "--dir", &shared("stv/ni_assembly_2022")]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let out = results(&["simulate", "--from", from.to_str().unwrap(), "--out", night.to_str().unwrap(), "--interval", "0", "--steps", "1", "--batch", "5"]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let index = results_core::parse_index(&std::fs::read_to_string(night.join("index.json")).unwrap()).unwrap();
    assert_eq!(index.seats.len(), 18);
    assert_eq!(index.seats.iter().filter(|r| r.declared).count(), 5, "one step of five");
    let waiting = index.seats.iter().find(|r| !r.declared).unwrap();
    let file = results_core::parse_results(&std::fs::read_to_string(night.join(format!("seats/{}.json", waiting.code))).unwrap()).unwrap();
    let contest = file.contest(&waiting.code, None).unwrap();
    assert!(contest.count.is_none() && contest.candidates.iter().all(|c| c.votes == 0 && c.elected.is_none()));
}

/// A directory as `results import` and `results hexmap` write it (its store of hex
/// positions included) validates; positions that are not positions do not.
#[test]
fn validate_reads_the_hex_positions_with_their_own_reader() {
    let dir = scratch("validate-hexmap");
    let seat = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../data/seats/E14001086.json");
    std::fs::create_dir_all(dir.join("seats")).unwrap();
    std::fs::copy(&seat, dir.join("seats/E14001086.json")).unwrap();
    std::fs::write(dir.join("hexmap.json"), r#"{"E14001086":[57,-37]}"#).unwrap();
    let out = results(&["validate", dir.to_str().unwrap()]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    assert!(String::from_utf8_lossy(&out.stdout).contains("2 file(s) valid"));
    std::fs::write(dir.join("hexmap.json"), r#"{"E14001086":"here"}"#).unwrap();
    let out = results(&["validate", dir.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("hexmap.json: not the hex map positions `results hexmap` writes"), "{}", String::from_utf8_lossy(&out.stderr));
}

#[test]
fn schema_is_json_describing_the_format() {
    let out = results(&["schema"]);
    assert!(out.status.success());
    let schema: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(schema["title"], "Results JSON, format version 1");
    let text = String::from_utf8_lossy(&out.stdout);
    for field in ["constituencies", "candidates", "valid_votes", "dark_colour", "notional"] {
        assert!(text.contains(field), "{field}");
    }
}

#[test]
fn every_command_has_help_with_an_example() {
    for args in [&["--help"][..], &["validate", "--help"], &["schema", "--help"], &["render", "--help"], &["hexmap", "--help"], &["import", "hoc", "--help"], &["import", "ec2015", "--help"], &["import", "ec2010", "--help"], &["import", "ec2005", "--help"], &["import", "ec2017", "--help"], &["import", "london", "--help"], &["import", "mayor-sv", "--help"], &["import", "lga", "--help"], &["import", "csv", "--help"], &["import", "stv-scotland", "--help"], &["import", "ni-assembly", "--help"], &["postcodes", "--help"], &["postcode", "--help"], &["card", "--help"]] {
        let out = results(args);
        assert!(out.status.success(), "{args:?}");
        assert!(String::from_utf8_lossy(&out.stdout).contains("Example"), "{args:?}");
    }
}

#[test]
fn importing_into_a_directory_adds_the_election() {
    let dir = scratch("import");
    let out_dir = dir.to_str().unwrap();
    let first = results(&["import", "hoc", "--election", "ge2019", "--out", out_dir, "--candidates", &shared("HoC-GE2019-results-by-candidate.csv"), "--constituencies", &shared("HoC-GE2019-results-by-constituency.csv")]);
    assert!(first.status.success(), "{}", String::from_utf8_lossy(&first.stderr));
    let second = results(&["import", "hoc", "--election", "ge2024", "--out", out_dir, "--candidates", &shared("HoC-GE2024-results-by-candidate.csv"), "--constituencies", &shared("HoC-GE2024-results-by-constituency.csv")]);
    assert!(second.status.success(), "{}", String::from_utf8_lossy(&second.stderr));
    assert!(String::from_utf8_lossy(&second.stderr).contains("wrote index.json and 650 seat files"));

    let index: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(dir.join("index.json")).unwrap()).unwrap();
    assert_eq!(index["election"], "ge2024");
    assert_eq!(index["elections"].as_array().unwrap().len(), 2);
    assert_eq!(index["seats"].as_array().unwrap().len(), 650);
    let row = index["seats"].as_array().unwrap().iter().find(|r| r["code"] == "E14001086").unwrap();
    assert_eq!(row["majority"], 1689);
    // Held: the party that held the seat before (notionally) is the winner's.
    assert_eq!((&row["party"], &row["before"]), (&serde_json::json!("lab"), &serde_json::json!("lab")));
    // The seat's file is found by its code; the row does not name it.
    assert!(row.get("file").is_none() && dir.join("seats/E14001086.json").is_file());
    // A 2024 seat with new boundaries and no named predecessor holds 2024 only.
    let seat = std::fs::read_to_string(dir.join("seats/E14001086.json")).unwrap();
    assert!(seat.contains("\"ge2024\"") && !seat.contains("\"election\":\"ge2019\""));
    assert!(results(&["validate", out_dir]).status.success());
}

#[test]
fn a_malformed_csv_names_the_line() {
    let dir = scratch("malformed");
    let bad = dir.join("candidates.csv");
    std::fs::write(&bad, "ONS ID,Constituency name,Region name,Country name,Party name,Party abbreviation,Candidate first name,Candidate surname,Sitting MP,Votes\nE1,A,R,N,Lab,Lab,A,B,No,12\nE1,A,R,N,Lab,Lab,A,B,No\n").unwrap();
    let out = results(&["import", "hoc", "--election", "ge2024", "--out", dir.join("out").to_str().unwrap(), "--candidates", bad.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("line 3") && stderr.contains("expected 10 fields, found 9"), "{stderr}");
}

fn local(file: &str) -> String {
    shared(&format!("local/{file}"))
}

fn read_index(dir: &Path) -> serde_json::Value {
    serde_json::from_str(&std::fs::read_to_string(dir.join("index.json")).unwrap()).unwrap()
}

#[test]
fn importing_local_elections() {
    let dir = scratch("local");
    let council = dir.join("tower-hamlets-2022");
    let out = results(&[
        "import", "london", "--year", "2022", "--borough", "E09000030", "--out", council.to_str().unwrap(),
        "--candidates", &local("gla-london-borough-elections-2022/London-2022-Wards__Candidates.csv"),
        "--wards", &local("gla-london-borough-elections-2022/ward_level_cleaned_2022.csv"),
    ]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let index = read_index(&council);
    assert_eq!(index["election"], "local.tower-hamlets.2022-05-05");
    assert_eq!(index["seats"].as_array().unwrap().len(), 20);
    let row = index["seats"].as_array().unwrap().iter().find(|r| r["code"] == "E05009317").unwrap();
    assert_eq!(row["name"].as_str(), Some("Bethnal Green East"));
    assert_eq!(row["elected"], serde_json::json!(["lab", "lab", "aspire"]), "the ward's three seats, by party");
    assert!(results(&["validate", council.to_str().unwrap()]).status.success());

    let mayor = dir.join("mayor");
    let out = results(&["import", "mayor-sv", "--file", &local("tower-hamlets-mayor/tower_hamlets_mayor_2015_2018_2022_sv.csv"), "--year", "2022", "--out", mayor.to_str().unwrap()]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let row = &read_index(&mayor)["seats"][0];
    assert_eq!((row["winner"].as_str(), row["majority"].as_u64()), (Some("Lutfur Rahman"), Some(7317)));

    let by = dir.join("by");
    let out = results(&["import", "lga", "--file", &local("trafford-council/trafford_council_election_results.csv"), "--date", "2022-12-15", "--out", by.to_str().unwrap()]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    // A win: nothing is known of the ward before, so no `before`.
    let row = &read_index(&by)["seats"][0];
    assert_eq!((&row["party"], row.get("before")), (&serde_json::json!("lab"), None));

    let example = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../examples/ward.csv");
    let ward = dir.join("ward");
    let out = results(&["import", "csv", "--file", example.to_str().unwrap(), "--out", ward.to_str().unwrap()]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    assert_eq!(read_index(&ward)["seats"][0]["elected"], serde_json::json!(["lab", "lab", "aspire"]));

    // The London layouts need the right files.
    let out = results(&["import", "london", "--year", "2026", "--out", ward.to_str().unwrap(), "--candidates", &local("gla-london-borough-elections-2026/candidates_2026.csv")]);
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("2026 needs --wards"));
}

#[test]
fn render_writes_hostile_strings_as_inert_text() {
    let dir = scratch("render-hostile");
    let shipped = std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("../../data/seats/E14001086.json")).unwrap();
    let payload = r#"<img src=x onerror=alert(1)><script>alert(2)</script>\"><svg onload=alert(3)>"#;
    let hostile = shipped
        .replace("Rushanara Ali", payload)
        .replace("Bethnal Green and Stepney", payload)
        .replace("\"Labour\"", &format!("\"{payload}\""))
        .replace("2024 general election", payload);
    std::fs::create_dir_all(dir.join("seats")).unwrap();
    std::fs::write(dir.join("seats/E14001086.json"), hostile).unwrap();
    let render = || results(&["render", "--view", "result", "--seat", "E14001086", "--src", "data/", "--data", dir.to_str().unwrap()]);
    // The party colours come from the data's stylesheet, which `results colours` writes.
    let out = render();
    assert_eq!(out.status.code(), Some(1));
    let said = String::from_utf8_lossy(&out.stderr);
    assert!(said.contains(&format!("there is no colours.css in {} or a folder above it that the page reaches; write one with `results colours {}`", dir.display(), dir.display())), "{said}");
    let out = results(&["colours", dir.to_str().unwrap()]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let out = render();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let html = String::from_utf8_lossy(&out.stdout);
    // Escaped text may say "onerror=": what must not exist is a tag that would run it.
    for injected in ["<img", "<script", "<svg onload"] {
        assert!(!html.contains(injected), "{injected} in {html}");
    }
    assert!(html.contains("&lt;script&gt;alert(2)&lt;/script&gt;"));
    // No inline styles, which a strict policy refuses: the colours are linked.
    assert!(!html.contains("<style") && !html.contains(" style="), "{html}");
    assert!(html.contains(r#"<div class="rw-static"><link rel="stylesheet" href="data/colours.css">"#), "{html}");
}

#[test]
fn colours_has_a_rule_for_every_party_colour_and_render_says_when_it_is_stale() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    // The shipped stylesheet is what the tool writes from the shipped data.
    let dir = scratch("colours");
    let written = dir.join("colours.css");
    let out = results(&["colours", root.join("data").to_str().unwrap(), "--out", written.to_str().unwrap()]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let css = std::fs::read_to_string(&written).unwrap();
    assert_eq!(css, std::fs::read_to_string(root.join("data/colours.css")).unwrap());
    assert!(css.contains(".rw-c-e4003b-ff5c7a{--rw-swatch:#e4003b;--rw-swatch-dark:#ff5c7a;}"), "Labour, light and dark");
    // A stylesheet older than the data: a party's colour changed since.
    let data = dir.join("data");
    std::fs::create_dir_all(data.join("seats")).unwrap();
    let shipped = std::fs::read_to_string(root.join("data/seats/E14001086.json")).unwrap();
    std::fs::write(data.join("seats/E14001086.json"), &shipped).unwrap();
    let out = results(&["colours", data.to_str().unwrap()]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    std::fs::write(data.join("seats/E14001086.json"), shipped.replace("#e4003b", "#c00000")).unwrap();
    let out = results(&["render", "--view", "result", "--seat", "E14001086", "--src", "data/", "--data", data.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    let said = String::from_utf8_lossy(&out.stderr);
    assert!(said.contains("has no rule for rw-c-c00000-ff5c7a: it is older than the data; write it again with `results colours"), "{said}");
}

#[test]
fn fill_renders_each_widget_of_a_page_and_keeps_its_attributes() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    let dir = scratch("fill");
    let page = dir.join("page.html");
    std::fs::write(&page, "<!doctype html><title>t</title><p>Before.</p>\n<div class=\"results-widget\" data-results-widget data-view='history' data-seat=\"E14001086\" data-src=\"data/\"><noscript>old</noscript></div>\n<div class=\"other\"><div>kept</div></div>\n<div data-results-widget data-seat=\"E14001430\" data-src=\"data/\" data-labels=\"{&quot;view.result&quot;:&quot;Canlyniad&quot;}\"></div><p>After.</p>").unwrap();
    let out = results(&["fill", page.to_str().unwrap(), "--data", root.to_str().unwrap()]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let filled = std::fs::read_to_string(&page).unwrap();
    assert!(filled.starts_with("<!doctype html><title>t</title><p>Before.</p>\n<div class=\"results-widget\" data-results-widget data-view='history' data-seat=\"E14001086\" data-src=\"data/\" data-state=\"static\"><div class=\"rw-static\"><link rel=\"stylesheet\" href=\"data/colours.css\">"), "{filled}");
    assert!(!filled.contains("<noscript>old"), "the host's old content is replaced");
    assert!(filled.contains("<div class=\"other\"><div>kept</div></div>"));
    assert!(filled.ends_with("</div><p>After.</p>"), "{filled}");
    assert!(filled.contains("G. Galloway"), "the history of the first");
    assert!(filled.contains("Poplar and Limehouse") && filled.contains(">Canlyniad<"), "the second, in its own words");
    // Each copy's ids are its own, as the loader numbers live widgets: a heading's id
    // names one heading, so each section is read by its own name without JavaScript.
    assert_eq!((filled.matches("id=\"rw0-heading\"").count(), filled.matches("id=\"rw1-heading\"").count()), (1, 1));
    assert!(filled.contains("aria-labelledby=\"rw1-heading\""));
    // Filling again changes nothing.
    let out = results(&["fill", page.to_str().unwrap(), "--data", root.to_str().unwrap(), "--out", dir.join("again.html").to_str().unwrap()]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    assert_eq!(std::fs::read_to_string(dir.join("again.html")).unwrap(), filled);
    // A page with no widget says so.
    std::fs::write(&page, "<p>nothing</p>").unwrap();
    let out = results(&["fill", page.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("the page has no element with data-results-widget to fill"));
}

/// A widget given a postcode shows its seat, as the live widget does: the static copy
/// too, for readers without JavaScript.
#[test]
fn fill_opens_a_postcodes_seat() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    let page = scratch("fill-postcode").join("page.html");
    std::fs::write(&page, "<div data-results-widget data-postcode=\"SW1A 0AA\" data-src=\"data/\"></div><div data-results-widget data-postcode=\"e1 4ns\" data-view=\"history\"></div>").unwrap();
    let out = results(&["fill", page.to_str().unwrap(), "--data", root.to_str().unwrap()]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let filled = std::fs::read_to_string(&page).unwrap();
    assert!(filled.contains("class=\"rw-title\">Cities of London and Westminster</h2>"), "{filled}");
    assert!(!filled.contains("all 650 seats"), "not the national view");
    // E1 4NS is in Bethnal Green and Stepney: its history, George Galloway's 2005 win among it.
    assert!(filled.contains("G. Galloway"), "{filled}");
    // A postcode that finds no seat is refused, naming why, rather than filled with
    // the national view and the reason beside it.
    for (postcode, said) in [("not a postcode", "is not a GB postcode"), ("BT1 1AA", "Northern Ireland"), ("E0 1AA", "E0 1AA")] {
        std::fs::write(&page, format!("<div data-results-widget data-postcode=\"{postcode}\" data-src=\"data/\"></div>")).unwrap();
        let out = results(&["fill", page.to_str().unwrap(), "--data", root.to_str().unwrap()]);
        assert_eq!(out.status.code(), Some(1), "{postcode}");
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(stderr.contains("host element 1") && stderr.contains("no static copy") && stderr.contains(said), "{postcode}: {stderr}");
        assert!(!stderr.contains("inconsistent"), "a refusal, not bad data: {stderr}");
    }
    // A postcode's seat with no result in the election asked for is refused as the
    // same seat given by its code is.
    for view in ["result", "history"] {
        std::fs::write(&page, format!("<div data-results-widget data-postcode=\"SW1A 0AA\" data-election=\"ge2005\" data-view=\"{view}\"></div>")).unwrap();
        let out = results(&["fill", page.to_str().unwrap(), "--data", root.to_str().unwrap()]);
        assert_eq!(out.status.code(), Some(1), "{view}");
        assert!(String::from_utf8_lossy(&out.stderr).contains("no result for the seat \"E14001172\""), "{view}: {}", String::from_utf8_lossy(&out.stderr));
    }
}

/// A copy that would show readers a message instead of results fails, so that a
/// publishing script stops: an election the file does not have, a seat with no
/// result in it; in a page, naming the host element.
#[test]
fn render_and_fill_refuse_to_ship_a_message_as_the_results() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    for (election, said) in [("ge2099", "The results file has no election \"ge2099\"."), ("ge2019", "The results file has no result for the seat \"E14001086\".")] {
        let out = Command::new(env!("CARGO_BIN_EXE_results")).current_dir(&root).args(["render", "--seat", "E14001086", "--election", election, "--src", "data/"]).output().unwrap();
        assert_eq!(out.status.code(), Some(1), "{election}");
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(stderr.contains("no static copy: it would show its readers a message, not results") && stderr.contains(said), "{stderr}");
        assert!(out.stdout.is_empty(), "{election}: nothing written");
    }
    let page = scratch("fill-message").join("page.html");
    std::fs::write(&page, "<div data-results-widget data-seat=\"E14001086\"></div><div data-results-widget data-seat=\"E14001086\" data-election=\"ge2019\"></div>").unwrap();
    let out = results(&["fill", page.to_str().unwrap(), "--data", root.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("host element 2") && stderr.contains("no result for the seat"), "{stderr}");
}

#[test]
fn render_refuses_an_unknown_view() {
    let out = results(&["render", "--view", "map", "--seat", "E14001086", "--src", "data/"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("unknown view \"map\""));
}

#[test]
fn render_speaks_the_embeds_locale_and_labels() {
    let dir = scratch("render-locale");
    std::fs::create_dir_all(&dir).unwrap();
    let labels = dir.join("labels.json");
    std::fs::write(&labels, r#"{"column.votes": "Stimmen", "result.turnout": "Wahlbeteiligung {turnout}."}"#).unwrap();
    let data = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../data");
    let out = results(&["render", "--view", "result", "--seat", "E14001086", "--src", "data/", "--data", data.to_str().unwrap(), "--locale", "de-DE", "--labels", labels.to_str().unwrap()]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let html = String::from_utf8_lossy(&out.stdout);
    assert!(html.contains(r#" data-locale="de-DE""#), "{html}");
    assert!(html.contains(r#"data-labels="{&quot;column.votes&quot;:&quot;Stimmen&quot;"#), "{html}");
    assert!(html.contains("<td class=\"rw-num\">15.896</td><td class=\"rw-num\">34,1\u{a0}%</td>"), "{html}");
    assert!(html.contains(">Stimmen<") && html.contains("Wahlbeteiligung "), "{html}");
    assert!(html.contains(r#"<section lang="de-DE""#), "{html}");

    std::fs::write(&labels, r#"{"column.vote": "Stimmen"}"#).unwrap();
    let out = results(&["render", "--view", "result", "--seat", "E14001086", "--src", "data/", "--data", data.to_str().unwrap(), "--labels", labels.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("\"column.vote\" is not a label the widget shows"));
}

#[test]
fn render_takes_a_directory_with_or_without_its_slash() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    let run = |src: &str| Command::new(env!("CARGO_BIN_EXE_results")).current_dir(&root).args(["render", "--view", "result", "--seat", "E14001086", "--src", src]).output().unwrap();
    let with = run("data/");
    assert!(with.status.success(), "{}", String::from_utf8_lossy(&with.stderr));
    for src in ["data", "data//", "./data"] {
        let out = run(src);
        assert!(out.status.success(), "{src}: {}", String::from_utf8_lossy(&out.stderr));
        let html = String::from_utf8_lossy(&out.stdout);
        assert!(html.contains("Rushanara Ali") && html.contains(&format!("data-src=\"{src}\"")), "{src}: {html}");
    }
    // A directory that is not there: the error names the path tried, as given.
    for (src, tried) in [("nowhere", "nowhere/seats/E14001086.json"), ("nowhere/", "nowhere/seats/E14001086.json")] {
        let out = run(src);
        assert_eq!(out.status.code(), Some(1));
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(stderr.contains(&format!("cannot read {tried}:")), "{src}: {stderr}");
    }
}

/// `text` as a spreadsheet program on Windows saves it: Windows-1252 with CRLF line
/// ends, no byte-order mark, and "?" for a character the code page lacks.
fn as_excel_saves(text: &str) -> Vec<u8> {
    let text = text.trim_start_matches('\u{feff}').replace("\r\n", "\n").replace('\n', "\r\n");
    let mut bytes = Vec::new();
    for c in text.chars() {
        let mut buffer = [0; 4];
        let (encoded, _, unmappable) = encoding_rs::WINDOWS_1252.encode(c.encode_utf8(&mut buffer));
        bytes.extend_from_slice(if unmappable { b"?" } else { &encoded });
    }
    bytes
}

#[test]
fn a_candidate_file_saved_by_a_spreadsheet_program_imports_as_the_original() {
    let dir = scratch("cp1252");
    let original = shared("HoC-GE2024-results-by-candidate.csv");
    let saved = dir.join("candidates.csv");
    std::fs::write(&saved, as_excel_saves(&std::fs::read_to_string(&original).unwrap())).unwrap();
    assert!(std::str::from_utf8(&std::fs::read(&saved).unwrap()).is_err(), "the test file is not UTF-8");
    let import = |candidates: &Path, out: &str| results(&["import", "hoc", "--election", "ge2024", "--out", dir.join(out).to_str().unwrap(), "--candidates", candidates.to_str().unwrap()]);
    let out = import(&saved, "excel");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{stderr}");
    assert!(stderr.contains(&format!("{}: not UTF-8, so read as Windows-1252 (cp1252)", saved.display())), "{stderr}");
    let utf8 = import(Path::new(&original), "utf8");
    assert!(utf8.status.success());
    assert!(!String::from_utf8_lossy(&utf8.stderr).contains("Windows-1252"), "no note for a UTF-8 file");
    // Every seat the same as from the UTF-8 file, but for names with a letter the
    // code page lacks (Glyndŵr).
    let mut compared = 0;
    for entry in std::fs::read_dir(dir.join("utf8/seats")).unwrap() {
        let path = entry.unwrap().path();
        let want = std::fs::read_to_string(&path).unwrap();
        let got = std::fs::read_to_string(dir.join("excel/seats").join(path.file_name().unwrap())).unwrap();
        if want.chars().all(|c| !encoding_rs::WINDOWS_1252.encode(c.encode_utf8(&mut [0; 4])).2) {
            assert_eq!(got, want, "{}", path.display());
            compared += 1;
        }
    }
    assert!(compared > 640, "{compared}");
    assert!(std::fs::read_to_string(dir.join("excel/seats/S14000065.json")).unwrap().contains("Dan Peña"));
    // Lines are counted as the file has them, CRLF or not.
    let bad = dir.join("bad.csv");
    std::fs::write(&bad, as_excel_saves("ONS ID,Constituency name,Region name,Country name,Party name,Party abbreviation,Candidate first name,Candidate surname,Sitting MP,Votes\nE1,A,R,N,Lab,Lab,Dan,Peña,No,12\nE1,A,R,N,Lab,Lab,A,B,No\n")).unwrap();
    let out = import(&bad, "bad");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("line 3") && stderr.contains("expected 10 fields, found 9"), "{stderr}");
}

#[test]
fn an_empty_file_is_called_empty() {
    let dir = scratch("empty");
    let out_dir = dir.join("out");
    let out_dir = out_dir.to_str().unwrap();
    for (name, content) in [("empty.csv", ""), ("blank.csv", "\u{feff}\r\n")] {
        let empty = dir.join(name);
        std::fs::write(&empty, content).unwrap();
        let empty = empty.to_str().unwrap();
        let candidates = shared("HoC-GE2024-results-by-candidate.csv");
        let commands: Vec<Vec<&str>> = vec![
            vec!["hoc", "--election", "ge2024", "--candidates", empty],
            vec!["hoc", "--election", "ge2024", "--candidates", &candidates, "--constituencies", empty],
            vec!["hoc", "--election", "ge2024", "--candidates", &candidates, "--predecessors", empty],
            vec!["longrun", "--year", "2017", "--file", empty],
            vec!["ec2017", "--seats", empty, "--candidates", empty],
            vec!["ec2015", "--candidates", empty, "--seats", empty],
            vec!["ec2010", "--candidates", empty],
            vec!["ec2005", "--candidates", empty],
            vec!["london", "--year", "2018", "--candidates", empty],
            vec!["london", "--year", "2022", "--candidates", empty, "--wards", empty],
            vec!["london", "--year", "2026", "--candidates", empty, "--wards", empty],
            vec!["mayor-sv", "--year", "2022", "--file", empty],
            vec!["lga", "--date", "2023-05-04", "--file", empty],
            vec!["csv", "--file", empty],
        ];
        for command in commands {
            let mut args = vec!["import"];
            args.extend(&command);
            args.extend(["--out", out_dir]);
            let out = results(&args);
            assert_eq!(out.status.code(), Some(1), "{command:?}");
            let stderr = String::from_utf8_lossy(&out.stderr);
            assert_eq!(stderr.trim_end().lines().last().unwrap(), format!("results: {empty}: the file is empty"), "{command:?}: {stderr}");
        }
    }
}

#[test]
fn a_mayoral_result_names_its_seat_once() {
    let data = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../data/tower-hamlets-mayor-2022.json");
    let out = results(&["render", "--view", "result", "--seat", "E09000030", "--src", "mayor.json", "--data", data.to_str().unwrap()]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let html = String::from_utf8_lossy(&out.stdout);
    assert!(html.contains("<caption>Votes by candidate, Mayor of Tower Hamlets election 2022</caption>"), "{html}");
    assert!(html.contains(">Vote share by candidate, Mayor of Tower Hamlets election 2022</title>"), "{html}");
    assert!(!html.contains("Mayor of Tower Hamlets, Mayor of Tower Hamlets"), "{html}");
}

/// The text of the credit line (`<p class="rw-source">`) in rendered HTML.
fn credit_of(html: &str) -> String {
    let start = html.find("<p class=\"rw-source\">").map(|i| i + "<p class=\"rw-source\">".len()).unwrap_or_else(|| panic!("no credit line in {html}"));
    html[start..].split("</p>").next().unwrap().to_string()
}

#[test]
fn each_view_credits_the_source_of_what_it_shows() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    let render = |args: &[&str]| {
        let out = Command::new(env!("CARGO_BIN_EXE_results")).current_dir(&root).arg("render").args(args).output().unwrap();
        assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
        credit_of(&String::from_utf8_lossy(&out.stdout))
    };
    let hoc = "Source: House of Commons Library. Contains Parliamentary information licensed under the Open Parliament Licence v3.0";
    let ec = "Source: Electoral Commission";
    // The 2024 result: the House of Commons Library's figures, though the file holds the EC's too.
    assert_eq!(render(&["--src", "data/", "--view", "result", "--seat", "E14001086"]), hoc);
    assert_eq!(render(&["--src", "data/", "--view", "result", "--seat", "E14001086", "--election", "ge2024"]), hoc);
    // An older result in the same file: the EC's (the 2015 contest given the 2024 seat's code).
    let dir = scratch("credits");
    let older = dir.join("bgs.json");
    let shipped = std::fs::read_to_string(root.join("data/seats/E14001086.json")).unwrap();
    std::fs::write(&older, shipped.replace(r#""code":"E14000555","name":"Bethnal Green and Bow","election":"ge2015""#, r#""code":"E14001086","name":"Bethnal Green and Bow","election":"ge2015""#)).unwrap();
    assert!(results(&["colours", dir.to_str().unwrap()]).status.success());
    assert_eq!(render(&["--view", "result", "--seat", "E14001086", "--election", "ge2015", "--src", "bgs.json", "--data", older.to_str().unwrap()]), ec);
    // The history shows both, newest first.
    assert_eq!(render(&["--src", "data/", "--view", "history", "--seat", "E14001086"]), format!("{hoc}. {ec}"));
    assert_eq!(render(&["--src", "data/", "--view", "national"]), hoc);
    assert_eq!(render(&["--src", "data/", "--view", "compare", "--seat", "E14001086,E14001430"]), hoc);
}

/// `results postcodes` into a scratch directory, once for the tests that read it.
fn postcode_files() -> &'static Path {
    static DIR: std::sync::OnceLock<PathBuf> = std::sync::OnceLock::new();
    DIR.get_or_init(|| {
        let dir = scratch("postcodes");
        let out = results(&["postcodes", "--ranges", &shared("mysociety/pcon_2024_postcode_ranges.json"), "--codes", &shared("mysociety/pcon_2024_codes.json"), "--out", dir.to_str().unwrap()]);
        assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
        let said = String::from_utf8_lossy(&out.stderr);
        assert!(said.contains("wrote 120 postcode files") && said.contains("the largest, B.json, is"), "{said}");
        dir
    })
}

#[test]
fn postcodes_writes_one_small_file_per_area_the_same_as_shipped() {
    let dir = postcode_files().join("postcodes");
    let shipped = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../data/postcodes");
    let mut names: Vec<String> = std::fs::read_dir(&dir).unwrap().map(|e| e.unwrap().file_name().to_string_lossy().into_owned()).collect();
    names.sort();
    assert_eq!(names.len(), 120);
    assert!(names.contains(&"E.json".to_string()) && names.contains(&"SW.json".to_string()) && !names.contains(&"BT.json".to_string()));
    for name in &names {
        let text = std::fs::read(dir.join(name)).unwrap();
        let gzip = results_cli::postcodes::gzip_size(&text).unwrap();
        assert!(gzip < 10_000, "{name}: {gzip} bytes gzip");
        assert_eq!(text, std::fs::read(shipped.join(name)).unwrap(), "{name} differs from data/postcodes: run scripts/make-data");
        let file = results_core::postcode::parse_area(std::str::from_utf8(&text).unwrap()).unwrap();
        assert_eq!(format!("{}.json", file.area), *name);
        // ONS codes, which name the seats' files.
        assert!(file.seats.iter().all(|s| s.code.len() == 9 && (s.code.starts_with("E14") || s.code.starts_with("W07") || s.code.starts_with("S14"))), "{name}");
    }
    let out = results(&["validate", dir.to_str().unwrap()]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
}

#[test]
fn postcode_prints_the_seat_or_a_sentence() {
    let src = postcode_files().to_str().unwrap();
    for (input, expected) in [
        ("E1 4NS", "E14001086 Bethnal Green and Stepney"),
        ("e1 4ns", "E14001086 Bethnal Green and Stepney"),
        ("E14NS", "E14001086 Bethnal Green and Stepney"),
        (" E1  4NS ", "E14001086 Bethnal Green and Stepney"),
        ("SW1A 0AA", "E14001172 Cities of London and Westminster"),
        ("SW1A 2AA", "E14001172 Cities of London and Westminster"),
        ("E14 5AB", "E14001430 Poplar and Limehouse"),
        ("M1 1AE", "E14001352 Manchester Central"),
        ("CF10 1EP", "W07000091 Cardiff South and Penarth"),
    ] {
        let out = results(&["postcode", input, "--src", src]);
        assert!(out.status.success(), "{input}: {}", String::from_utf8_lossy(&out.stderr));
        assert_eq!(String::from_utf8_lossy(&out.stdout), format!("{expected}\n"), "{input}");
    }
    for (input, sentence) in [
        ("BT1 1AA", "BT1 1AA is in Northern Ireland: Northern Ireland's postcodes are not covered by this data (its licence differs)."),
        ("ZZ99 9ZZ", "ZZ99 9ZZ is not a postcode in Great Britain: ZZ is no GB postcode area."),
        ("hello", "\"hello\" is not shaped like a postcode, such as E1 4NS."),
        ("", "No postcode was given: enter one such as E1 4NS."),
        ("B1 1AA", "B1 1AA is not a known postcode."),
    ] {
        let out = results(&["postcode", input, "--src", src]);
        assert_eq!(out.status.code(), Some(1), "{input}");
        assert!(out.stdout.is_empty(), "{input}");
        assert_eq!(String::from_utf8_lossy(&out.stderr), format!("results: {sentence}\n"), "{input}");
    }
    // The shipped data answers the same.
    let data = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../data");
    let out = results(&["postcode", "E1 4NS", "--src", data.to_str().unwrap()]);
    assert_eq!(String::from_utf8_lossy(&out.stdout), "E14001086 Bethnal Green and Stepney\n");
    // A directory without the files is named.
    let out = results(&["postcode", "E1 4NS", "--src", scratch("no-postcodes").to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("cannot read") && String::from_utf8_lossy(&out.stderr).contains("postcodes/E.json"));
}

/// Every default label with its words replaced ("{party} hold" becomes "{party}
/// Wort"): what a newsroom's translation looks like to the code.
fn relabelled_everything() -> String {
    let relabel = |text: &str| {
        let (mut out, mut inside, mut word) = (String::new(), false, false);
        for c in text.chars() {
            match c {
                '{' => inside = true,
                '}' => inside = false,
                c if !inside && c.is_alphabetic() => {
                    if !word {
                        out.push_str("Wort");
                    }
                    word = true;
                    continue;
                }
                _ => {}
            }
            word = false;
            out.push(c);
        }
        out
    };
    let labels: serde_json::Map<String, serde_json::Value> = results_core::locale::defaults().map(|(key, text)| (key.to_string(), relabel(text).into())).collect();
    serde_json::Value::Object(labels).to_string()
}

#[test]
fn with_every_label_replaced_no_english_word_of_a_result_is_left() {
    let dir = scratch("render-every-label");
    std::fs::create_dir_all(&dir).unwrap();
    let labels = dir.join("labels.json");
    std::fs::write(&labels, relabelled_everything()).unwrap();
    let data = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../data");
    let render = |view: &str, seat: &str| {
        let out = results(&["render", "--view", view, "--seat", seat, "--src", "data/", "--data", data.to_str().unwrap(), "--locale", "de-DE", "--labels", labels.to_str().unwrap()]);
        assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
        String::from_utf8_lossy(&out.stdout).into_owned()
    };
    let result = render("result", "E14001086");
    let summary = result.split(r#"<p class="rw-summary">"#).nth(1).and_then(|s| s.split("</p>").next()).unwrap();
    assert!(summary.contains("Rushanara Ali") && summary.contains("Lab Wort") && summary.contains("1.689"), "{summary}");
    // The national seats table's result column and the hex map's names, 650 rows each.
    let national = render("national", "");
    assert!(national.contains("<td>Lab Wort</td>") && national.contains("<td>Lab Wort Wort Con</td>"), "the seats table's results are relabelled");
    // The text a reader sees (and hears: the attributes too), not the markup's class names.
    let text = |page: &str| -> String {
        let mut out = String::new();
        for (i, part) in page.split('<').enumerate() {
            let (tag, rest) = if i == 0 { ("", part) } else { part.split_once('>').unwrap_or((part, "")) };
            let labels: Vec<&str> = tag.split(r#"aria-label=""#).skip(1).filter_map(|a| a.split('"').next()).collect();
            out.push_str(&labels.join(" "));
            out.push(' ');
            out.push_str(rest);
        }
        out
    };
    for page in [text(&result), text(&national)] {
        for english in [" hold", " gain from ", "Majority", "majority of", "Turnout", "turnout", "swing", "Elected", "Awaiting"] {
            assert!(!page.contains(english), "{english:?} is left in a relabelled page: {}", page.split(english).next().unwrap_or("").chars().rev().take(200).collect::<String>().chars().rev().collect::<String>());
        }
    }
}

#[test]
fn csv_writes_a_seats_candidates_and_every_seat_as_the_tables_show_them() {
    let data = concat!(env!("CARGO_MANIFEST_DIR"), "/../../data");
    let out = results(&["csv", "--seat", "E14001086", "--src", data]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.starts_with("\u{feff}\"Candidate\",\"Party\",\"Votes\",\"Share\","), "{text}");
    let lines: Vec<&str> = text.trim_end().split("\r\n").collect();
    assert_eq!(lines.len(), 12, "a header and 11 candidates");
    assert!(lines[1].starts_with("\"Rushanara Ali\",\"Labour\",15896,34.1,"), "{}", lines[1]);
    let every = String::from_utf8(results(&["csv", "--src", data]).stdout).unwrap();
    assert_eq!(every.trim_end().split("\r\n").count(), 651, "a header and 650 seats");
    let missing = results(&["csv", "--seat", "E99999999", "--src", data]);
    assert!(!missing.status.success());
    assert!(String::from_utf8_lossy(&missing.stderr).contains("seats/E99999999.json"), "the file it could not read");
}

#[test]
fn render_puts_a_view_into_an_embed_page_template() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    let template = root.join("embed/embed.html");
    let out = Command::new(env!("CARGO_BIN_EXE_results")).current_dir(&root).args(["render", "--view", "history", "--seat", "E14001086", "--src", "data/", "--page", "--template", template.to_str().unwrap()]).output().unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let html = String::from_utf8_lossy(&out.stdout);
    // The template's element keeps its id, by which its script finds it, and gets the view.
    assert!(html.contains(r#"<div id="widget" data-results-widget data-view="history" data-seat="E14001086" data-src="data/" data-state="static"><div class="rw-static">"#), "{html}");
    assert!(html.contains("G. Galloway"));
    // The page around it is the template's: its styles and its script; its word that
    // JavaScript is needed went with the element's old content.
    assert!(html.contains(r#"<body class="rw-embed-page">"#) && html.contains(r#"<script type="module" src="embed.mjs"></script>"#));
    assert!(!html.contains("<noscript>"), "{html}");
    // A template with no widget element says so.
    let dir = scratch("template");
    let bare = dir.join("bare.html");
    std::fs::write(&bare, "<!doctype html><p>no widget</p>").unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_results")).current_dir(&root).args(["render", "--seat", "E14001086", "--src", "data/", "--page", "--template", bare.to_str().unwrap()]).output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("bare.html: the template has no element with data-results-widget to put the widget in"));
}

#[test]
fn card_draws_a_seat_as_a_social_card_and_says_what_is_wrong() {
    let dir = scratch("card");
    let out = dir.join("card.svg");
    let done = results(&["card", "--seat", "E14001086", "--src", "../../data/", "--out", out.to_str().unwrap()]);
    assert!(done.status.success(), "{}", String::from_utf8_lossy(&done.stderr));
    let svg = std::fs::read_to_string(&out).unwrap();
    assert!(svg.starts_with("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"1200\" height=\"675\""), "{svg}");
    assert!(svg.contains(">Lab hold</text>") && svg.contains("Parliament Licence v3.0"), "{svg}");
    // Square and dark, to standard output; a results file names its own seat.
    let square = results(&["card", "--seat", "E09000030", "--src", "../../data/tower-hamlets-mayor-2022.json", "--size", "1080x1080", "--theme", "dark"]);
    assert!(square.status.success(), "{}", String::from_utf8_lossy(&square.stderr));
    let svg = String::from_utf8(square.stdout).unwrap();
    assert!(svg.contains("width=\"1080\" height=\"1080\"") && svg.contains("fill=\"#161616\"") && svg.contains(">Lutfur Rahman, Aspire: first preferences</text>"), "{svg}");
    for (args, said) in [
        (vec!["--size", "800x600"], "unknown card size \"800x600\"; use 1200x675 or 1080x1080"),
        (vec!["--theme", "sepia"], "unknown theme \"sepia\"; use light or dark"),
        (vec!["--election", "ge1066"], "no result for E14001086 in ge1066"),
        (vec!["--out", "card.jpg"], "a card is written as .svg or .png, not .jpg"),
    ] {
        let wrong = results(&[&["card", "--seat", "E14001086", "--src", "../../data/"], args.as_slice()].concat());
        assert_eq!(wrong.status.code(), Some(1));
        let stderr = String::from_utf8_lossy(&wrong.stderr);
        assert!(stderr.contains(said), "{stderr}");
    }
    let missing = results(&["card", "--seat", "E99999999", "--src", "../../data/"]);
    assert!(String::from_utf8_lossy(&missing.stderr).contains("cannot read ../../data/seats/E99999999.json"), "{}", String::from_utf8_lossy(&missing.stderr));
}

#[test]
fn card_as_png_is_the_image_with_its_colours_and_words() {
    let dir = scratch("card-png");
    let out = dir.join("card.png");
    let done = results(&["card", "--seat", "E14001086", "--src", "../../data/", "--size", "1080x1080", "--out", out.to_str().unwrap()]);
    assert!(done.status.success(), "{}", String::from_utf8_lossy(&done.stderr));
    let png = std::fs::read(&out).unwrap();
    let image = resvg::tiny_skia::Pixmap::decode_png(&png).unwrap();
    assert_eq!((image.width(), image.height()), (1080, 1080));
    let at = |x: u32, y: u32| {
        let p = image.pixel(x, y).unwrap();
        (p.red(), p.green(), p.blue())
    };
    // The background, and Labour's red in the swatch beside "Lab hold".
    assert_eq!(at(5, 5), (0xff, 0xff, 0xff));
    let swatch = (0..image.height()).find(|y| at(70, *y) == (0xe4, 0x00, 0x3b)).expect("Labour's swatch");
    assert!(swatch > 150 && swatch < 300, "{swatch}");
    // The seat's name drawn in text: dark pixels across its line, under the election.
    let dark = (56..1000).flat_map(|x| (100..170).map(move |y| (x, y))).filter(|(x, y)| at(*x, *y).0 < 80).count();
    assert!(dark > 5_000, "{dark} dark pixels where the seat's name is drawn");
}

/// The PNG card `results card` draws of `code` from the shipped results folder `dir`.
fn card_pixels(dir: &str, code: &str, size: &str) -> resvg::tiny_skia::Pixmap {
    let out = scratch(&format!("card-{code}-{size}")).join("card.png");
    let src = format!("../../data/{dir}");
    let done = results(&["card", "--seat", code, "--src", &src, "--size", size, "--out", out.to_str().unwrap()]);
    assert!(done.status.success(), "{}", String::from_utf8_lossy(&done.stderr));
    resvg::tiny_skia::Pixmap::decode_png(&std::fs::read(&out).unwrap()).unwrap()
}

#[test]
fn cards_drawn_keep_their_words_inside_their_columns() {
    // The seats hardest to set: the longest names, hyphens and slashes, capitals, the
    // longest candidates' labels, wards for several and counts by stages.
    let index: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("../../data/index.json")).unwrap()).unwrap();
    let mut seats: Vec<(String, String)> = index["seats"].as_array().unwrap().iter().map(|s| (s["name"].as_str().unwrap().to_string(), s["code"].as_str().unwrap().to_string())).collect();
    seats.sort_by_key(|(name, _)| std::cmp::Reverse(name.len()));
    let mut hard: Vec<(&str, String)> = seats.iter().take(8).map(|(_, code)| ("", code.clone())).collect();
    hard.extend(seats.iter().filter(|(name, _)| name.contains('-')).take(4).map(|(_, code)| ("", code.clone())));
    hard.extend([("", "E14001086".to_string()), ("ni-assembly-2022/", "belfast-south".into()), ("tower-hamlets-2022/", "E05009317".into())]);
    let edinburgh = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../data/city-of-edinburgh/seats");
    let mut wards: Vec<String> = std::fs::read_dir(&edinburgh).unwrap().map(|e| e.unwrap().file_name().to_string_lossy().trim_end_matches(".json").to_string()).collect();
    wards.sort();
    hard.extend(wards.into_iter().take(4).map(|code| ("city-of-edinburgh/", code)));
    for (dir, code) in &hard {
        for size in ["1200x675", "1080x1080"] {
            let image = card_pixels(dir, code, size);
            let (w, h) = (image.width(), image.height());
            let background = |x: u32, y: u32| image.pixel(x, y).is_some_and(|p| (p.red(), p.green(), p.blue()) == (0xff, 0xff, 0xff));
            // Nothing in the right-hand margin.
            let margin = (w - 40..w).flat_map(|x| (0..h).map(move |y| (x, y))).find(|(x, y)| !background(*x, *y));
            assert_eq!(margin, None, "{dir}{code} {size}: drawn in the right margin");
            // Landscape: nothing in the gap between the words and the bars, above the
            // credit (at most two lines of 24 px, 24 px above the foot's margin).
            if size == "1200x675" {
                let gap = (56 + 462..56 + 498).flat_map(|x| (0..h - 56 - 48 - 24).map(move |y| (x, y))).find(|(x, y)| !background(*x, *y));
                assert_eq!(gap, None, "{dir}{code}: the words run into the bars");
            }
        }
    }
}
