//! What several test files of the importer share.

#![allow(dead_code, clippy::unwrap_used)]

use std::fs;
use std::path::{Path, PathBuf};

/// Every file below `dir` (at any depth) whose name ends in `extension` (`None`: every file),
/// sorted by path.
pub fn files_below(dir: &Path, extension: Option<&str>) -> Vec<PathBuf> {
    fn walk(dir: &Path, extension: Option<&str>, out: &mut Vec<PathBuf>) {
        for entry in fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                walk(&path, extension, out);
            } else if extension.is_none_or(|wanted| path.extension().is_some_and(|e| e == wanted)) {
                out.push(path);
            }
        }
    }
    let mut files = Vec::new();
    walk(dir, extension, &mut files);
    files.sort();
    files
}
