//! Every public item of `k8s-dsl` and of `k8s-dsl-import` has an example in its documentation.
//!
//! The test reads the source files of `k8s-dsl/src` and of `k8s-dsl-import/src` (it does not
//! compile them) and lists every public item whose doc comment has no code block (a line
//! starting with a code fence). The rules, in order:
//!
//! 1. **Which files**: every `.rs` file under `src/` except test modules (`#[cfg(test)]`) and
//!    the files of [`EXCLUDED_FOR_NOW`]; for `k8s-dsl-import`, also except `main.rs`, the root
//!    of its binary (its items are not part of the library).
//! 2. **Which items**: `pub fn`, `pub struct`, `pub enum`, `pub trait`, `pub type`,
//!    `pub const`, `pub static` and modules. `pub(crate)` and narrower are not public; nor is
//!    an item marked `#[doc(hidden)]` or anything inside a function body or a test module. An
//!    item of a private module (`mod checks;`) is public only when some `pub use` re-exports
//!    its name; a method is public when its type is.
//! 3. **Which doc comment**: the `///` lines just above the item, with one-line
//!    `#[doc = "..."]` attributes (`#[doc = include_str!("file.md")]` reads the file; the
//!    `#[cfg_attr(not(proc_macro), doc = "```")]` that opens the examples of `rules/`, which
//!    the macro crate compiles too, counts). A module's doc is the `//!` block of its own file
//!    (or of its inline body). An example is a Rust code block: ```` ```text ```` and the like
//!    are not. Items a `macro_rules!` defines from a name it is given (`pub enum $name`) are
//!    not seen: the macro documents them (`rules/enums.rs` writes an example for each enum).
//! 4. **Methods** (`pub fn` and `pub const` in an inherent `impl Type` block, or in a
//!    `macro_rules!` body that adds builder methods to several types) may rely on the example
//!    of their type: they need none of their own when `Type`'s doc comment has one. A fallible
//!    method (one returning `Result` or `Checked`) must still be shown: either it has its own
//!    example, or the type's example calls it (`.name(` or `::name(`), as every builder's
//!    example calls `build()` (which also covers `build_with_warnings`, the same checks with
//!    the warnings besides). Everything else (free functions, types, traits, aliases,
//!    constants, modules) needs its own example.
//! 5. **Exceptions** are listed, each with its reason, in [`ALLOWED`] (and [`IMPORT_ALLOWED`]
//!    for `k8s-dsl-import`).
//!
//! The test also fails when an entry of these lists no longer matches anything, so the lists
//! only ever shrink.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::path::{Path, PathBuf};

/// Files (relative to `src/`, or folder prefixes ending in `/`) not checked yet: they are being
/// reworked and get their examples afterwards. Remove an entry once its files pass.
const EXCLUDED_FOR_NOW: &[&str] = &[];

/// Public items allowed without an example of their own: `(file, item name, reason)`.
/// Keep the reason short and true; prefer writing the example.
const ALLOWED: &[(&str, &str, &str)] = &[];

#[test]
fn every_public_item_has_an_example() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let crate_files = read_crate(&src);
    let report = check(&crate_files, EXCLUDED_FOR_NOW, ALLOWED);
    assert!(
        report.is_empty(),
        "{} public item(s) of k8s-dsl without an example (see the rules at the top of \
         k8s-dsl/tests/doc_examples.rs):\n{}",
        report.len(),
        report.join("\n")
    );
}

/// Public items of `k8s-dsl-import` allowed without an example of their own, as [`ALLOWED`].
const IMPORT_ALLOWED: &[(&str, &str, &str)] = &[];

