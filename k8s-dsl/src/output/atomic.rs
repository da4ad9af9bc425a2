//! Staged file writes: the text goes to a temporary file in the same directory and is flushed
//! to disk; the switch (a rename over the target) comes later, for every file at once, from the
//! journal ([`super::journal`]). A reader (or a run killed part way) sees the old file or the
//! new one, never half of one.
//!
//! Temporary files are named `.{pid}-{counter}.k8s-dsl-tmp`: unique per writer, short
//! whatever the target's name, and created only while the directory's lock is held
//! ([`super::lock`]), so a writer holding it knows that every other temporary file was left by
//! a writer that is gone.

use std::cell::Cell;
use std::fs::{self, File, OpenOptions};
use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};

use super::OutputError;

/// The suffix of temporary files; leftovers of a killed run are removed by the next run.
pub(crate) const TEMP_SUFFIX: &str = ".k8s-dsl-tmp";

/// Numbers the temporary files of this process.
static COUNTER: AtomicU64 = AtomicU64::new(0);

/// A budget of bytes after which writing stops as if the process were killed (for tests of
/// interrupted runs); unlimited by default.
#[derive(Debug, Default)]
pub(crate) struct Interrupt {
    remaining: Option<Cell<u64>>,
}

impl Interrupt {
    /// Stops after `bytes` bytes, or never.
    pub(crate) fn after(bytes: Option<u64>) -> Self {
        Interrupt {
            remaining: bytes.map(Cell::new),
        }
    }
}

/// A writer that fails once the [`Interrupt`] budget is spent.
struct Limited<'a, W> {
    inner: W,
    interrupt: &'a Interrupt,
    tripped: bool,
}

impl<W: Write> Write for Limited<'_, W> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        let Some(remaining) = &self.interrupt.remaining else {
            return self.inner.write(buf);
        };
        let allowed = usize::try_from(remaining.get())
            .unwrap_or(usize::MAX)
            .min(buf.len());
        if allowed == 0 && !buf.is_empty() {
            self.tripped = true;
            return Err(io::Error::other("interrupted (injected failure)"));
        }
        let written = self.inner.write(buf.get(..allowed).unwrap_or_default())?;
        remaining.set(remaining.get().saturating_sub(written as u64));
        Ok(written)
    }

    fn flush(&mut self) -> io::Result<()> {
        self.inner.flush()
    }
}

/// Whether `name` is a temporary file's name.
pub(crate) fn is_temp_name(name: &str) -> bool {
    name.starts_with('.') && name.ends_with(TEMP_SUFFIX)
}

/// Creates a new temporary file in `dir`, named for this process.
fn create_temp(dir: &Path) -> Result<(PathBuf, File), OutputError> {
    loop {
        let n = COUNTER.fetch_add(1, Ordering::Relaxed);
        let path = dir.join(format!(".{}-{n}{TEMP_SUFFIX}", std::process::id()));
        match OpenOptions::new().write(true).create_new(true).open(&path) {
            Ok(file) => return Ok((path, file)),
            // Left by an earlier process with the same id: take the next number.
            Err(error) if error.kind() == io::ErrorKind::AlreadyExists => {}
            Err(error) => return Err(OutputError::io("write", path, error)),
        }
    }
}

/// Writes `contents` to a new temporary file in `dir`, flushed to disk, for `target`; returns
/// its path.
///
/// On an ordinary error the temporary file is removed; on an injected interruption it is left
/// behind, as a killed process would leave it.
pub(crate) fn stage(
    dir: &Path,
    target: &Path,
    contents: &[u8],
    interrupt: &Interrupt,
) -> Result<PathBuf, OutputError> {
    let (temp, file) = create_temp(dir)?;
    let mut writer = Limited {
        inner: file,
        interrupt,
        tripped: false,
    };
    let written = writer.write_all(contents).and_then(|()| writer.flush());
    if let Err(error) = written {
        if writer.tripped {
            return Err(OutputError::Interrupted {
                path: target.to_owned(),
            });
        }
        let _ = fs::remove_file(&temp);
        return Err(OutputError::io("write", &temp, error));
    }
    if let Err(error) = writer.inner.sync_all() {
        let _ = fs::remove_file(&temp);
        return Err(OutputError::io("flush to disk", &temp, error));
    }
    Ok(temp)
}

/// Makes renames and removals in `dir` durable, where the platform allows opening a
/// directory.
pub(crate) fn sync_directory(dir: &Path) {
    if let Ok(dir) = File::open(dir) {
        let _ = dir.sync_all();
    }
}

