//! The inputs of a check: files, directories searched recursively, standard input; each file
//! read once, with its size bounded.

use std::collections::HashSet;
use std::fs;
use std::io::{self, Read};
use std::path::{Path, PathBuf};

use k8s_dsl::read::{Limit, ReadError};

/// One input: its name as shown, and its bytes.
pub(crate) struct Input {
    pub name: String,
    pub bytes: Vec<u8>,
}

/// What the paths give: the inputs in order, and what could not be read.
#[derive(Default)]
pub(crate) struct Inputs {
    pub inputs: Vec<Input>,
    pub errors: Vec<ReadError>,
}

fn error(file: &str, limit: Option<Limit>, message: String) -> ReadError {
    ReadError {
        file: file.to_owned(),
        document: None,
        line: None,
        limit,
        message,
    }
}

/// Reads every path: `-` is standard input, a directory every manifest below it.
pub(crate) fn collect(paths: &[String], max_bytes: usize) -> Inputs {
    let mut out = Inputs::default();
    let mut seen_files: HashSet<PathBuf> = HashSet::new();
    let mut seen_dirs: HashSet<PathBuf> = HashSet::new();
    let mut stdin_read = false;
    for path in paths {
        if path == "-" {
            if !stdin_read {
                stdin_read = true;
                match bounded(io::stdin().lock(), max_bytes) {
                    Ok(bytes) => out.inputs.push(Input {
                        name: "-".to_owned(),
                        bytes,
                    }),
                    Err(e) => out.errors.push(e.into_error("-")),
                }
            }
            continue;
        }
        let given = Path::new(path);
        match fs::metadata(given) {
            Ok(meta) if meta.is_dir() => {
                let before = out.inputs.len() + out.errors.len();
                walk(given, &mut seen_dirs, &mut seen_files, max_bytes, &mut out);
                if out.inputs.len() + out.errors.len() == before {
                    out.errors.push(error(
                        path,
                        None,
                        "no `.yaml`, `.yml` or `.json` file in this directory or below it"
                            .to_owned(),
                    ));
                }
            }
            Ok(_) => read_file(given, &mut seen_files, max_bytes, &mut out),
            Err(e) => out
                .errors
                .push(error(path, None, format!("cannot read it: {e}"))),
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
    max_bytes: usize,
    out: &mut Inputs,
) {
    let name = dir.display().to_string();
    let canonical = match fs::canonicalize(dir) {
        Ok(c) => c,
        Err(e) => {
            out.errors
                .push(error(&name, None, format!("cannot read it: {e}")));
            return;
        }
    };
    if !seen_dirs.insert(canonical) {
        return;
    }
    let entries = match fs::read_dir(dir) {
        Ok(entries) => entries,
        Err(e) => {
            out.errors
                .push(error(&name, None, format!("cannot read it: {e}")));
            return;
        }
    };
    let mut paths: Vec<PathBuf> = entries.filter_map(|e| e.ok().map(|e| e.path())).collect();
    paths.sort();
    for path in paths {
        match fs::metadata(&path) {
            Ok(meta) if meta.is_dir() => walk(&path, seen_dirs, seen_files, max_bytes, out),
            Ok(meta) if meta.is_file() && is_manifest(&path) => {
                read_file(&path, seen_files, max_bytes, out);
            }
            Ok(_) => {}
            Err(e) if is_manifest(&path) => out.errors.push(error(
                &path.display().to_string(),
                None,
                format!("cannot read it: {e}"),
            )),
            Err(_) => {}
        }
    }
}

fn read_file(path: &Path, seen: &mut HashSet<PathBuf>, max_bytes: usize, out: &mut Inputs) {
    let name = path.display().to_string();
    if let Ok(canonical) = fs::canonicalize(path) {
        if !seen.insert(canonical) {
            return; // given twice, or found again through a symlink: read once
        }
    }
    let result = fs::File::open(path)
        .map_err(Failed::Io)
        .and_then(|file| bounded(file, max_bytes));
    match result {
        Ok(bytes) => out.inputs.push(Input { name, bytes }),
        Err(e) => out.errors.push(e.into_error(&name)),
    }
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