/// The same rules for `k8s-dsl-import`: its library is `src/lib.rs` and the modules it declares
/// (`pub mod codegen;` and the others, the private `mod base64;`); `src/main.rs` is the root of
/// its binary, not part of the library.
#[test]
fn every_public_item_of_the_importer_has_an_example() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("..")
        .join("k8s-dsl-import")
        .join("src");
    let crate_files: Vec<SourceFile> = read_crate(&src)
        .into_iter()
        .filter(|file| file.path != "main.rs")
        .collect();
    assert!(
        crate_files.iter().any(|file| file.path == "lib.rs"),
        "k8s-dsl-import/src/lib.rs not found under {}",
        src.display()
    );
    let report = check(&crate_files, &[], IMPORT_ALLOWED);
    assert!(
        report.is_empty(),
        "{} public item(s) of k8s-dsl-import without an example (see the rules at the top of \
         k8s-dsl/tests/doc_examples.rs):\n{}",
        report.len(),
        report.join("\n")
    );
}

/// The check can fail: a `pub fn` without an example is reported, with its file and line; a
/// setter of a type with an example is not, a fallible method its type's example does not call
/// is.
#[test]
fn a_pub_fn_without_an_example_is_reported() {
    let lib = "//! The crate.\n//!\n//! ```\n//! assert!(true);\n//! ```\n\npub mod thing;\n";
    let thing = r#"//! Things.
//!
//! ```
//! let _ = 1;
//! ```

/// A thing.
///
/// ```
/// let thing = Thing::new().size(2).build()?;
/// ```
#[derive(Debug)]
pub struct Thing;

impl Thing {
    /// A new thing.
    pub fn new() -> Self {
        Thing
    }

    /// Sets the size.
    pub fn size(self, _size: u8) -> Self {
        self
    }

    /// Builds it.
    pub fn build(self) -> Result<Thing, String> {
        Ok(self)
    }

    /// Writes it.
    pub fn write(&self) -> Result<(), String> {
        Ok(())
    }
}

/// Parses a thing; `"{" is not a brace`.
pub fn parse(_text: &str) -> Option<Thing> {
    let _ = '{';
    None
}

pub(crate) fn helper() {}

#[cfg(test)]
mod tests {
    pub fn not_public() {}
}
"#;
    let files = vec![
        SourceFile::new("lib.rs", lib),
        SourceFile::new("thing.rs", thing),
    ];
    let report = check(&files, &[], &[]);
    assert_eq!(
        report,
        vec![
            "src/thing.rs:32: pub fn `write` (fallible method; the example of `Thing` does not call it)",
            "src/thing.rs:38: pub fn `parse`",
        ]
    );

    // An allowlist entry silences it; a stale one is reported.
    let report = check(
        &files,
        &[],
        &[
            ("thing.rs", "parse", "test"),
            ("thing.rs", "write", "test"),
            ("thing.rs", "gone", "test"),
        ],
    );
    assert_eq!(
        report,
        vec!["ALLOWED entry (\"thing.rs\", \"gone\") matches no public item without an example; remove it"]
    );
}

/// The layout of `k8s-dsl-import`: items of `pub mod` files are public, with their module docs;
/// `pub` items of a private module (`mod base64;`, or `mod fields;` inside `codegen/mod.rs`)
/// are not, unless a `pub use` re-exports them.
#[test]
fn items_of_private_modules_are_public_only_when_re_exported() {
    let lib = "//! The crate.\n//!\n//! ```\n//! assert!(true);\n//! ```\n\nmod base64;\npub mod codegen;\npub mod kinds;\n\npub use base64::decode;\npub use codegen::{generate, Options};\n";
    let base64 = "//! Private, no example needed.\n\n/// Encodes.\npub fn encode() {}\n\n/// Decodes.\npub fn decode() {}\n";
    let codegen = "//! Code.\n//!\n//! ```\n//! let _ = 1;\n//! ```\n\nmod fields;\n\n/// Options.\npub struct Options;\n\n/// Generates.\npub fn generate() {}\n";
    let fields = "//! Private.\n\n/// A chain.\npub struct Chain;\n";
    let kinds = "/// A kind.\n///\n/// ```\n/// let _ = 1;\n/// ```\npub enum Kind {}\n";
    let files = vec![
        SourceFile::new("lib.rs", lib),
        SourceFile::new("base64.rs", base64),
        SourceFile::new("codegen/mod.rs", codegen),
        SourceFile::new("codegen/fields.rs", fields),
        SourceFile::new("kinds.rs", kinds),
    ];
    assert_eq!(
        check(&files, &[], &[]),
        vec![
            "src/base64.rs:7: pub fn `decode`",
            "src/codegen/mod.rs:10: pub struct `Options`",
            "src/codegen/mod.rs:13: pub fn `generate`",
            "src/kinds.rs:1: module doc (`//!`)",
        ]
    );
}

