//! `results`: import official results files into results JSON, validate it, print its schema.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{Args, Parser, Subcommand};
use results_core::ResultsFile;

use results_cli::import::{self, ImportError};
use results_cli::{links, store};

#[derive(Parser)]
#[command(
    name = "results",
    version,
    about = "Import, check and describe election results for the results widget",
    after_help = "Examples:\n  results import hoc --candidates HoC-GE2024-results-by-candidate.csv \\\n      --constituencies HoC-GE2024-results-by-constituency.csv --election ge2024 --out data/\n  results validate data/\n  results schema > results.schema.json"
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Import official results files into a results directory.
    #[command(subcommand)]
    Import(Source),
    /// Check a results file or directory and list every problem.
    #[command(after_help = "Examples:\n  results validate data/\n  results validate data/seats/E14001086.json\n\nEvery problem is listed with its JSON path. Exit status is 1 when any is found.")]
    Validate {
        /// A results JSON file, or a directory written by `results import`.
        path: PathBuf,
    },
    /// Print the JSON Schema of results JSON (format version 1).
    #[command(after_help = "Example:\n  results schema > results.schema.json")]
    Schema,
}

/// Where the imported election goes, and how its seats link to earlier ones.
#[derive(Args)]
struct Output {
    /// The results directory to write; importing into an existing one adds the election.
    #[arg(long)]
    out: PathBuf,
    /// A CSV file `code,predecessors` naming each new seat's predecessor seats
    /// (`;`-separated codes) where boundaries changed.
    #[arg(long)]
    predecessors: Option<PathBuf>,
    /// Link each seat to the previous election's seat of the same name where
    /// boundaries changed and no predecessor is named.
    #[arg(long)]
    link_by_name: bool,
}

#[derive(Subcommand)]
enum Source {
    /// House of Commons Library candidate and constituency CSV files (2024, 2019, 2017 layouts).
    #[command(after_help = "Example:\n  results import hoc --candidates HoC-GE2024-results-by-candidate.csv \\\n      --constituencies HoC-GE2024-results-by-constituency.csv --election ge2024 --out data/")]
    Hoc {
        /// The candidate file (one row per candidate).
        #[arg(long)]
        candidates: PathBuf,
        /// The constituency file (electorate, valid and invalid votes); the 2017 release has none.
        #[arg(long)]
        constituencies: Option<PathBuf>,
        /// The election id: ge2024, ge2019 or ge2017.
        #[arg(long)]
        election: String,
        #[command(flatten)]
        output: Output,
    },
    /// Electoral Commission 2017 files (`2017 UKPGE electoral data 3.csv` and `... 4.csv`, cp1252).
    #[command(after_help = "Example:\n  results import ec2017 --seats '2017 UKPGE electoral data 3.csv' \\\n      --candidates '2017 UKPGE electoral data 4.csv' --out data/")]
    Ec2017 {
        #[arg(long)]
        seats: PathBuf,
        #[arg(long)]
        candidates: PathBuf,
        #[command(flatten)]
        output: Output,
    },
    /// Electoral Commission 2015 files (`RESULTS.csv` and `CONSTITUENCY.csv`, cp1252).
    #[command(after_help = "Example:\n  results import ec2015 --candidates RESULTS.csv --seats CONSTITUENCY.csv --out data/")]
    Ec2015 {
        #[arg(long)]
        candidates: PathBuf,
        #[arg(long)]
        seats: PathBuf,
        #[command(flatten)]
        output: Output,
    },
    /// Electoral Commission 2010 candidate results (the tidy candidate file).
    #[command(after_help = "Example:\n  results import ec2010 --candidates GE2010-constituency-results-website__candidates_tidy.csv --out data/ --link-by-name")]
    Ec2010 {
        #[arg(long)]
        candidates: PathBuf,
        #[command(flatten)]
        output: Output,
    },
    /// Electoral Commission 2005 candidate results (the tidy candidate file).
    #[command(after_help = "Example:\n  results import ec2005 --candidates Generalelection2005_A-Zconstituencyresults__candidates_tidy.csv --out data/")]
    Ec2005 {
        #[arg(long)]
        candidates: PathBuf,
        #[command(flatten)]
        output: Output,
    },
}

fn import(source: Source) -> Result<(), ImportError> {
    let started = std::time::Instant::now();
    let (file, output) = match source {
        Source::Hoc { candidates, constituencies, election, output } => {
            progress(&format!("reading {}", candidates.display()));
            (import::hoc::convert(&candidates, constituencies.as_deref(), &election)?, output)
        }
        Source::Ec2017 { seats, candidates, output } => (import::ec::convert_2017(&seats, &candidates)?, output),
        Source::Ec2015 { candidates, seats, output } => (import::ec::convert_2015(&candidates, &seats)?, output),
        Source::Ec2010 { candidates, output } => (import::ec::convert_2010(&candidates)?, output),
        Source::Ec2005 { candidates, output } => (import::ec::convert_2005(&candidates)?, output),
    };
    let file = link(file, &output)?;
    progress(&format!(
        "read {} seats and {} candidates; writing {}",
        file.constituencies.len(),
        file.constituencies.iter().map(|c| c.candidates.len()).sum::<usize>(),
        output.out.display()
    ));
    let written = store::add_election(&output.out, &file)?;
    progress(&format!("wrote index.json and {written} seat files in {} ms", started.elapsed().as_millis()));
    Ok(())
}

fn link(mut file: ResultsFile, output: &Output) -> Result<ResultsFile, ImportError> {
    if let Some(path) = &output.predecessors {
        links::apply_predecessors(&mut file, path)?;
    }
    let stored = store::elections(&output.out)?;
    if output.link_by_name {
        links::link_by_name(&mut file, &stored);
    }
    links::previous_winners(&mut file, &stored);
    Ok(file)
}

fn progress(message: &str) {
    eprintln!("results: {message}");
}

fn schema() -> Result<(), ImportError> {
    let text = serde_json::to_string_pretty(&results_core::model::json_schema()).map_err(|e| ImportError::Invalid(vec![e.to_string()]))?;
    println!("{text}");
    Ok(())
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let outcome = match cli.command {
        Command::Import(source) => import(source),
        Command::Validate { path } => store::validate_path(Path::new(&path)),
        Command::Schema => schema(),
    };
    match outcome {
        Ok(()) => ExitCode::SUCCESS,
        Err(err) => {
            eprintln!("results: {err}");
            ExitCode::FAILURE
        }
    }
}
