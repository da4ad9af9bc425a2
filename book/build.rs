//! Makes every chapter under `src/` a module whose docs are the chapter, so `cargo test`
//! compiles (and runs) each Rust sample of the book. New chapters are picked up by themselves.
//!
//! mdBook's `{{#include PATH}}` and `{{#include PATH:START:END}}` (lines, 1-based, inclusive)
//! are expanded here the way mdBook expands them, so a sample that includes an example file
//! is compiled exactly as the reader sees it.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

fn chapters(dir: &Path, found: &mut Vec<PathBuf>) -> std::io::Result<()> {
    for entry in std::fs::read_dir(dir)? {
        let path = entry?.path();
        if path.is_dir() {
            chapters(&path, found)?;
        } else if path.extension().is_some_and(|e| e == "md") {
            found.push(path);
        }
    }
    Ok(())
}

/// The chapter's text with every `{{#include ...}}` replaced by what it names.
fn expand_includes(chapter: &Path) -> Result<String, Box<dyn std::error::Error>> {
    let text = std::fs::read_to_string(chapter)?;
    let dir = chapter.parent().ok_or("a chapter has a folder")?;
    let mut out = String::with_capacity(text.len());
    let mut rest = text.as_str();
    while let Some(start) = rest.find("{{#include ") {
        let (before, after) = rest.split_at(start);
        out.push_str(before);
        let end = after.find("}}").ok_or("unclosed {{#include")?;
        let spec = after
            .get("{{#include ".len()..end)
            .ok_or("bad {{#include")?
            .trim();
        let mut parts = spec.split(':');
        let file = dir.join(parts.next().ok_or("{{#include needs a path")?);
        println!("cargo:rerun-if-changed={}", file.display());
        let included = std::fs::read_to_string(&file).map_err(|e| {
            format!(
                "{}: cannot include {}: {e}",
                chapter.display(),
                file.display()
            )
        })?;
        let first: usize = parts.next().map(str::parse).transpose()?.unwrap_or(1);
        let last: Option<usize> = parts.next().map(str::parse).transpose()?;
        let lines: Vec<&str> = included.lines().collect();
        let last = last.unwrap_or(lines.len()).min(lines.len());
        for line in lines.get(first.saturating_sub(1)..last).unwrap_or_default() {
            out.push_str(line);
            out.push('\n');
        }
        if out.ends_with('\n') {
            out.pop();
        }
        rest = after.get(end + 2..).unwrap_or_default();
    }
    out.push_str(rest);
    Ok(out)
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let root = PathBuf::from(std::env::var("CARGO_MANIFEST_DIR")?);
    let src = root.join("src");
    println!("cargo:rerun-if-changed={}", src.display());
    let mut found = Vec::new();
    chapters(&src, &mut found)?;
    found.sort();
    let out_dir = PathBuf::from(std::env::var("OUT_DIR")?);
    let mut code = String::new();
    for path in &found {
        let relative = path.strip_prefix(&src)?.with_extension("");
        let module: String = relative
            .to_string_lossy()
            .chars()
            .map(|c| {
                if c.is_ascii_alphanumeric() {
                    c.to_ascii_lowercase()
                } else {
                    '_'
                }
            })
            .collect();
        println!("cargo:rerun-if-changed={}", path.display());
        let expanded = out_dir.join(format!("{module}.md"));
        std::fs::write(&expanded, expand_includes(path)?)?;
        writeln!(
            code,
            "#[doc = include_str!({:?})]\npub mod chapter_{module} {{}}",
            expanded.display().to_string()
        )?;
    }
    std::fs::write(out_dir.join("chapters.rs"), code)?;
    Ok(())
}
