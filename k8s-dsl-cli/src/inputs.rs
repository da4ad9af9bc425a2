//! The inputs of a check: files, directories searched recursively, standard input; each file
//! read once, with its size bounded, and only when its turn comes (so one input's bytes are
//! held at a time).

use std::collections::HashSet;
use std::fs;
use std::io::{self, Read};
use std::path::{Path, PathBuf};

use k8s_dsl::read::{Limit, ReadError};

/// One input: its name as shown, and where its bytes come from.
pub(crate) struct Input {
    pub name: String,
    source: Source,
}

enum Source {
    Stdin,
    File(PathBuf),
}

impl Input {
    /// All of the input's bytes, or why they cannot be read (past `max_bytes`: read no
    /// further than that).
    pub(crate) fn read(&self, max_bytes: usize) -> Result<Vec<u8>, ReadError> {
        let result = match &self.source {
            Source::Stdin => bounded(io::stdin().lock(), max_bytes),
            Source::File(path) => fs::File::open(path)
                .map_err(Failed::Io)
                .and_then(|file| bounded(file, max_bytes)),
        };
        result.map_err(|e| e.into_error(&self.name))
    }
}

/// What the paths give, in their order: each input to read, or why a path cannot be read.
pub(crate) type Inputs = Vec<Result<Input, ReadError>>;

fn error(file: &str, limit: Option<Limit>, message: String) -> ReadError {
    ReadError {
        file: file.to_owned(),
        document: None,
        line: None,
        limit,
        message,
    }
}

/// The inputs of every path: `-` is standard input, a directory every manifest below it.
pub(crate) fn collect(paths: &[String]) -> Inputs {
    let mut out = Inputs::new();
    let mut seen_files: HashSet<PathBuf> = HashSet::new();
    let mut seen_dirs: HashSet<PathBuf> = HashSet::new();
    let mut stdin_read = false;
    for path in paths {
        if path == "-" {
            if !stdin_read {
                stdin_read = true;
                out.push(Ok(Input {
                    name: "-".to_owned(),
                    source: Source::Stdin,
                }));
            }
            continue;
        }
        let given = Path::new(path);
        match fs::metadata(given) {
            Ok(meta) if meta.is_dir() => {
                let before = out.len();
                walk(given, &mut seen_dirs, &mut seen_files, &mut out);
                if out.len() == before {
                    out.push(Err(error(
                        path,
                        None,
                        "no `.yaml`, `.yml` or `.json` file in this directory or below it"
                            .to_owned(),
                    )));
                }
            }
            Ok(_) => add_file(given, &mut seen_files, &mut out),
            Err(e) => out.push(Err(error(path, None, format!("cannot read it: {e}")))),
        }
    }
    out
}

fn is_manifest(path: &Path) -> bool {
    path.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| matches!(e, "yaml" | "yml" | "json"))
}

/// Every manifest below `dir`, sorted by name; a directory reached twice (through a symlink)
/// is searched once.
fn walk(
    dir: &Path,
    seen_dirs: &mut HashSet<PathBuf>,
    seen_files: &mut HashSet<PathBuf>,
    out: &mut Inputs,
) {
    let name = dir.display().to_string();
    let canonical = match fs::canonicalize(dir) {
        Ok(c) => c,
        Err(e) => {
            out.push(Err(error(&name, None, format!("cannot read it: {e}"))));
            return;
        }
    };
    if !seen_dirs.insert(canonical) {
        return;
    }
    let entries = match fs::read_dir(dir) {
        Ok(entries) => entries,
        Err(e) => {
            out.push(Err(error(&name, None, format!("cannot read it: {e}"))));
            return;
        }
    };
    let mut paths: Vec<PathBuf> = entries.filter_map(|e| e.ok().map(|e| e.path())).collect();
    paths.sort();
    for path in paths {
        match fs::metadata(&path) {
            Ok(meta) if meta.is_dir() => walk(&path, seen_dirs, seen_files, out),
            Ok(meta) if meta.is_file() && is_manifest(&path) => {
                add_file(&path, seen_files, out);
            }
            Ok(_) => {}
            Err(e) if is_manifest(&path) => out.push(Err(error(
                &path.display().to_string(),
                None,
                format!("cannot read it: {e}"),
            ))),
            Err(_) => {}
        }
    }
}

fn add_file(path: &Path, seen: &mut HashSet<PathBuf>, out: &mut Inputs) {
    if let Ok(canonical) = fs::canonicalize(path) {
        if !seen.insert(canonical) {
            return; // given twice, or found again through a symlink: read once
        }
    }
    out.push(Ok(Input {
        name: path.display().to_string(),
        source: Source::File(path.to_owned()),
    }));
}

enum Failed {
    Io(io::Error),
    TooLarge(usize),
}

impl Failed {
    fn into_error(self, name: &str) -> ReadError {
        match self {
            Failed::Io(e) => error(name, None, format!("cannot read it: {e}")),
            Failed::TooLarge(max) => error(
                name,
                Some(Limit::InputBytes),
                format!("the input is larger than the limit of {max} bytes"),
            ),
        }
    }
}

/// All of `source`, or an error once it passes `max_bytes` (read no further than that).
fn bounded(source: impl Read, max_bytes: usize) -> Result<Vec<u8>, Failed> {
    let mut bytes = Vec::new();
    let limit = u64::try_from(max_bytes)
        .unwrap_or(u64::MAX)
        .saturating_add(1);
    source
        .take(limit)
        .read_to_end(&mut bytes)
        .map_err(Failed::Io)?;
    if bytes.len() > max_bytes {
        return Err(Failed::TooLarge(max_bytes));
    }
    Ok(bytes)
}
