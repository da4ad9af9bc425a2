//! Old or new, never a mix: a write stages every new file first (temporary files, flushed to
//! disk), then writes a small journal, `.k8s-dsl-journal`, listing every switch to make (each
//! rename of a temporary file over its target, each removal of a stale file with the hash it
//! must still have), then makes them, then removes the journal.
//!
//! The journal is itself written to a temporary file and renamed into place, so it is either
//! complete or absent. The next write or check (holding the directory's lock) completes a
//! journal it finds, making again the switches not yet made, and removes every leftover
//! temporary file: a run killed before the journal was in place is rolled back (its
//! temporaries go), one killed after it is completed. Either way the directory then holds
//! exactly the old or the new files.

use std::cell::Cell;
use std::fs;
use std::io;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use super::atomic::{self, Interrupt};
use super::ownership::{self, is_plain_name, is_relative_name, stays_inside};
use super::OutputError;

/// The journal's name.
pub(crate) const JOURNAL_FILE: &str = ".k8s-dsl-journal";

/// One switch.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub(crate) enum Step {
    /// Remove `name`, if it still has the contents hashed `sha256`.
    Remove {
        /// The file.
        name: String,
        /// The SHA-256 it must have.
        sha256: String,
    },
    /// Rename the temporary file `temp` over `name`.
    Rename {
        /// The staged temporary file.
        temp: String,
        /// The target.
        name: String,
    },
}

/// The journal's contents.
#[derive(Debug, Serialize, Deserialize)]
struct Journal {
    steps: Vec<Step>,
}

/// Stops the process at a chosen step of a write, as a kill would (for tests of killed runs:
/// [`Directory::__exit_at_step`](super::Directory::__exit_at_step)); never by default.
#[derive(Debug, Default)]
pub(crate) struct ExitAt {
    at: Option<u32>,
    count: Cell<u32>,
}

impl ExitAt {
    /// Exits at step `at`, or never.
    pub(crate) fn new(at: Option<u32>) -> Self {
        ExitAt {
            at,
            count: Cell::new(0),
        }
    }

    /// One step done: exits the process if it is the chosen one.
    pub(crate) fn step(&self) {
        let count = self.count.get();
        if self.at == Some(count) {
            std::process::exit(86);
        }
        self.count.set(count + 1);
    }
}

/// Writes the journal of `steps` into `dir`: once this returns, the switch will happen.
pub(crate) fn commit(dir: &Path, steps: &[Step]) -> Result<(), OutputError> {
    let path = dir.join(JOURNAL_FILE);
    let text = serde_json::to_string_pretty(&Journal {
        steps: steps.to_vec(),
    })
    .map_err(|e| OutputError::io("write", &path, io::Error::other(e)))?;
    // The staged files' names are durable before the journal that names them.
    atomic::sync_directory(dir);
    let temp = atomic::stage(dir, &path, text.as_bytes(), &Interrupt::default())?;
    if let Err(error) = fs::rename(&temp, &path) {
        let _ = fs::remove_file(&temp);
        return Err(OutputError::io("write", path, error));
    }
    atomic::sync_directory(dir);
    Ok(())
}

/// Makes the switches of `steps` not yet made; returns the files removed.
pub(crate) fn apply(
    dir: &Path,
    steps: &[Step],
    exit: &ExitAt,
) -> Result<Vec<PathBuf>, OutputError> {
    let mut removed = Vec::new();
    for step in steps {
        match step {
            Step::Remove { name, sha256 } if is_relative_name(name) && stays_inside(dir, name) => {
                let path = dir.join(name);
                let is_file = fs::symlink_metadata(&path).is_ok_and(|meta| meta.is_file());
                let same = is_file
                    && fs::read(&path).is_ok_and(|bytes| ownership::hash(&bytes) == *sha256);
                if same {
                    match fs::remove_file(&path) {
                        Ok(()) => removed.push(path),
                        Err(error) if error.kind() == io::ErrorKind::NotFound => {}
                        Err(error) => return Err(OutputError::io("remove", path, error)),
                    }
                }
            }
            Step::Rename { temp, name }
                if is_relative_name(name)
                    && stays_inside(dir, name)
                    && atomic::is_temp_name(temp)
                    && is_plain_name(temp) =>
            {
                let (from, to) = (dir.join(temp), dir.join(name));
                match fs::rename(&from, &to) {
                    Ok(()) => {}
                    // Made before the run was killed.
                    Err(error) if error.kind() == io::ErrorKind::NotFound => {}
                    Err(error) => return Err(OutputError::io("replace", to, error)),
                }
            }
            // A journal edited by hand: nothing outside the directory is touched.
            Step::Remove { .. } | Step::Rename { .. } => {}
        }
        exit.step();
    }
    atomic::sync_directory(dir);
    Ok(removed)
}

/// Removes the journal: the switch is complete.
pub(crate) fn finish(dir: &Path) -> Result<(), OutputError> {
    let path = dir.join(JOURNAL_FILE);
    match fs::remove_file(&path) {
        Ok(()) => {}
        Err(error) if error.kind() == io::ErrorKind::NotFound => {}
        Err(error) => return Err(OutputError::io("remove", path, error)),
    }
    atomic::sync_directory(dir);
    Ok(())
}