/// Whether the temporary file `name` was left by a writer that is gone, for a writer holding
/// the directory's lock. Temporary files of this version (`.{pid}-{counter}.k8s-dsl-tmp`) are
/// created only under the lock, so all of them are. Earlier versions took no lock and named
/// them `.{file}.{pid}.k8s-dsl-tmp`: such a file is stale unless its process still runs
/// (where the system shows running processes in `/proc`).
fn provably_stale(name: &str) -> bool {
    let stem = name
        .strip_prefix('.')
        .and_then(|rest| rest.strip_suffix(TEMP_SUFFIX))
        .unwrap_or_default();
    let digits = |text: &str| !text.is_empty() && text.bytes().all(|b| b.is_ascii_digit());
    if stem
        .split_once('-')
        .is_some_and(|(pid, n)| digits(pid) && digits(n))
    {
        return true;
    }
    match stem.rsplit_once('.') {
        Some((_, pid)) if digits(pid) && pid != std::process::id().to_string() => {
            !Path::new("/proc").join("self").exists() || !Path::new("/proc").join(pid).exists()
        }
        _ => true,
    }
}

/// Removes temporary files that killed runs left in `dir` (call it holding the lock);
/// returns their paths.
pub(crate) fn remove_leftovers(dir: &Path) -> Result<Vec<PathBuf>, OutputError> {
    let entries = fs::read_dir(dir).map_err(|e| OutputError::io("read directory", dir, e))?;
    let mut removed = Vec::new();
    for entry in entries.flatten() {
        let name = entry.file_name();
        let name = name.to_string_lossy();
        if is_temp_name(&name) && provably_stale(&name) {
            let path = entry.path();
            match fs::remove_file(&path) {
                Ok(()) => removed.push(path),
                Err(error) if error.kind() == io::ErrorKind::NotFound => {}
                Err(error) => return Err(OutputError::io("remove", &path, error)),
            }
        }
    }
    removed.sort();
    Ok(removed)
}

#[cfg(test)]
#[allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]
mod tests {
    use super::*;

    fn scratch(name: &str) -> PathBuf {
        let dir =
            std::env::temp_dir().join(format!("k8s-dsl-atomic-{name}-{}", std::process::id()));
        let _ = fs::remove_dir_all(&dir);
        fs::create_dir_all(&dir).unwrap();
        dir
    }

    #[test]
    fn staged_files_are_unique_and_short() {
        let dir = scratch("unique");
        let target = dir.join("x".repeat(250));
        let a = stage(&dir, &target, b"a", &Interrupt::default()).unwrap();
        let b = stage(&dir, &target, b"b", &Interrupt::default()).unwrap();
        assert_ne!(a, b);
        for temp in [&a, &b] {
            let name = temp.file_name().unwrap().to_string_lossy().into_owned();
            assert!(is_temp_name(&name) && name.len() < 40, "{name}");
        }
        assert_eq!(fs::read(&b).unwrap(), b"b");
        assert_eq!(remove_leftovers(&dir).unwrap().len(), 2);
        fs::remove_dir_all(dir).unwrap();
    }

    #[test]
    fn an_interrupted_write_leaves_the_temporary_and_the_next_run_cleans_up() {
        let dir = scratch("interrupt");
        let target = dir.join("a.yaml");
        fs::write(&target, "old\n").unwrap();
        let error = stage(
            &dir,
            &target,
            b"a much longer new text\n",
            &Interrupt::after(Some(5)),
        )
        .unwrap_err();
        assert!(matches!(error, OutputError::Interrupted { .. }), "{error}");
        assert_eq!(fs::read_to_string(&target).unwrap(), "old\n");
        let leftovers = remove_leftovers(&dir).unwrap();
        assert_eq!(leftovers.len(), 1, "{leftovers:?}");
        assert_eq!(fs::read_dir(&dir).unwrap().count(), 1);
        fs::remove_dir_all(dir).unwrap();
    }

    #[test]
    fn only_temporaries_of_writers_that_are_gone_are_removed() {
        let dir = scratch("stale");
        let names = [
            ".123-4.k8s-dsl-tmp".to_owned(),
            ".a.yaml.999999999.k8s-dsl-tmp".to_owned(),
            format!(".a.yaml.{}.k8s-dsl-tmp", std::process::id()),
            // An earlier version's writer that still runs (pid 1 always does).
            ".b.yaml.1.k8s-dsl-tmp".to_owned(),
        ];
        for name in &names {
            fs::write(dir.join(name), "x").unwrap();
        }
        let removed = remove_leftovers(&dir).unwrap();
        let expected = match Path::new("/proc/self").exists() {
            true => 3,
            false => 4,
        };
        assert_eq!(removed.len(), expected, "{removed:?}");
        fs::remove_dir_all(dir).unwrap();
    }

    #[test]
    fn a_missing_directory_is_an_error_naming_the_path() {
        let dir = scratch("missing");
        let missing = dir.join("nope");
        let error = stage(
            &missing,
            &missing.join("a.yaml"),
            b"x",
            &Interrupt::default(),
        )
        .unwrap_err()
        .to_string();
        assert!(error.contains(&missing.display().to_string()), "{error}");
        fs::remove_dir_all(dir).unwrap();
    }
}
