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
    assert!(String::from_utf8_lossy(&out.stdout).contains("673 file(s) valid"));
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
    for args in [&["--help"][..], &["validate", "--help"], &["schema", "--help"], &["render", "--help"], &["hexmap", "--help"], &["import", "hoc", "--help"], &["import", "ec2015", "--help"], &["import", "ec2010", "--help"], &["import", "ec2005", "--help"], &["import", "ec2017", "--help"], &["import", "london", "--help"], &["import", "mayor-sv", "--help"], &["import", "lga", "--help"], &["import", "csv", "--help"]] {
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
    assert_eq!(row["result"], "Lab hold");
    assert_eq!(row["file"], "seats/E14001086.json");
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
    assert_eq!((row["name"].as_str(), row["result"].as_str()), (Some("Bethnal Green East"), Some("Lab 2, Aspire 1")));
    assert!(results(&["validate", council.to_str().unwrap()]).status.success());

    let mayor = dir.join("mayor");
    let out = results(&["import", "mayor-sv", "--file", &local("tower-hamlets-mayor/tower_hamlets_mayor_2015_2018_2022_sv.csv"), "--year", "2022", "--out", mayor.to_str().unwrap()]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let row = &read_index(&mayor)["seats"][0];
    assert_eq!((row["winner"].as_str(), row["majority"].as_u64()), (Some("Lutfur Rahman"), Some(7317)));

    let by = dir.join("by");
    let out = results(&["import", "lga", "--file", &local("trafford-council/trafford_council_election_results.csv"), "--date", "2022-12-15", "--out", by.to_str().unwrap()]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    assert_eq!(read_index(&by)["seats"][0]["result"], "Lab win");

    let example = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../examples/ward.csv");
    let ward = dir.join("ward");
    let out = results(&["import", "csv", "--file", example.to_str().unwrap(), "--out", ward.to_str().unwrap()]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    assert_eq!(read_index(&ward)["seats"][0]["result"], "Lab 2, Aspire 1");

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
    let out = results(&["render", "--view", "result", "--seat", "E14001086", "--src", "data/", "--data", dir.to_str().unwrap()]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let html = String::from_utf8_lossy(&out.stdout);
    // Escaped text may say "onerror=": what must not exist is a tag that would run it.
    for injected in ["<img", "<script", "<svg onload"] {
        assert!(!html.contains(injected), "{injected} in {html}");
    }
    assert!(html.contains("&lt;script&gt;alert(2)&lt;/script&gt;"));
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
