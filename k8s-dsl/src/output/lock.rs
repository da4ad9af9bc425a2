//! One writer at a time: an advisory lock on the output directory, held for a whole write or
//! check. On Unix the directory itself is locked (`flock`), so the lock adds no file; elsewhere
//! the lock is on a file `.k8s-dsl-lock` in it. A writer that finds the directory locked
//! waits, up to its timeout, saying so once on stderr when the wait is longer than a second,
//! then fails with [`OutputError::Locked`].

use std::fs::File;
use std::path::Path;
use std::time::{Duration, Instant};

use fs4::FileExt;
use fs4::TryLockError;

use super::OutputError;

/// How long a writer waits for another one by default.
pub(crate) const DEFAULT_TIMEOUT: Duration = Duration::from_secs(120);

/// How long a writer waits before it says that it waits.
const SAY_AFTER: Duration = Duration::from_secs(1);

/// How often a waiting writer tries again.
const POLL: Duration = Duration::from_millis(20);

/// The name of the lock file on systems where a directory cannot be locked.
#[cfg(not(unix))]
pub(crate) const LOCK_FILE: &str = ".k8s-dsl-lock";

/// A held lock, released when dropped (or when the process ends, however it ends).
#[derive(Debug)]
pub(crate) struct DirLock {
    _file: File,
}

/// Opens what is locked for `dir`.
fn open(dir: &Path) -> std::io::Result<File> {
    #[cfg(unix)]
    {
        File::open(dir)
    }
    #[cfg(not(unix))]
    {
        std::fs::OpenOptions::new()
            .create(true)
            .truncate(false)
            .write(true)
            .open(dir.join(LOCK_FILE))
    }
}

/// Takes the exclusive lock of `dir`, waiting up to `timeout` for another writer.
pub(crate) fn acquire(dir: &Path, timeout: Duration) -> Result<DirLock, OutputError> {
    let file = open(dir).map_err(|e| OutputError::io("lock", dir, e))?;
    let started = Instant::now();
    let mut said = false;
    loop {
        match FileExt::try_lock(&file) {
            Ok(()) => return Ok(DirLock { _file: file }),
            Err(TryLockError::Error(error)) => return Err(OutputError::io("lock", dir, error)),
            Err(TryLockError::WouldBlock) => {}
        }
        let waited = started.elapsed();
        if waited >= timeout {
            return Err(OutputError::Locked {
                path: dir.to_owned(),
                waited,
            });
        }
        // A wait of a moment (another run finishing, a child process of this one starting
        // with the lock's descriptor still open) is not worth a message.
        if !said && waited >= SAY_AFTER {
            eprintln!(
                "k8s-dsl: waiting for another run writing or checking `{}` (up to {} s)",
                dir.display(),
                timeout.as_secs_f64()
            );
            said = true;
        }
        std::thread::sleep(POLL.min(timeout.saturating_sub(waited)));
    }
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

    #[test]
    fn a_second_lock_waits_then_fails_and_succeeds_once_released() {
        let dir = std::env::temp_dir().join(format!("k8s-dsl-lock-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let first = acquire(&dir, Duration::ZERO).unwrap();
        let error = acquire(&dir, Duration::from_millis(30)).unwrap_err();
        assert!(
            matches!(&error, OutputError::Locked { path, waited } if *path == dir && *waited >= Duration::from_millis(30)),
            "{error}"
        );
        drop(first);
        acquire(&dir, Duration::ZERO).unwrap();
        std::fs::remove_dir_all(&dir).unwrap();
    }
}
