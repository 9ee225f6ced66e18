//! The results directory: `seats/CODE.json`, one self-contained file per seat.

use std::path::Path;

use results_core::model::ResultsFile;
use results_core::LoadError;

use crate::import::ImportError;

/// Writes (or adds to) one file per seat; returns how many were written.
pub fn write_seats(dir: &Path, file: &ResultsFile, only: &[String]) -> Result<usize, ImportError> {
    let seats_dir = dir.join("seats");
    std::fs::create_dir_all(&seats_dir).map_err(|source| ImportError::Write { path: seats_dir.clone(), source })?;
    let mut written = 0;
    for seat in &file.constituencies {
        if !only.is_empty() && !only.contains(&seat.code) {
            continue;
        }
        let path = seats_dir.join(format!("{}.json", seat.code));
        let mut out = match std::fs::read_to_string(&path) {
            Ok(text) => results_core::load::parse_unchecked(&text).map_err(|e| ImportError::Invalid(vec![format!("{}: {e}", path.display())]))?,
            Err(_) => ResultsFile { version: file.version, attribution: file.attribution.clone(), elections: vec![], parties: vec![], constituencies: vec![] },
        };
        out.constituencies.retain(|c| !(c.code == seat.code && c.election == seat.election));
        out.constituencies.push(seat.clone());
        out.constituencies.sort_by(|a, b| b.election.cmp(&a.election).then_with(|| a.code.cmp(&b.code)));
        for election in file.elections.iter().filter(|e| e.id == seat.election) {
            out.elections.retain(|e| e.id != election.id);
            out.elections.push(election.clone());
        }
        for candidate in &seat.candidates {
            let ids = std::iter::once(&candidate.party)
                .chain(seat.previous.iter().flat_map(|p| p.shares.iter().map(|s| &s.party)));
            for id in ids {
                if let (Some(party), false) = (file.party(id), out.parties.iter().any(|p| &p.id == id)) {
                    out.parties.push(party.clone());
                }
            }
        }
        out.parties.sort_by(|a, b| a.id.cmp(&b.id));
        let text = serde_json::to_string_pretty(&out).map_err(|e| ImportError::Invalid(vec![e.to_string()]))?;
        std::fs::write(&path, text + "\n").map_err(|source| ImportError::Write { path: path.clone(), source })?;
        written += 1;
    }
    Ok(written)
}

/// `results validate`: every problem in a file, or in every file of a directory.
pub fn validate_path(path: &Path) -> Result<(), ImportError> {
    let files: Vec<std::path::PathBuf> = if path.is_dir() {
        let mut files = Vec::new();
        collect_json(path, &mut files).map_err(|source| ImportError::Read { path: path.to_path_buf(), source })?;
        files.sort();
        files
    } else {
        vec![path.to_path_buf()]
    };
    let mut failures = Vec::new();
    for file in &files {
        let text = std::fs::read_to_string(file).map_err(|source| ImportError::Read { path: file.clone(), source })?;
        match results_core::parse_results(&text) {
            Ok(_) => {}
            Err(LoadError::Invalid(problems)) => failures.extend(problems.iter().map(|p| format!("{}: {p}", file.display()))),
            Err(err) => failures.push(format!("{}: {err}", file.display())),
        }
    }
    if failures.is_empty() {
        println!("{} file(s) valid", files.len());
        Ok(())
    } else {
        Err(ImportError::Invalid(failures))
    }
}

fn collect_json(dir: &Path, out: &mut Vec<std::path::PathBuf>) -> std::io::Result<()> {
    for entry in std::fs::read_dir(dir)? {
        let path = entry?.path();
        if path.is_dir() {
            collect_json(&path, out)?;
        } else if path.extension().is_some_and(|e| e == "json") {
            out.push(path);
        }
    }
    Ok(())
}