/// Completes the journal a killed run left in `dir` (if any), then removes every leftover
/// temporary file; call it holding the lock. Returns the files removed.
pub(crate) fn recover(dir: &Path) -> Result<Vec<PathBuf>, OutputError> {
    let path = dir.join(JOURNAL_FILE);
    let mut removed = Vec::new();
    match fs::read(&path) {
        Ok(bytes) => {
            // A damaged journal (only a hand edit can damage it) is dropped: the files it
            // listed stay as they are, and the record still lists every file written.
            if let Ok(journal) = serde_json::from_slice::<Journal>(&bytes) {
                removed = apply(dir, &journal.steps, &ExitAt::default())?;
            }
            finish(dir)?;
        }
        Err(error) if error.kind() == io::ErrorKind::NotFound => {}
        Err(error) => return Err(OutputError::io("read", path, error)),
    }
    removed.extend(atomic::remove_leftovers(dir)?);
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
            std::env::temp_dir().join(format!("k8s-dsl-journal-{name}-{}", std::process::id()));
        let _ = fs::remove_dir_all(&dir);
        fs::create_dir_all(&dir).unwrap();
        dir
    }

    #[test]
    fn a_committed_journal_is_completed_by_the_next_run() {
        let dir = scratch("complete");
        fs::write(dir.join("a.yaml"), "old a\n").unwrap();
        fs::write(dir.join("gone.yaml"), "old gone\n").unwrap();
        fs::write(dir.join("edited.yaml"), "edited by hand\n").unwrap();
        let temp =
            atomic::stage(&dir, &dir.join("a.yaml"), b"new a\n", &Interrupt::default()).unwrap();
        let temp = temp.file_name().unwrap().to_string_lossy().into_owned();
        let steps = [
            Step::Remove {
                name: "gone.yaml".into(),
                sha256: ownership::hash(b"old gone\n"),
            },
            Step::Remove {
                name: "edited.yaml".into(),
                sha256: ownership::hash(b"what was written\n"),
            },
            Step::Rename {
                temp,
                name: "a.yaml".into(),
            },
            Step::Rename {
                temp: ".1-1.k8s-dsl-tmp".into(),
                name: "../escape.yaml".into(),
            },
        ];
        commit(&dir, &steps).unwrap();
        // Killed here: the next run makes every switch.
        let removed = recover(&dir).unwrap();
        assert_eq!(removed, [dir.join("gone.yaml")]);
        assert_eq!(fs::read_to_string(dir.join("a.yaml")).unwrap(), "new a\n");
        assert_eq!(
            fs::read_to_string(dir.join("edited.yaml")).unwrap(),
            "edited by hand\n"
        );
        let mut names: Vec<String> = fs::read_dir(&dir)
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        names.sort();
        assert_eq!(names, ["a.yaml", "edited.yaml"]);
        // Completing twice changes nothing.
        assert!(recover(&dir).unwrap().is_empty());
        fs::remove_dir_all(dir).unwrap();
    }

    #[test]
    fn a_journal_switches_files_in_subdirectories_but_not_through_links() {
        let dir = scratch("nested");
        fs::create_dir_all(dir.join("templates")).unwrap();
        fs::write(dir.join("templates/old.yaml"), "old\n").unwrap();
        let stage = |text: &[u8]| {
            let temp = atomic::stage(&dir, &dir.join("x"), text, &Interrupt::default()).unwrap();
            temp.file_name().unwrap().to_string_lossy().into_owned()
        };
        let steps = vec![
            Step::Rename {
                temp: stage(b"new\n"),
                name: "templates/new.yaml".into(),
            },
            Step::Remove {
                name: "templates/old.yaml".into(),
                sha256: ownership::hash(b"old\n"),
            },
        ];
        commit(&dir, &steps).unwrap();
        let removed = recover(&dir).unwrap();
        assert_eq!(removed, [dir.join("templates/old.yaml")]);
        assert_eq!(
            fs::read_to_string(dir.join("templates/new.yaml")).unwrap(),
            "new\n"
        );
        #[cfg(unix)]
        {
            let outside = scratch("nested-outside");
            fs::write(outside.join("a.yaml"), "a\n").unwrap();
            std::os::unix::fs::symlink(&outside, dir.join("link")).unwrap();
            let steps = vec![Step::Remove {
                name: "link/a.yaml".into(),
                sha256: ownership::hash(b"a\n"),
            }];
            commit(&dir, &steps).unwrap();
            assert!(recover(&dir).unwrap().is_empty());
            assert!(outside.join("a.yaml").exists());
            fs::remove_dir_all(outside).unwrap();
        }
        fs::remove_dir_all(dir).unwrap();
    }

    #[test]
    fn staged_files_without_a_journal_are_rolled_back() {
        let dir = scratch("rollback");
        fs::write(dir.join("a.yaml"), "old a\n").unwrap();
        atomic::stage(&dir, &dir.join("a.yaml"), b"new a\n", &Interrupt::default()).unwrap();
        assert_eq!(recover(&dir).unwrap().len(), 1);
        assert_eq!(fs::read_to_string(dir.join("a.yaml")).unwrap(), "old a\n");
        assert_eq!(fs::read_dir(&dir).unwrap().count(), 1);
        fs::remove_dir_all(dir).unwrap();
    }

    #[test]
    fn a_damaged_journal_is_dropped() {
        let dir = scratch("damaged");
        fs::write(dir.join(JOURNAL_FILE), "{ not json").unwrap();
        recover(&dir).unwrap();
        assert_eq!(fs::read_dir(&dir).unwrap().count(), 0);
        fs::remove_dir_all(dir).unwrap();
    }
}
