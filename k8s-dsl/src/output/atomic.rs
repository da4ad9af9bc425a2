//! Atomic file writes: the text goes to a temporary file in the same directory, is flushed to
//! disk, and is renamed over the target. A reader (or a run killed part way) sees the old file
//! or the new one, never half of one.

use std::cell::Cell;
use std::fs::{self, File};
use std::io::{self, Write};
use std::path::{Path, PathBuf};

use super::OutputError;

/// The suffix of temporary files; leftovers of a killed run are removed by the next run.
pub(crate) const TEMP_SUFFIX: &str = ".k8s-dsl-tmp";

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

/// The temporary file next to `target`: `.{name}.{pid}.k8s-dsl-tmp`.
fn temp_path(target: &Path) -> PathBuf {
    let name = target
        .file_name()
        .map(|name| name.to_string_lossy().into_owned())
        .unwrap_or_default();
    target.with_file_name(format!(".{name}.{}{TEMP_SUFFIX}", std::process::id()))
}

/// Replaces `target` with `contents` atomically.
///
/// On an ordinary error the temporary file is removed; on an injected interruption it is left
/// behind, as a killed process would leave it.
pub(crate) fn write(
    target: &Path,
    contents: &[u8],
    interrupt: &Interrupt,
) -> Result<(), OutputError> {
    let temp = temp_path(target);
    let file = File::create(&temp).map_err(|e| OutputError::io("write", target, e))?;
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
    drop(writer);
    if let Err(error) = fs::rename(&temp, target) {
        let _ = fs::remove_file(&temp);
        return Err(OutputError::io("replace", target, error));
    }
    sync_directory(target);
    Ok(())
}

/// Makes the rename itself durable, where the platform allows opening a directory.
fn sync_directory(target: &Path) {
    if let Some(dir) = target.parent() {
        if let Ok(dir) = File::open(dir) {
            let _ = dir.sync_all();
        }
    }
}

/// Removes temporary files that a killed run left in `dir`; returns their paths.
pub(crate) fn remove_leftovers(dir: &Path) -> Result<Vec<PathBuf>, OutputError> {
    let entries = fs::read_dir(dir).map_err(|e| OutputError::io("read directory", dir, e))?;
    let mut removed = Vec::new();
    for entry in entries.flatten() {
        let name = entry.file_name();
        let name = name.to_string_lossy();
        if name.starts_with('.') && name.ends_with(TEMP_SUFFIX) {
            let path = entry.path();
            fs::remove_file(&path).map_err(|e| OutputError::io("remove", &path, e))?;
            removed.push(path);
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
    fn replaces_the_file_and_leaves_no_temporary() {
        let dir = scratch("replace");
        let target = dir.join("a.yaml");
        fs::write(&target, "old\n").unwrap();
        write(&target, b"new\n", &Interrupt::default()).unwrap();
        assert_eq!(fs::read_to_string(&target).unwrap(), "new\n");
        assert_eq!(fs::read_dir(&dir).unwrap().count(), 1);
        fs::remove_dir_all(dir).unwrap();
    }

    #[test]
    fn an_interrupted_write_keeps_the_old_file_and_the_next_run_cleans_up() {
        let dir = scratch("interrupt");
        let target = dir.join("a.yaml");
        fs::write(&target, "old\n").unwrap();
        let error = write(
            &target,
            b"a much longer new text\n",
            &Interrupt::after(Some(5)),
        )
        .unwrap_err();
        assert!(matches!(error, OutputError::Interrupted { .. }), "{error}");
        assert_eq!(fs::read_to_string(&target).unwrap(), "old\n");
        let leftovers = remove_leftovers(&dir).unwrap();
        assert_eq!(leftovers.len(), 1, "{leftovers:?}");
        assert_eq!(fs::read_to_string(&target).unwrap(), "old\n");
        assert_eq!(fs::read_dir(&dir).unwrap().count(), 1);
        fs::remove_dir_all(dir).unwrap();
    }

    #[test]
    fn a_missing_directory_is_an_error_naming_the_path() {
        let dir = scratch("missing");
        let target = dir.join("nope").join("a.yaml");
        let error = write(&target, b"x", &Interrupt::default())
            .unwrap_err()
            .to_string();
        assert!(
            error.contains(&dir.join("nope").display().to_string()),
            "{error}"
        );
        fs::remove_dir_all(dir).unwrap();
    }
}