// ---------------------------------------------------------------------------------------------
// Reading the crate.

/// One source file: its path relative to `src/` and its lines.
struct SourceFile {
    path: String,
    lines: Vec<Line>,
}

impl SourceFile {
    fn new(path: &str, text: &str) -> Self {
        SourceFile {
            path: path.to_string(),
            lines: lex(text),
        }
    }
}

fn read_crate(src: &Path) -> Vec<SourceFile> {
    let mut paths = Vec::new();
    collect_rs(src, &mut paths);
    paths.sort();
    paths
        .iter()
        .map(|path| {
            let text = fs::read_to_string(path).unwrap();
            let relative = path
                .strip_prefix(src)
                .unwrap()
                .to_string_lossy()
                .replace('\\', "/");
            let mut file = SourceFile::new(&relative, &text);
            resolve_includes(&mut file, path.parent().unwrap());
            file
        })
        .collect()
}

fn collect_rs(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            collect_rs(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// Replaces `#[doc = include_str!("file")]` attributes by a doc line per line of the file.
fn resolve_includes(file: &mut SourceFile, dir: &Path) {
    for line in &mut file.lines {
        let trimmed = line.raw.trim();
        if let Some(rest) = trimmed.strip_prefix("#[doc = include_str!(\"") {
            if let Some(name) = rest.split('"').next() {
                if let Ok(text) = fs::read_to_string(dir.join(name)) {
                    line.included = Some(text);
                }
            }
        }
    }
}

/// A line of source: as written, and its code with comments removed and the contents of
/// string and character literals blanked (so braces in them do not count).
struct Line {
    raw: String,
    code: String,
    /// Whether the line starts outside any comment or literal (doc comments only count there).
    starts_in_code: bool,
    /// The text of a `#[doc = include_str!(..)]` on this line.
    included: Option<String>,
}

#[derive(Clone, Copy, PartialEq)]
enum Lex {
    Code,
    BlockComment(u32),
    Str,
    RawStr(usize),
}

fn lex(text: &str) -> Vec<Line> {
    let mut state = Lex::Code;
    let mut lines = Vec::new();
    for raw in text.lines() {
        let starts_in_code = state == Lex::Code;
        let chars: Vec<char> = raw.chars().collect();
        let mut code = String::new();
        let mut i = 0;
        while i < chars.len() {
            let c = chars[i];
            let next = chars.get(i + 1).copied();
            match state {
                Lex::Code => {
                    if c == '/' && next == Some('/') {
                        break;
                    } else if c == '/' && next == Some('*') {
                        state = Lex::BlockComment(1);
                        i += 2;
                        continue;
                    } else if c == '"' {
                        state = Lex::Str;
                        code.push('"');
                    } else if c == 'r' && is_raw_string_start(&chars, i) {
                        let hashes = chars[i + 1..].iter().take_while(|&&h| h == '#').count();
                        state = Lex::RawStr(hashes);
                        code.push('"');
                        i += hashes + 2;
                        continue;
                    } else if c == '\'' {
                        // A character literal (`'{'`, `'\n'`, `'\u{7f}'`) or a lifetime (`'a`).
                        if next == Some('\\') {
                            let end = chars[i + 2..].iter().position(|&q| q == '\'');
                            i += end.map_or(chars.len(), |e| e + 3);
                            code.push_str("' '");
                            continue;
                        } else if chars.get(i + 2) == Some(&'\'') {
                            code.push_str("' '");
                            i += 3;
                            continue;
                        }
                        code.push(c);
                    } else {
                        code.push(c);
                    }
                }
                Lex::BlockComment(depth) => {
                    if c == '*' && next == Some('/') {
                        state = if depth == 1 {
                            Lex::Code
                        } else {
                            Lex::BlockComment(depth - 1)
                        };
                        i += 2;
                        continue;
                    } else if c == '/' && next == Some('*') {
                        state = Lex::BlockComment(depth + 1);
                        i += 2;
                        continue;
                    }
                }
                Lex::Str => {
                    if c == '\\' {
                        i += 2;
                        continue;
                    } else if c == '"' {
                        state = Lex::Code;
                        code.push('"');
                    }
                }
                Lex::RawStr(hashes) => {
                    if c == '"'
                        && chars[i + 1..]
                            .iter()
                            .take(hashes)
                            .filter(|&&h| h == '#')
                            .count()
                            == hashes
                    {
                        state = Lex::Code;
                        code.push('"');
                        i += hashes + 1;
                        continue;
                    }
                }
            }
            i += 1;
        }
        lines.push(Line {
            raw: raw.to_string(),
            code,
            starts_in_code,
            included: None,
        });
    }
    lines
}

/// `r"`, `r#"`, `br"` at `i` (the `r`), not the end of an identifier such as `for"`.
fn is_raw_string_start(chars: &[char], i: usize) -> bool {
    let before = i.checked_sub(1).and_then(|b| chars.get(b)).copied();
    let ident_before = before.is_some_and(|b| b.is_alphanumeric() || b == '_');
    if ident_before && before != Some('b') {
        return false;
    }
    if before == Some('b') {
        let before_b = i.checked_sub(2).and_then(|b| chars.get(b)).copied();
        if before_b.is_some_and(|b| b.is_alphanumeric() || b == '_') {
            return false;
        }
    }
    let hashes = chars[i + 1..].iter().take_while(|&&h| h == '#').count();
    chars.get(i + 1 + hashes) == Some(&'"')
}

// ---------------------------------------------------------------------------------------------
// Finding items.

/// What encloses a line.
#[derive(Clone, Debug, PartialEq)]
enum Scope {
    /// An inline module, or the file itself.
    Module,
    /// An inherent `impl Type` block.
    Impl(String),
    /// `impl Trait for Type`, a trait definition, a function body, a struct body, ...
    Other,
    /// A `macro_rules!` body.
    Macro,
    /// A `#[cfg(test)]` module.
    Test,
}

/// A declaration found in a file.
#[derive(Debug)]
struct Item {
    line: usize,
    /// `fn`, `struct`, `enum`, `trait`, `type`, `const`, `static` or `mod`.
    kind: &'static str,
    name: String,
    /// `pub`, and not `#[doc(hidden)]`.
    public: bool,
    /// `#[cfg(test)]`.
    test: bool,
    /// The type of the `impl` block it is in, or `"macro_rules!"`.
    owner: Option<String>,
    /// Its doc comment (for a module declared inline, its inner doc too).
    doc: String,
    /// Its signature returns `Result` or `Checked`.
    fallible: bool,
}

/// The items of a file, and the names its `pub use` statements re-export.
struct FileItems {
    items: Vec<Item>,
    inner_doc: String,
    reexports: Vec<String>,
}

const KINDS: &[&str] = &[
    "fn", "struct", "enum", "trait", "type", "const", "static", "mod", "union",
];

fn items_of(file: &SourceFile) -> FileItems {
    let mut items = Vec::new();
    let mut reexports = Vec::new();
    let mut inner_doc = String::new();
    let mut doc = String::new();
    let mut attrs = String::new();
    let mut attr_depth = 0i32;
    let mut scopes = vec![Scope::Module];
    // The header of the item being read (code since the last `;`, `{` or `}`) and its attributes.
    let mut header = String::new();
    let mut header_attrs = String::new();
    // An item whose signature is still being read (to see its return type).
    let mut open_item: Option<usize> = None;
    let mut signature = String::new();

    for (index, line) in file.lines.iter().enumerate() {
        let trimmed = line.raw.trim();
        if line.starts_in_code && attr_depth == 0 {
            if let Some(text) = trimmed.strip_prefix("//!") {
                if scopes.len() == 1 {
                    inner_doc.push_str(text);
                    inner_doc.push('\n');
                } else if let Some(item) = items.last_mut() {
                    // Inner doc of an inline module: counts as the module's doc.
                    let item: &mut Item = item;
                    if item.kind == "mod" {
                        item.doc.push_str(text);
                        item.doc.push('\n');
                    }
                }
                continue;
            }
            if trimmed.starts_with("///") && !trimmed.starts_with("////") {
                doc.push_str(&trimmed[3..]);
                doc.push('\n');
                continue;
            }
            if trimmed.starts_with("#[") || trimmed.starts_with("#![") {
                if let Some(text) = &line.included {
                    doc.push_str(text);
                    doc.push('\n');
                } else if let Some(text) = doc_attribute(trimmed) {
                    if trimmed.starts_with("#!") && scopes.len() == 1 {
                        inner_doc.push_str(&text);
                        inner_doc.push('\n');
                    } else {
                        doc.push_str(&text);
                        doc.push('\n');
                    }
                }
                attrs.push_str(&line.code);
                attr_depth = bracket_balance(&line.code);
                continue;
            }
        } else if attr_depth > 0 {
            attrs.push_str(&line.code);
            attr_depth += bracket_balance(&line.code);
            continue;
        }
        let code = line.code.trim();
        if code.is_empty() {
            continue;
        }

        if header.trim().is_empty() {
            header_attrs = std::mem::take(&mut attrs);
            let in_test = scopes.contains(&Scope::Test);
            let in_body = scopes.contains(&Scope::Other);
            if let Some((public, kind, name)) = declaration(code) {
                if !in_test && !in_body {
                    let owner = match scopes.last() {
                        Some(Scope::Impl(ty)) => Some(ty.clone()),
                        Some(Scope::Macro) => Some("macro_rules!".to_string()),
                        _ => None,
                    };
                    items.push(Item {
                        line: index + 1,
                        kind,
                        name,
                        public: public && !header_attrs.contains("doc(hidden)"),
                        test: header_attrs.contains("cfg(test)"),
                        owner,
                        doc: std::mem::take(&mut doc),
                        fallible: false,
                    });
                    open_item = Some(items.len() - 1);
                    signature.clear();
                }
            }
            if let Some(rest) = code.strip_prefix("pub use ") {
                let statement = statement_from(&file.lines, index, rest);
                reexports.extend(reexported_names(&statement));
            }
            doc.clear();
        }

        for c in line.code.chars() {
            match c {
                '{' => {
                    let scope = classify(&header, &header_attrs, scopes.last());
                    scopes.push(scope);
                    header.clear();
                    finish_signature(&mut items, &mut open_item, &signature);
                }
                '}' => {
                    if scopes.len() > 1 {
                        scopes.pop();
                    }
                    header.clear();
                }
                ';' => {
                    header.clear();
                    finish_signature(&mut items, &mut open_item, &signature);
                }
                _ => {
                    header.push(c);
                    if open_item.is_some() {
                        signature.push(c);
                    }
                }
            }
        }
        header.push(' ');
        signature.push(' ');
    }
    FileItems {
        items,
        inner_doc,
        reexports,
    }
}

/// The text of a one-line `#[doc = "..."]` or `#[cfg_attr(not(proc_macro), doc = "...")]`.
///
/// The files of `rules/` open their examples with the latter (the macro crate compiles them
/// too, and gets a `text` block from `#[cfg_attr(proc_macro, doc = "```text")]`, which is
/// skipped here).
fn doc_attribute(attribute: &str) -> Option<String> {
    if attribute.contains("cfg_attr(proc_macro") {
        return None;
    }
    let start = attribute.find("doc = \"")? + "doc = \"".len();
    let rest = attribute.get(start..)?;
    let end = rest.find('"')?;
    Some(rest.get(..end)?.replace("\\n", "\n"))
}

fn finish_signature(items: &mut [Item], open_item: &mut Option<usize>, signature: &str) {
    if let Some(index) = open_item.take() {
        if let Some(item) = items.get_mut(index) {
            let returns = signature.split_once("->").map_or("", |(_, r)| r);
            item.fallible =
                item.kind == "fn" && (returns.contains("Result") || returns.contains("Checked"));
        }
    }
}

fn bracket_balance(code: &str) -> i32 {
    code.chars().fold(0, |n, c| match c {
        '[' => n + 1,
        ']' => n - 1,
        _ => n,
    })
}

/// The scope a `{` opens, from the header before it.
fn classify(header: &str, attrs: &str, enclosing: Option<&Scope>) -> Scope {
    // The arms of a `macro_rules!` (`($inner:ident) => {`) expand to items.
    if enclosing == Some(&Scope::Macro) && header.contains("=>") {
        return Scope::Macro;
    }
    let words: Vec<&str> = header.split_whitespace().collect();
    let first = words
        .iter()
        .copied()
        .find(|w| !w.starts_with("pub") && *w != "unsafe" && *w != "default");
    match first {
        Some("mod") if attrs.contains("cfg(test)") => Scope::Test,
        Some("mod") => Scope::Module,
        Some(w) if w == "impl" || w.starts_with("impl<") => impl_type(header),
        Some(w) if w.starts_with("macro_rules!") => Scope::Macro,
        _ => Scope::Other,
    }
}

/// `impl<T> Type<T> where ...` is `Impl("Type")`; a trait impl is `Other`.
fn impl_type(header: &str) -> Scope {
    let start = header.find("impl").map_or(0, |i| i + 4);
    let mut rest = &header[start..];
    // Skip the generics of `impl<...>`.
    if rest.starts_with('<') {
        let mut depth = 0;
        for (i, c) in rest.char_indices() {
            match c {
                '<' => depth += 1,
                '>' => depth -= 1,
                _ => {}
            }
            if depth == 0 {
                rest = &rest[i + 1..];
                break;
            }
        }
    }
    let rest = rest.split(" where ").next().unwrap_or(rest);
    if rest.contains(" for ") {
        return Scope::Other;
    }
    let path = rest.trim().split('<').next().unwrap_or("").trim();
    let name = path.rsplit("::").next().unwrap_or(path).trim();
    Scope::Impl(name.to_string())
}

/// `(is pub, kind, name)` of a declaration line: `pub const fn new(` is `(true, "fn", "new")`.
fn declaration(code: &str) -> Option<(bool, &'static str, String)> {
    let mut words = code.split_whitespace().peekable();
    let mut public = false;
    if let Some(&w) = words.peek() {
        if w == "pub" {
            public = true;
            words.next();
        } else if w.starts_with("pub(") {
            words.next();
        }
    }
    while let Some(&w) = words.peek() {
        match w {
            "async" | "unsafe" | "extern" | "\"C\"" | "default" => {
                words.next();
            }
            "const" => {
                words.next();
                if words.peek() == Some(&"fn") {
                    continue;
                }
                let name = ident(words.next()?)?;
                return Some((public, "const", name));
            }
            _ => break,
        }
    }
    let kind_word = words.next()?;
    let kind = KINDS.iter().copied().find(|k| *k == kind_word)?;
    let name = ident(words.next()?)?;
    Some((public, kind, name))
}

fn ident(word: &str) -> Option<String> {
    let name: String = word
        .chars()
        .take_while(|c| c.is_alphanumeric() || *c == '_')
        .collect();
    (!name.is_empty()).then_some(name)
}

/// The code of a statement starting at line `index` with `first`, up to its `;`.
fn statement_from(lines: &[Line], index: usize, first: &str) -> String {
    let mut statement = first.to_string();
    for line in lines.iter().skip(index + 1) {
        if statement.contains(';') {
            break;
        }
        statement.push(' ');
        statement.push_str(&line.code);
    }
    statement.split(';').next().unwrap_or("").to_string()
}

/// The names a `use` tree brings in (`a::{B, c::D as E}` gives `B` and `D`).
fn reexported_names(statement: &str) -> Vec<String> {
    statement
        .split([',', '{', '}'])
        .filter_map(|piece| {
            let piece = piece.split(" as ").next().unwrap_or("").trim();
            let last = piece.rsplit("::").next().unwrap_or("").trim();
            ident(last).filter(|name| name != "self")
        })
        .collect()
}

// ---------------------------------------------------------------------------------------------
// Checking.

/// Whether a doc comment has a Rust code block: a fence without a language, or with Rust
/// doctest attributes only (`no_run`, `compile_fail`, ...); ```` ```text ```` and
/// ```` ```yaml ```` blocks are not examples.
fn has_example(doc: &str) -> bool {
    doc.lines().any(|line| {
        line.trim_start().strip_prefix("```").is_some_and(|info| {
            info.split(',').map(str::trim).all(|tag| {
                tag.is_empty()
                    || tag == "rust"
                    || tag == "no_run"
                    || tag == "should_panic"
                    || tag == "compile_fail"
                    || tag.starts_with("edition")
            })
        })
    })
}

/// The code blocks of a doc comment.
fn examples(doc: &str) -> String {
    let mut out = String::new();
    let mut inside = false;
    for line in doc.lines() {
        if line.trim_start().starts_with("```") {
            inside = !inside;
        } else if inside {
            out.push_str(line);
            out.push('\n');
        }
    }
    out
}

fn excluded(path: &str, excluded: &[&str]) -> bool {
    excluded
        .iter()
        .any(|e| path == *e || (e.ends_with('/') && path.starts_with(e)))
}

/// Every public item without the example its rule asks for, as `src/FILE:LINE: ...`, then every
/// stale list entry.
fn check(
    files: &[SourceFile],
    excluded_for_now: &[&str],
    allowed: &[(&str, &str, &str)],
) -> Vec<String> {
    let found: BTreeMap<&str, FileItems> = files
        .iter()
        .map(|f| (f.path.as_str(), items_of(f)))
        .collect();

    // Module declarations: `a/b.rs` and `a/b/mod.rs` are declared in `a.rs` or `a/mod.rs`.
    let declaration_of = |path: &str| -> Option<&Item> {
        let stem = path
            .strip_suffix("/mod.rs")
            .or_else(|| path.strip_suffix(".rs"))?;
        let (parent, name) = match stem.rsplit_once('/') {
            Some((parent, name)) => (parent, name),
            None => ("", stem),
        };
        let parents = if parent.is_empty() {
            vec!["lib.rs".to_string()]
        } else {
            vec![format!("{parent}.rs"), format!("{parent}/mod.rs")]
        };
        parents
            .iter()
            .filter_map(|p| found.get(p.as_str()))
            .flat_map(|f| &f.items)
            .find(|i| i.kind == "mod" && i.name == name && i.owner.is_none())
    };
    // `(public, test)` of each file's module, through every parent.
    let module_of = |path: &str| -> (bool, bool) {
        let mut public = true;
        let mut test = false;
        let mut current = path.to_string();
        while current != "lib.rs" {
            match declaration_of(&current) {
                Some(decl) => {
                    public &= decl.public;
                    test |= decl.test;
                }
                None => return (false, true),
            }
            let stem = current
                .strip_suffix("/mod.rs")
                .or_else(|| current.strip_suffix(".rs"))
                .unwrap_or("")
                .to_string();
            current = match stem.rsplit_once('/') {
                Some((parent, _)) if found.contains_key(format!("{parent}.rs").as_str()) => {
                    format!("{parent}.rs")
                }
                Some((parent, _)) => format!("{parent}/mod.rs"),
                None => "lib.rs".to_string(),
            };
        }
        (public, test)
    };

    let reexported: BTreeSet<&str> = found
        .values()
        .flat_map(|f| f.reexports.iter().map(String::as_str))
        .collect();
    let modules: BTreeMap<&str, (bool, bool)> =
        found.keys().map(|&path| (path, module_of(path))).collect();
    let is_public_free = |path: &str, item: &Item| -> bool {
        let (module_public, _) = modules.get(path).copied().unwrap_or((false, true));
        item.public && (module_public || reexported.contains(item.name.as_str()))
    };
    // Public types, with their doc comments (a type in the same file first).
    let mut types: BTreeMap<&str, Vec<(&str, &str)>> = BTreeMap::new();
    for (&path, file) in &found {
        for item in &file.items {
            let is_type = matches!(item.kind, "struct" | "enum" | "trait" | "type" | "union");
            if is_type && item.owner.is_none() && is_public_free(path, item) {
                types
                    .entry(item.name.as_str())
                    .or_default()
                    .push((path, item.doc.as_str()));
            }
        }
    }
    let type_doc = |path: &str, name: &str| -> Option<&str> {
        let candidates = types.get(name)?;
        let dir = path.rsplit_once('/').map_or("", |(d, _)| d);
        candidates
            .iter()
            .find(|(p, _)| *p == path)
            .or_else(|| candidates.iter().find(|(p, _)| p.starts_with(dir)))
            .or_else(|| candidates.first())
            .map(|(_, doc)| *doc)
    };

    // A method is public when its type is; a method of a `macro_rules!` body when its module is.
    let is_public = |path: &str, item: &Item| -> bool {
        match &item.owner {
            Some(owner) if owner != "macro_rules!" => {
                item.public && types.contains_key(owner.as_str())
            }
            Some(_) => item.public && modules.get(path).is_some_and(|(public, _)| *public),
            None => is_public_free(path, item),
        }
    };

    let mut missing = Vec::new();
    let mut unused_allowed: BTreeSet<(String, String)> = allowed
        .iter()
        .map(|(f, n, _)| (f.to_string(), n.to_string()))
        .collect();
    let mut unused_excluded: BTreeSet<&str> = excluded_for_now.iter().copied().collect();
    for (&path, file) in &found {
        let (module_public, test) = modules.get(path).copied().unwrap_or((false, true));
        if test {
            continue;
        }
        if let Some(e) = excluded_for_now.iter().find(|e| excluded(path, &[e])) {
            unused_excluded.remove(e);
            continue;
        }
        let mut report = |line: usize, what: String, name: &str| {
            if unused_allowed.remove(&(path.to_string(), name.to_string()))
                || allowed.iter().any(|(f, n, _)| *f == path && *n == name)
            {
                return;
            }
            missing.push(format!("src/{path}:{line}: {what}"));
        };
        if module_public && !has_example(&file.inner_doc) {
            report(1, "module doc (`//!`)".to_string(), "mod");
        }
        for item in &file.items {
            if !is_public(path, item) {
                continue;
            }
            // A module declared with `mod name;` is checked in its own file.
            let declared_elsewhere = item.kind == "mod"
                && !files
                    .iter()
                    .find(|f| f.path == path)
                    .is_some_and(|f| has_body(f, item));
            if declared_elsewhere {
                continue;
            }
            if has_example(&item.doc) {
                continue;
            }
            let what = format!("pub {} `{}`", item.kind, item.name);
            match &item.owner {
                Some(owner) if owner == "macro_rules!" => {}
                Some(owner) => match type_doc(path, owner) {
                    Some(doc) if has_example(doc) => {
                        let shown = examples(doc);
                        let calls = |name: &str| {
                            shown.contains(&format!(".{name}("))
                                || shown.contains(&format!("::{name}("))
                        };
                        // `build_with_warnings` is `build` with the warnings besides.
                        let called = calls(&item.name)
                            || (item.name == "build_with_warnings" && calls("build"));
                        if item.fallible && !called {
                            report(
                                item.line,
                                format!("{what} (fallible method; the example of `{owner}` does not call it)"),
                                &item.name,
                            );
                        }
                    }
                    _ => report(
                        item.line,
                        format!("{what} (neither it nor its type `{owner}` has an example)"),
                        &item.name,
                    ),
                },
                None => report(item.line, what, &item.name),
            }
        }
    }
    for (file, name) in unused_allowed {
        missing.push(format!(
            "ALLOWED entry ({file:?}, {name:?}) matches no public item without an example; remove it"
        ));
    }
    for entry in unused_excluded {
        missing.push(format!(
            "EXCLUDED_FOR_NOW entry {entry:?} matches no file; remove it"
        ));
    }
    missing
}

/// Whether a `mod` item has an inline body (`mod name { ... }`) rather than a file.
fn has_body(file: &SourceFile, item: &Item) -> bool {
    file.lines
        .get(item.line - 1)
        .is_some_and(|line| line.code.contains('{'))
}
