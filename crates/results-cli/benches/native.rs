//! Native figures for `make bench`: parse and validate the national 2024 data, and
//! import the 2024 House of Commons Library CSV files. Prints one JSON line per
//! figure (figure, values, budget, unit) for bench/report.mjs.

use std::hint::black_box;
use std::path::{Path, PathBuf};
use std::time::Instant;

use results_cli::import::hoc;

const RUNS: usize = 15;

fn shared(file: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/data").join(file)
}

fn measure(figure: &str, budget: f64, mut work: impl FnMut()) {
    work(); // warm the caches once
    let values: Vec<String> = (0..RUNS)
        .map(|_| {
            let start = Instant::now();
            work();
            format!("{:.3}", start.elapsed().as_secs_f64() * 1000.0)
        })
        .collect();
    println!("{{\"figure\":\"{figure}\",\"values\":[{}],\"budget\":{budget},\"unit\":\"ms\"}}", values.join(","));
}

fn main() {
    let candidates = shared("HoC-GE2024-results-by-candidate.csv");
    let constituencies = shared("HoC-GE2024-results-by-constituency.csv");
    let national = match hoc::convert(&candidates, Some(&constituencies), "ge2024") {
        Ok(file) => file,
        Err(err) => {
            eprintln!("bench: cannot import the 2024 files: {err}");
            std::process::exit(1);
        }
    };
    let text = serde_json::to_string(&national).unwrap_or_default();
    println!("{{\"figure\":\"native: national 2024 data, JSON size\",\"values\":[{}],\"budget\":null,\"unit\":\"KB\"}}", text.len() / 1024);

    measure("native: parse and validate national 2024 data (650 seats)", 10.0, || {
        black_box(results_core::parse_results(black_box(&text)).is_ok());
    });
    measure("native: import 2024 HoC CSV files", 200.0, || {
        black_box(hoc::convert(&candidates, Some(&constituencies), "ge2024").is_ok());
    });
}
