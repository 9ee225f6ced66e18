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

/// The words and number style of what `render` and `card` write, as an embed's
/// `data-locale` and `data-labels` give them.
#[derive(Args)]
struct Words {
    /// Write numbers (and Welsh seat names, for cy) for this locale: a BCP 47 tag
    /// such as de-DE or cy-GB; en-GB when left out.
    #[arg(long)]
    locale: Option<String>,
    /// A JSON file of label replacements ({"column.votes": "Pleidleisiau", ...}).
    #[arg(long)]
    labels: Option<PathBuf>,
}

impl Words {
    fn embed(self) -> Result<results_cli::render::Embed, ImportError> {
        let labels = self.labels.map(read).transpose()?;
        results_cli::render::Embed::new(self.locale, labels)
    }
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
    /// Add a hex map layout (Open Innovations HexJSON, odd-r) to a results directory's index.
    #[command(after_help = "Example:\n  results hexmap --file uk-constituencies-2023.hexjson --out data/\n\nThe 2023 layout's five provisional Scottish codes are renamed to the 2024 ones.")]
    Hexmap {
        #[arg(long)]
        file: PathBuf,
        #[arg(long)]
        out: PathBuf,
    },
    /// Write the static HTML of a view (a real table and an inline SVG chart), for
    /// readers without JavaScript, in-app browsers, AMP and archives.
    #[command(after_help = "Examples:\n  results render --view result --seat E14001086 --src data/ > snippet.html\n  results render --view history --seat E14001086 --src data/ --page --out dist/bgs-history.html\n\nThe output is the embed snippet's element with the widget inside: paste it where the\nscript embed goes, and the live widget takes over from it when it is ready.")]
    Render {
        /// result, history, compare or national.
        #[arg(long, default_value = "result")]
        view: String,
        /// One or more ONS codes, comma separated.
        #[arg(long, default_value = "")]
        seat: String,
        /// An election id; the latest in the data when left out.
        #[arg(long)]
        election: Option<String>,
        /// The data as the embed will fetch it: a results directory (or one .json
        /// file), as a path relative to the page.
        #[arg(long)]
        src: String,
        /// Where that data is on this machine, when not at `src` from here.
        #[arg(long)]
        data: Option<PathBuf>,
        /// Write a whole HTML page (with the widget's styles and loader) rather than the snippet.
        #[arg(long)]
        page: bool,
        /// With --page: the page to put the widget in, an embed page such as the
        /// build's embed.html (its styles and its script, which fits an iframe to the
        /// widget, kept); a plain page with the loader when left out.
        #[arg(long, requires = "page")]
        template: Option<PathBuf>,
        /// The stylesheet of party colours, as the page will fetch it; the nearest
        /// colours.css at or above the data's folder (`results colours`) when left out.
        #[arg(long)]
        colours: Option<String>,
        #[command(flatten)]
        words: Words,
        /// The file to write; standard output when left out.
        #[arg(long)]
        out: Option<PathBuf>,
    },
    /// Render afresh the static HTML inside every widget of an HTML page (each
    /// element with data-results-widget, from its data- attributes), so that the page
    /// shows its results in its first frame and without JavaScript.
    #[command(after_help = "Example:\n  results fill embed/article.html\n\nEach widget's data is read from where its data-src leads from the page's folder\n(or from --data); its party colours come from the nearest colours.css there\n(`results colours`).")]
    Fill {
        /// The HTML page; written in place unless --out is given.
        page: PathBuf,
        /// The folder the widgets' data-src paths start from, when not the page's folder.
        #[arg(long)]
        data: Option<PathBuf>,
        /// The file to write.
        #[arg(long)]
        out: Option<PathBuf>,
    },
    /// Write the stylesheet of party colours (colours.css) of every results file in a
    /// directory, which the static HTML of `results render` and `results fill` links.
    #[command(after_help = "Example:\n  results colours data/")]
    Colours {
        /// A results directory.
        dir: PathBuf,
        /// The file to write; DIR/colours.css when left out.
        #[arg(long)]
        out: Option<PathBuf>,
    },
    /// Write a table as CSV, as the widget's tables show it: a seat's candidates, or
    /// (without --seat) every seat of the directory's index. UTF-8 with a byte-order
    /// mark, plain numbers, and text a spreadsheet would run kept inert.
    #[command(after_help = "Examples:\n  results csv --seat E14001086 --src data/ --out bethnal-green-and-stepney.csv\n  results csv --src data/ --out seats.csv")]
    Csv {
        /// An ONS code: that seat's candidates, in the order of their votes.
        #[arg(long)]
        seat: Option<String>,
        /// An election id; the latest in the seat's file when left out.
        #[arg(long)]
        election: Option<String>,
        /// A results directory written by `results import`.
        #[arg(long)]
        src: PathBuf,
        /// The file to write; standard output when left out.
        #[arg(long)]
        out: Option<PathBuf>,
    },
    /// Draw a seat's result as a social card (SVG or PNG): the election, the seat,
    /// the outcome, who was elected and the majority, the leading candidates' votes
    /// as bars, and the data's credit.
    #[command(after_help = "Examples:\n  results card --seat E14001086 --src data/ --out card.svg\n  results card --seat E14001086 --src data/ --size 1080x1080 --theme dark --out square.png\n\nA PNG is drawn with the machine's fonts (DejaVu Sans first; Debian: fonts-dejavu-core).\nThe card's words are its accessible name (the SVG's <title>): use them as the post's alt text.")]
    Card {
        /// An ONS code (or the seat's code in a local results file).
        #[arg(long)]
        seat: String,
        /// An election id; the latest in the seat's file when left out.
        #[arg(long)]
        election: Option<String>,
        /// A results directory written by `results import`, or one results file.
        #[arg(long)]
        src: PathBuf,
        /// 1200x675 (landscape) or 1080x1080 (square).
        #[arg(long, default_value = "1200x675")]
        size: String,
        /// The widget's light or dark colours.
        #[arg(long, default_value = "light")]
        theme: String,
        #[command(flatten)]
        words: Words,
        /// The file to write: a PNG where its name ends in .png, else the SVG;
        /// standard output (the SVG) when left out.
        #[arg(long)]
        out: Option<PathBuf>,
    },
    /// Replay an election night: write a results directory as seats declare one by one.
    #[command(after_help = "Example:\n  results simulate --from target/results-data --out night/ --interval 5\n  (serve night/ with any static server; point the widget's data-src at it with data-refresh)\n\nSeats declare in the order of their declaration times where the data has them,\notherwise in a random order fixed by --seed.")]
    Simulate {
        /// A results directory written by `results import` (its latest election is replayed).
        #[arg(long)]
        from: PathBuf,
        /// The directory to write as the night goes on.
        #[arg(long)]
        out: PathBuf,
        /// Seconds between declarations.
        #[arg(long, default_value_t = 5.0)]
        interval: f64,
        /// Seats declared at each step.
        #[arg(long, default_value_t = 1)]
        batch: usize,
        #[arg(long, default_value_t = 1)]
        seed: u64,
        /// Stop after this many steps.
        #[arg(long)]
        steps: Option<usize>,
    },
    /// Split mySociety's postcode-to-seat table into one small file per postcode area
    /// (`OUT/postcodes/<AREA>.json`), for the widget and `results postcode`.
    #[command(after_help = "Example:\n  results postcodes --ranges ../shared/data/mysociety/pcon_2024_postcode_ranges.json \\\n      --codes ../shared/data/mysociety/pcon_2024_codes.json --out data/\n\nReplaces OUT/postcodes/. Every file must stay within 10 KB gzip (a look-up downloads one);\nthe largest is printed. Seats are named by ONS code, as seats/<code>.json. See docs/format.md.")]
    Postcodes {
        /// mySociety's range table (`pcon_2024_postcode_ranges.json`).
        #[arg(long)]
        ranges: PathBuf,
        /// The table's seats by shortcode (`pcon_2024_codes.json`).
        #[arg(long)]
        codes: PathBuf,
        /// The results directory the files go beside.
        #[arg(long)]
        out: PathBuf,
    },
    /// Print the 2024 seat of a GB postcode: its ONS code and name.
    #[command(after_help = "Example:\n  results postcode \"E1 4NS\" --src data/\n  E14001086 Bethnal Green and Stepney\n\nReads SRC/postcodes/<AREA>.json (written by `results postcodes`). A postcode that is not\nshaped like one, is in Northern Ireland, or that the data does not know is said in a\nsentence, with exit status 1.")]
    Postcode {
        /// The postcode, in any case, with or without its space.
        postcode: String,
        /// The results directory holding `postcodes/`.
        #[arg(long)]
        src: PathBuf,
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
    /// mySociety's overlap of new seats with old ones (`pcon2024_code,
    /// pcon2024_name, pcon2010_code, pcon2010_name, share_of_2024_population, ...`):
    /// names each seat's predecessors with the share of its population from each;
    /// the largest carries the seat's history back.
    #[arg(long)]
    overlap: Option<PathBuf>,
    /// mySociety's `pcon_2024_codes.json`: gives the seats that have one their
    /// Welsh name (`name_cy`), which a widget speaking Welsh shows.
    #[arg(long)]
    welsh_names: Option<PathBuf>,
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
        /// For 2017, which has no constituency file: the Electoral Commission's
        /// administrative data (`2017 UKPGE electoral data 3.csv`) for electorates and
        /// rejected ballots.
        #[arg(long, conflicts_with = "constituencies")]
        ec_admin: Option<PathBuf>,
        /// The election id: ge2024, ge2019 or ge2017.
        #[arg(long)]
        election: String,
        #[command(flatten)]
        output: Output,
    },
    /// The House of Commons Library's long-run file, 1918-2017: one election, with one
    /// candidate per party group (Conservative, Liberal/LD, Labour, SNP/Plaid Cymru, Others).
    #[command(after_help = "Example:\n  results import longrun --file 1918-2017election_results.csv --year 1918 --out data/\n\nYears as the file's election column has them: 1918 ... 1970, 1974F, 1974O, 1979 ... 2017\n(or election ids: ge1918, ge1974feb, ge1974oct).")]
    Longrun {
        /// The long-run file (`1918-2017election_results.csv`).
        #[arg(long)]
        file: PathBuf,
        /// The election: the file's `election` value (1918, 1974F, 1974O, 2017) or its id (ge1974feb).
        #[arg(long, visible_alias = "election")]
        year: String,
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
    /// London borough council elections (GLA files): 2018, 2022 or 2026, all boroughs or one.
    #[command(after_help = "Example:\n  results import london --year 2022 --borough E09000030 --out data/tower-hamlets-2022 \\\n      --candidates London-2022-Wards__Candidates.csv --wards ward_level_cleaned_2022.csv\n\nFiles by year (candidates; ward statistics):\n  2018  candidate-results.csv (no ward statistics)\n  2022  London-2022-Wards__Candidates.csv; ward_level_cleaned_2022.csv\n  2026  candidates_2026.csv; ward_stats_2026.csv")]
    London {
        /// The election year, which sets the files' layout: 2018, 2022 or 2026.
        #[arg(long)]
        year: u32,
        /// The candidate file (one row per candidate).
        #[arg(long)]
        candidates: PathBuf,
        /// The ward statistics (seats, electorate, ballots); needed for 2022 and 2026.
        #[arg(long)]
        wards: Option<PathBuf>,
        /// Keep one borough, by GSS code (E09000030) or name ("Tower Hamlets").
        #[arg(long)]
        borough: Option<String>,
        #[command(flatten)]
        output: Output,
    },
    /// A mayoral election by the supplementary vote (the Tower Hamlets mayor file's columns).
    #[command(after_help = "Example:\n  results import mayor-sv --file tower_hamlets_mayor_2015_2018_2022_sv.csv --year 2022 --out th-mayor/")]
    MayorSv {
        #[arg(long)]
        file: PathBuf,
        /// The election: a year or date its date starts with (2022), or its election_id.
        #[arg(long, visible_alias = "election")]
        year: String,
        #[command(flatten)]
        output: Output,
    },
    /// A council's results in the LGA standard layout: ward elections, council and parliamentary by-elections.
    #[command(after_help = "Examples:\n  results import lga --file trafford_council_election_results.csv --date 2023-05-04 \\\n      --attribution 'Source: Trafford Council, Open Government Licence v3.0' --out trafford-2023/\n  results import lga --file trafford_council_election_results.csv --date 2022-12-15 --out stretford-by/\n\nA ward elects as many councillors as it has rows ELECTED.")]
    Lga {
        #[arg(long)]
        file: PathBuf,
        /// Polling day, YYYY-MM-DD.
        #[arg(long)]
        date: String,
        /// Where several kinds of election share the date: council, council-by-election,
        /// parliamentary-by-election, or the file's TypeofElection.
        #[arg(long = "type")]
        kind: Option<String>,
        /// The credit the council's licence asks for (default: "Source: <council>").
        #[arg(long)]
        attribution: Option<String>,
        #[command(flatten)]
        output: Output,
    },
    /// A Scottish council election (2017 or 2022) counted by the single transferable
    /// vote, from the stv.vote layout: one contest per ward, each with its count.
    #[command(after_help = "Example:\n  results import stv-scotland --file scotland_council_2022/council.csv --council edinburgh \\\n      --out data/edinburgh/\n\nA ward whose count contradicts itself is imported without it (its first preferences and\nwhom the source declares elected), and a warning says why.")]
    StvScotland {
        /// The file (`council.csv`, `council17-mulvenna-org.csv`).
        #[arg(long)]
        file: PathBuf,
        /// The council: its council_id (edinburgh) or name (City of Edinburgh).
        #[arg(long)]
        council: String,
        #[command(flatten)]
        output: Output,
    },
    /// The Northern Ireland Assembly election from ElectionsNI's constituency folders
    /// (Count.csv, ConstituencyCount.csv, NonTransferable.csv in each).
    #[command(after_help = "Example:\n  results import ni-assembly --dir ni_assembly_2022 --date 2022-05-05 --out data/ni-assembly/\n\nA constituency whose count contradicts itself is imported without it, and a warning says why.")]
    NiAssembly {
        /// The folder holding one folder per constituency.
        #[arg(long)]
        dir: PathBuf,
        /// Polling day, YYYY-MM-DD.
        #[arg(long)]
        date: String,
        #[command(flatten)]
        output: Output,
    },
    /// A hand-filled CSV file (one row per candidate; see docs/hand-csv.md).
    #[command(after_help = "Example:\n  results import csv --file examples/by-election.csv --out by-election/\n\nColumns: election_id, election_name, date, kind, seat_code, seat_name, candidate, party, votes;\noptional: seats, electorate, ballots, rejected, party_name, colour, elected, sitting, stage, stage_name,\nregion, nation, attribution. See docs/hand-csv.md.")]
    Csv {
        #[arg(long)]
        file: PathBuf,
        /// The election_id to import, where the file holds several.
        #[arg(long)]
        election: Option<String>,
        #[command(flatten)]
        output: Output,
    },
}

fn import(source: Source) -> Result<(), ImportError> {
    let started = std::time::Instant::now();
    let (file, output) = match source {
        Source::Hoc { candidates, constituencies, ec_admin, election, output } => {
            progress(&format!("reading {}", candidates.display()));
            let file = import::hoc::convert(&candidates, constituencies.as_deref(), &election)?;
            let file = match ec_admin {
                Some(data3) => import::hoc::with_ec_admin(file, &data3)?,
                None => file,
            };
            (file, output)
        }
        Source::Longrun { file, year, output } => {
            progress(&format!("reading {}", file.display()));
            (import::longrun::convert(&file, &year)?, output)
        }
        Source::Ec2017 { seats, candidates, output } => (import::ec::convert_2017(&seats, &candidates)?, output),
        Source::Ec2015 { candidates, seats, output } => (import::ec::convert_2015(&candidates, &seats)?, output),
        Source::Ec2010 { candidates, output } => (import::ec::convert_2010(&candidates)?, output),
        Source::Ec2005 { candidates, output } => (import::ec::convert_2005(&candidates)?, output),
        Source::London { year, candidates, wards, borough, output } => {
            progress(&format!("reading {}", candidates.display()));
            (import::local::london(year, &candidates, wards.as_deref(), borough.as_deref())?, output)
        }
        Source::MayorSv { file, year, output } => (import::local::mayor_sv(&file, &year)?, output),
        Source::Lga { file, date, kind, attribution, output } => (import::local::lga(&file, &date, kind.as_deref(), attribution.as_deref())?, output),
        Source::Csv { file, election, output } => (import::local::hand_csv(&file, election.as_deref())?, output),
        Source::StvScotland { file, council, output } => {
            let mut file = warned(import::stv::scotland(&file, &council)?);
            import::stv::follow(&mut file, &store::elections(&output.out)?);
            (file, output)
        }
        Source::NiAssembly { dir, date, output } => (warned(import::stv::ni_assembly(&dir, &date)?), output),
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

/// An import's file, its warnings about the source printed.
fn warned(imported: import::stv::Imported) -> ResultsFile {
    for warning in &imported.warnings {
        eprintln!("warning: {warning}");
    }
    imported.file
}

fn link(mut file: ResultsFile, output: &Output) -> Result<ResultsFile, ImportError> {
    if let Some(path) = &output.predecessors {
        links::apply_predecessors(&mut file, path)?;
    }
    if let Some(path) = &output.overlap {
        links::apply_overlap(&mut file, path)?;
    }
    if let Some(path) = &output.welsh_names {
        links::apply_welsh_names(&mut file, path)?;
    }
    let stored = store::elections(&output.out)?;
    if output.link_by_name {
        links::link_by_name(&mut file, &stored);
    }
    links::previous_winners(&mut file, &stored);
    Ok(file)
}

/// Provisional codes in the 2023 hex map, replaced in 2024 (see SOURCES.md).
const HEX_RENAMES: &[(&str, &str)] = &[
    ("S14000006", "S14000107"),
    ("S14000008", "S14000108"),
    ("S14000010", "S14000109"),
    ("S14000040", "S14000110"),
    ("S14000058", "S14000111"),
];

fn progress(message: &str) {
    eprintln!("results: {message}");
}

fn read(path: PathBuf) -> Result<String, ImportError> {
    std::fs::read_to_string(&path).map_err(|source| ImportError::Read { path, source })
}

/// One seat's result in one election (the latest where `election` is none), from a
/// results directory (its `seats/CODE.json`) or one results file, with the credit
/// its figures carry.
fn seat_result(src: &Path, code: &str, election: Option<&str>) -> Result<(results_core::ResultsFile, results_core::SeatResult, Option<String>), ImportError> {
    let path = if src.is_file() { src.to_path_buf() } else { src.join("seats").join(format!("{code}.json")) };
    let file = results_core::parse_results(&read(path.clone())?).map_err(|e| ImportError::Invalid(vec![format!("{}: {e}", path.display())]))?;
    let contest = file.contest(code, election).ok_or_else(|| ImportError::Unsupported(format!("{}: no result for {code}{}", path.display(), election.map(|e| format!(" in {e}")).unwrap_or_default())))?;
    let (result, credit) = (results_core::SeatResult::new(&file, contest), file.credit(&contest.election).map(str::to_string));
    Ok((file, result, credit))
}

/// `text` into the file `out`, or to standard output.
fn write_out(text: &str, out: Option<PathBuf>) -> Result<(), ImportError> {
    match out {
        Some(path) => std::fs::write(&path, text).map_err(|source| ImportError::Write { path, source }),
        None => {
            print!("{text}");
            Ok(())
        }
    }
}

#[allow(clippy::too_many_arguments)]
fn card(seat: &str, election: Option<&str>, src: &Path, size: &str, theme: &str, words: Words, out: Option<PathBuf>) -> Result<(), ImportError> {
    use results_core::card::{card_svg, Card, Shape, Theme};
    let shape = Shape::parse(size).ok_or_else(|| ImportError::Unsupported(format!("unknown card size \"{size}\"; use 1200x675 or 1080x1080")))?;
    let theme = Theme::parse(theme).ok_or_else(|| ImportError::Unsupported(format!("unknown theme \"{theme}\"; use light or dark")))?;
    let embed = words.embed()?;
    let (file, result, credit) = seat_result(src, seat, election)?;
    let history = results_core::history::seat_history(&file, seat, election);
    let card = Card::new(&result, file.contest(seat, election).and_then(|contest| results_core::history::previous(contest, &history)), credit.as_deref(), embed.locale(), Card::bars_for(shape));
    let svg = card_svg(&card, shape, theme);
    let kind = out.as_ref().and_then(|path| path.extension()).map(|ext| ext.to_string_lossy().to_ascii_lowercase());
    if let Some(other) = kind.as_deref().filter(|ext| !["svg", "png"].contains(ext)) {
        return Err(ImportError::Unsupported(format!("a card is written as .svg or .png, not .{other}")));
    }
    match out {
        Some(path) if kind.as_deref() == Some("png") => {
            let png = results_cli::png::from_svg(&svg).map_err(ImportError::Unsupported)?;
            std::fs::write(&path, png).map_err(|source| ImportError::Write { path, source })
        }
        out => write_out(&svg, out),
    }
}

fn csv(seat: Option<&str>, election: Option<&str>, src: &std::path::Path, out: Option<PathBuf>) -> Result<(), ImportError> {
    let locale = results_core::locale::Locale::default();
    let text = match seat {
        Some(code) => {
            let (_, result, _) = seat_result(src, code, election)?;
            results_core::csv::result_csv(&result, &(0..result.rows.len()).collect::<Vec<_>>(), &locale)
        }
        None => {
            let path = src.join("index.json");
            let index = results_core::parse_index(&read(path.clone())?).map_err(|e| ImportError::Invalid(vec![format!("{}: {e}", path.display())]))?;
            results_core::csv::seats_csv(&index, &(0..index.seats.len()).collect::<Vec<_>>(), &locale)
        }
    };
    write_out(&text, out)
}

fn fill(page: &Path, data: Option<PathBuf>, out: Option<PathBuf>) -> Result<(), ImportError> {
    let html = std::fs::read_to_string(page).map_err(|source| ImportError::Read { path: page.to_path_buf(), source })?;
    let base = data.unwrap_or_else(|| page.parent().map(Path::to_path_buf).unwrap_or_default());
    let filled = results_cli::render::fill(&html, &base)?;
    let path = out.unwrap_or_else(|| page.to_path_buf());
    std::fs::write(&path, filled).map_err(|source| ImportError::Write { path, source })
}

#[allow(clippy::too_many_arguments)]
/// `page`: none for the snippet; a whole page, from a template or plain.
fn render(view: &str, seat: &str, election: Option<String>, src: &str, data: Option<PathBuf>, page: Option<Option<PathBuf>>, colours: Option<&str>, words: Words, out: Option<PathBuf>) -> Result<(), ImportError> {
    let mut pairs = vec![("view", view), ("seat", seat)];
    if let Some(election) = election.as_deref() {
        pairs.push(("election", election));
    }
    let route = results_core::Route::from_pairs(pairs);
    if route.view.as_str() != view.trim().to_lowercase() {
        return Err(ImportError::Invalid(vec![format!("unknown view \"{view}\"; use result, history, compare or national")]));
    }
    let dir = data.unwrap_or_else(|| PathBuf::from(src));
    let embed = words.embed()?;
    let widget = results_cli::render::render(&route, &dir, src, &embed, colours)?;
    let text = match page {
        None => widget + "\n",
        Some(None) => results_cli::render::page("Election results", &widget),
        Some(Some(template)) => {
            let html = std::fs::read_to_string(&template).map_err(|source| ImportError::Read { path: template.clone(), source })?;
            results_cli::render::from_template(&html, &widget).map_err(|e| ImportError::Unsupported(format!("{}: {e}", template.display())))?
        }
    };
    match out {
        Some(path) => std::fs::write(&path, text).map_err(|source| ImportError::Write { path, source }),
        None => {
            print!("{text}");
            Ok(())
        }
    }
}

fn postcodes(ranges: &Path, codes: &Path, out: &Path) -> Result<(), ImportError> {
    let table = results_cli::postcodes::read_table(ranges, codes)?;
    let written = results_cli::postcodes::write(out, &table)?;
    let largest = match written.largest_gzip {
        Some((name, size)) => format!("the largest, {name}, is {size} bytes gzip -9 (at most {})", results_cli::postcodes::MAX_GZIP_BYTES),
        None => "gzip was not found, so their gzipped sizes are not measured".to_string(),
    };
    progress(&format!("wrote {} postcode files ({} bytes) from {} ranges into {}; {largest}", written.files, written.bytes, table.ranges.len(), out.join("postcodes").display()));
    Ok(())
}

fn schema() -> Result<(), ImportError> {
    let text = serde_json::to_string_pretty(&results_core::model::json_schema()).map_err(|e| ImportError::Invalid(vec![e.to_string()]))?;
    println!("{text}");
    Ok(())
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    import::csv::notes_to(progress);
    let outcome = match cli.command {
        Command::Import(source) => import(source),
        Command::Validate { path } => store::validate_path(Path::new(&path)),
        Command::Schema => schema(),
        Command::Simulate { from, out, interval, batch, seed, steps } => {
            let night = results_cli::simulate::Night { interval, batch, seed, steps };
            results_cli::simulate::run(&from, &out, &night, |declared, total| progress(&format!("{declared} of {total} declared")))
        }
        Command::Render { view, seat, election, src, data, page, template, colours, words, out } => {
            let page = if page { Some(template) } else { None };
            render(&view, &seat, election, &src, data, page, colours.as_deref(), words, out)
        }
        Command::Fill { page, data, out } => fill(&page, data, out),
        Command::Colours { dir, out } => results_cli::render::colours(&dir).and_then(|css| {
            let path = out.unwrap_or_else(|| dir.join(results_cli::render::COLOURS));
            std::fs::write(&path, css).map_err(|source| ImportError::Write { path: path.clone(), source }).map(|()| progress(&format!("wrote {}", path.display())))
        }),
        Command::Postcodes { ranges, codes, out } => postcodes(&ranges, &codes, &out),
        Command::Card { seat, election, src, size, theme, words, out } => card(&seat, election.as_deref(), &src, &size, &theme, words, out),
        Command::Csv { seat, election, src, out } => csv(seat.as_deref(), election.as_deref(), &src, out),
        Command::Postcode { postcode, src } => match results_cli::postcodes::lookup(&src, &postcode) {
            Ok(seat) => {
                println!("{} {}", seat.code, seat.name);
                Ok(())
            }
            Err(err) => Err(ImportError::Unsupported(err.to_string())),
        },
        Command::Hexmap { file, out } => store::add_hexmap(&out, &file, HEX_RENAMES).map(|n| progress(&format!("placed {n} seats on the hex map"))),
    };
    match outcome {
        Ok(()) => ExitCode::SUCCESS,
        Err(err) => {
            eprintln!("results: {err}");
            ExitCode::FAILURE
        }
    }
}
