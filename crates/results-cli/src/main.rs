//! `results`: import official results files into results JSON, validate it, print its schema.

mod elections;
mod import;
mod parties;
mod store;

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};

#[derive(Parser)]
#[command(name = "results", version, about = "Import, check and describe election results for the results widget")]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Import official results files into a results directory.
    #[command(subcommand)]
    Import(ImportSource),
    /// Check a results file or directory and list every problem.
    #[command(after_help = "Examples:\n  results validate data/\n  results validate data/seats/E14001086.json\n\nExit status is 1 when any problem is found.")]
    Validate {
        /// A results JSON file, or a directory written by `results import`.
        path: PathBuf,
    },
}

#[derive(Subcommand)]
enum ImportSource {
    /// House of Commons Library candidate and constituency CSV files (2024, 2019, 2017 layouts).
    #[command(after_help = "Example:\n  results import hoc --candidates HoC-GE2024-results-by-candidate.csv \\\n      --constituencies HoC-GE2024-results-by-constituency.csv --election ge2024 --out data/\n\nImporting into an existing directory adds the election to it.")]
    Hoc {
        /// The candidate file (one row per candidate).
        #[arg(long)]
        candidates: PathBuf,
        /// The constituency file (electorate, valid and invalid votes); optional for 2017.
        #[arg(long)]
        constituencies: Option<PathBuf>,
        /// The election id, such as ge2024.
        #[arg(long)]
        election: String,
        /// The results directory to write (or add to).
        #[arg(long)]
        out: PathBuf,
        /// Only write these seats (ONS codes, comma separated); the index still lists all.
        #[arg(long, value_delimiter = ',')]
        only: Vec<String>,
    },
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let outcome = match cli.command {
        Command::Import(ImportSource::Hoc { candidates, constituencies, election, out, only }) => {
            import::hoc::run(&candidates, constituencies.as_deref(), &election, &out, &only)
        }
        Command::Validate { path } => store::validate_path(&path),
    };
    match outcome {
        Ok(()) => ExitCode::SUCCESS,
        Err(err) => {
            eprintln!("results: {err}");
            ExitCode::FAILURE
        }
    }
}
