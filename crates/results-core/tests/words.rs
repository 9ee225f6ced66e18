//! Every word a reader sees comes from the locale's labels: outcomes are data
//! (`Outcome::Hold`), put into words only by `Locale::outcome` through the
//! `outcome.*` labels. No other source file of the core may write one out.
#![allow(clippy::unwrap_used, clippy::indexing_slicing)]

use std::path::Path;

/// English outcome words as the default labels write them.
const OUTCOME_WORDS: [&str; 4] = ["gain from", "Awaiting declaration", " hold\"", " win\""];

#[test]
fn outcome_words_are_only_in_the_default_labels() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut found = Vec::new();
    for entry in std::fs::read_dir(&src).unwrap() {
        let path = entry.unwrap().path();
        let text = std::fs::read_to_string(&path).unwrap();
        let name = path.file_name().unwrap().to_string_lossy().to_string();
        for (number, line) in text.lines().enumerate() {
            // The default labels: `(OutcomeHold, "outcome.hold", "{party} hold"),` and the like.
            let label = name == "locale.rs" && line.trim_start().starts_with('(') && line.contains(", \"");
            if !label && OUTCOME_WORDS.iter().any(|word| line.contains(word)) {
                found.push(format!("{name}:{}: {}", number + 1, line.trim()));
            }
        }
    }
    assert!(found.is_empty(), "outcome words outside the default labels (use `Locale::outcome`):\n{}", found.join("\n"));
    // The check finds what it looks for.
    let labels = std::fs::read_to_string(src.join("locale.rs")).unwrap();
    assert!(OUTCOME_WORDS.iter().all(|word| labels.contains(word)), "the default labels hold every word");
}
