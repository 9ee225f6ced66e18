//! What the importers' unit tests share: the source files in `../shared/data`, and
//! temporary files made from text.

use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};

/// A file of `../shared/data` (beside the repository).
pub fn shared(file: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/data").join(file)
}

/// A file in the temp directory, removed when dropped; its name is this process's
/// own and unique to each call, so tests running at once do not share one.
pub struct Temp(pub PathBuf);

impl Temp {
    pub fn new(name: &str, contents: impl AsRef<[u8]>) -> Temp {
        static NEXT: AtomicUsize = AtomicUsize::new(0);
        let path = std::env::temp_dir().join(format!("results-{}-{}-{name}", std::process::id(), NEXT.fetch_add(1, Ordering::Relaxed)));
        std::fs::write(&path, contents).unwrap();
        Temp(path)
    }
}

impl Drop for Temp {
    fn drop(&mut self) {
        let _ = std::fs::remove_file(&self.0);
    }
}
