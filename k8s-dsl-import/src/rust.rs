//! Rust source text: string literals, `serde_json::json!` literals of any JSON value, and
//! formatting with rustfmt (or the generator's own indentation, with a warning, when rustfmt
//! is missing).
//!
//! ```
//! use k8s_dsl_import::rust::{json_lit, str_lit};
//! use serde_json::json;
//!
//! let call = format!("serde_json::json!({})", json_lit(&json!({"path": "/data", "readOnly": true}), 0));
//! assert_eq!(call, r#"serde_json::json!({ "path": "/data", "readOnly": true })"#);
//! assert_eq!(format!(".image({})", str_lit("nginx:1.27")), r#".image("nginx:1.27")"#);
//! ```

use std::io::Write as _;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

/// How long rustfmt may take before the code is printed unformatted.
///
/// ```
/// assert_eq!(k8s_dsl_import::rust::RUSTFMT_TIMEOUT.as_secs(), 10);
/// ```
pub const RUSTFMT_TIMEOUT: Duration = Duration::from_secs(10);

/// The deepest bracket nesting handed to rustfmt: its time grows steeply with nesting
/// (32 levels take 0.1 s, 60 take 10 s), so deeper code is printed unformatted.
///
/// ```
/// assert_eq!(k8s_dsl_import::rust::MAX_RUSTFMT_NESTING, 40);
/// ```
pub const MAX_RUSTFMT_NESTING: usize = 40;

/// The longest method chain handed to rustfmt: its time and memory grow with the square of a
/// chain's length (1000 calls take 1 s and 200 MiB, 3500 over 10 s and 2 GiB), so code with a
/// longer one is printed unformatted.
///
/// ```
/// assert_eq!(k8s_dsl_import::rust::MAX_RUSTFMT_CHAIN, 400);
/// ```
pub const MAX_RUSTFMT_CHAIN: usize = 400;

/// The most lines in a row of `code` that start with a method call (`.env(..)`): the
/// generator writes a long chain one call per line.
fn longest_chain(code: &str) -> usize {
    let (mut run, mut longest) = (0usize, 0usize);
    for line in code.lines() {
        if line.trim_start().starts_with('.') {
            run += 1;
            longest = longest.max(run);
        } else {
            run = 0;
        }
    }
    longest
}

/// The deepest nesting of `(`, `[` and `{` in `code`, outside string literals and comments.
fn nesting(code: &str) -> usize {
    let (mut depth, mut deepest) = (0usize, 0usize);
    let mut in_string = false;
    let mut chars = code.chars();
    while let Some(c) = chars.next() {
        if in_string {
            match c {
                '\\' => {
                    chars.next();
                }
                '"' => in_string = false,
                _ => {}
            }
            continue;
        }
        match c {
            '"' => in_string = true,
            '/' if chars.as_str().starts_with('/') => {
                let rest = chars.as_str();
                let end = rest.find('\n').unwrap_or(rest.len());
                chars = rest.get(end..).unwrap_or("").chars();
            }
            '(' | '[' | '{' => {
                depth += 1;
                deepest = deepest.max(depth);
            }
            ')' | ']' | '}' => depth = depth.saturating_sub(1),
            _ => {}
        }
    }
    deepest
}

use serde_json::Value;

/// `s` as a Rust string literal (`"a\"b\n"`); every character Rust needs escaped is escaped.
///
/// ```
/// use k8s_dsl_import::rust::str_lit;
///
/// assert_eq!(str_lit("web"), r#""web""#);
/// assert_eq!(str_lit("say \"hi\"\n"), r#""say \"hi\"\n""#);
/// // Control characters as Rust escapes, not JSON's `\u001b`.
/// assert_eq!(str_lit("\u{1b}[0m"), r#""\u{1b}[0m""#);
/// ```
pub fn str_lit(s: &str) -> String {
    safe(s, Position::Literal)
}

/// A JSON value as the argument of `serde_json::json!`, indented by `indent` levels of four
/// spaces after the first line. Strings are Rust literals (JSON's `\u001b` escapes are not).
///
/// A value that fits in 90 columns (its indentation included) stays on one line; a longer
/// list or object gets one line per item, with a trailing comma.
///
/// ```
/// use k8s_dsl_import::rust::json_lit;
/// use serde_json::json;
///
/// let short = json!({"k": "\u{1b}", "n": [1, true, null]});
/// assert_eq!(json_lit(&short, 0), r#"{ "k": "\u{1b}", "n": [1, true, null] }"#);
///
/// let long = json!({
///     "image": "nginx:1.27",
///     "ports": [80, 443],
///     "labels": {"app": "web", "tier": "frontend", "team": "platform"},
/// });
/// // Keys sorted (as serde_json keeps them); the items one level (four spaces) deeper than `indent`, the closing
/// // brace at `indent`.
/// assert_eq!(
///     json_lit(&long, 1),
///     r#"{
///         "image": "nginx:1.27",
///         "labels": { "app": "web", "team": "platform", "tier": "frontend" },
///         "ports": [80, 443],
///     }"#
/// );
/// ```
pub fn json_lit(value: &Value, indent: usize) -> String {
    let mut out = String::new();
    write_json(&mut out, value, indent);
    out
}

/// The deepest indentation (in levels of four spaces) of a JSON literal's lines.
const MAX_JSON_INDENT: usize = 16;

fn write_json(out: &mut String, value: &Value, indent: usize) {
    // The one-line form is only written out when it fits: measuring it stops past 90
    // columns, so a deep value costs its size, not its size times its depth.
    if let Some(compact) = compact_within(value, 90usize.saturating_sub(indent * 4)) {
        out.push_str(&compact);
        return;
    }
    // Past `MAX_JSON_INDENT` levels, one line: indenting every level of a deep value would
    // make the code many times the size of the manifest.
    if indent >= MAX_JSON_INDENT {
        write_compact(out, value);
        return;
    }
    let pad = "    ".repeat(indent + 1);
    let end = "    ".repeat(indent);
    match value {
        Value::Array(items) => {
            out.push_str("[\n");
            for item in items {
                out.push_str(&pad);
                write_json(out, item, indent + 1);
                out.push_str(",\n");
            }
            out.push_str(&end);
            out.push(']');
        }
        Value::Object(map) => {
            out.push_str("{\n");
            for (key, item) in map {
                out.push_str(&pad);
                out.push_str(&str_lit(key));
                out.push_str(": ");
                write_json(out, item, indent + 1);
                out.push_str(",\n");
            }
            out.push_str(&end);
            out.push('}');
        }
        _ => write_compact(out, value),
    }
}

/// [`compact_json`] of `value` if it has at most `budget` bytes, found without writing more
/// than `budget` bytes of it.
fn compact_within(value: &Value, budget: usize) -> Option<String> {
    fn size(value: &Value, budget: usize) -> Option<usize> {
        let fits = |n: usize| (n <= budget).then_some(n);
        match value {
            Value::Array(items) => {
                let mut n = 2;
                for (i, item) in items.iter().enumerate() {
                    n += if i > 0 { 2 } else { 0 };
                    n += size(item, budget.checked_sub(n)?)?;
                    fits(n)?;
                }
                fits(n)
            }
            Value::Object(map) if !map.is_empty() => {
                let mut n = 4;
                for (i, (key, item)) in map.iter().enumerate() {
                    n += if i > 0 { 2 } else { 0 };
                    n += str_lit(key).len() + 2;
                    fits(n)?;
                    n += size(item, budget.checked_sub(n)?)?;
                    fits(n)?;
                }
                fits(n)
            }
            Value::String(s) if s.len() > budget => None,
            Value::String(s) => fits(str_lit(s).len()),
            _ => fits(compact_json(value).len()),
        }
    }
    size(value, budget)?;
    Some(compact_json(value))
}

/// A JSON number as a Rust literal: `json!` types an unsuffixed integer as `i32`, so one
/// beyond it gets its type (`107374182400_i64`, `18446744073709551615_u64`).
fn number_lit(n: &serde_json::Number) -> String {
    let in_i32 = n.as_i64().is_some_and(|i| i32::try_from(i).is_ok());
    if in_i32 || n.is_f64() {
        n.to_string()
    } else if n.is_i64() {
        format!("{n}_i64")
    } else {
        format!("{n}_u64")
    }
}

fn compact_json(value: &Value) -> String {
    let mut out = String::new();
    write_compact(&mut out, value);
    out
}

/// [`compact_json`] into `out` (one buffer for the whole value: no copy per level).
fn write_compact(out: &mut String, value: &Value) {
    match value {
        Value::Null => out.push_str("null"),
        Value::Bool(b) => out.push_str(if *b { "true" } else { "false" }),
        Value::Number(n) => out.push_str(&number_lit(n)),
        Value::String(s) => out.push_str(&str_lit(s)),
        Value::Array(items) => {
            out.push('[');
            for (i, item) in items.iter().enumerate() {
                if i > 0 {
                    out.push_str(", ");
                }
                write_compact(out, item);
            }
            out.push(']');
        }
        Value::Object(map) if map.is_empty() => out.push_str("{}"),
        Value::Object(map) => {
            out.push_str("{ ");
            for (i, (key, item)) in map.iter().enumerate() {
                if i > 0 {
                    out.push_str(", ");
                }
                out.push_str(&str_lit(key));
                out.push_str(": ");
                write_compact(out, item);
            }
            out.push_str(" }");
        }
    }
}

/// Where a string read from a manifest goes in the generated code.
///
/// ```
/// use k8s_dsl_import::rust::{safe, Position};
///
/// assert_eq!(safe("a\"b", Position::Literal), r#""a\"b""#);
/// assert!(!safe("x\ny", Position::Comment).contains('\n'));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Position {
    /// Inside a Rust string literal: the whole literal, quotes included, is returned.
    Literal,
    /// Inside one line of a `//` or `///` comment.
    Comment,
}

/// `s` made safe for `position`: the one function every string from a manifest goes
/// through on its way into generated code.
///
/// - [`Position::Literal`]: a Rust string literal (`"a\"b\n"`), every character Rust needs
///   escaped escaped, and every character that is not printable (control characters, the
///   line separators U+0085, U+2028 and U+2029, the bidirectional controls rustc refuses)
///   written as `\u{..}`.
/// - [`Position::Comment`]: one comment line: line breaks (`\n`, `\r`, U+0085, U+2028,
///   U+2029), other control and invisible characters written as escapes (`\n`, `\u{2028}`),
///   and `*/` and `/*` split by a space (`* /`), so that no text ends the comment, starts
///   a new line of code or opens a block comment.
///
/// ```
/// use k8s_dsl_import::rust::{safe, Position};
///
/// assert_eq!(safe("say \"hi\"\n", Position::Literal), r#""say \"hi\"\n""#);
/// assert_eq!(safe("w\nmacro_rules! vec {}", Position::Comment), r"w\nmacro_rules! vec {}");
/// assert_eq!(safe("a */ b /* c", Position::Comment), "a * / b / * c");
/// assert_eq!(safe("a\u{2028}b\u{85}c", Position::Comment), r"a\u{2028}b\u{85}c");
/// ```
pub fn safe(s: &str, position: Position) -> String {
    match position {
        // `Debug` of a `str` escapes quotes, backslashes and every character that is not
        // printable (the line separators and bidirectional controls included).
        Position::Literal => format!("{s:?}"),
        Position::Comment => {
            let mut out = String::with_capacity(s.len());
            for c in s.chars() {
                match c {
                    '"' | '\'' | '\\' => out.push(c),
                    '/' | '*' => {
                        let opens =
                            matches!((out.chars().last(), c), (Some('*'), '/') | (Some('/'), '*'));
                        if opens {
                            out.push(' ');
                        }
                        out.push(c);
                    }
                    _ => out.extend(c.escape_debug()),
                }
            }
            out
        }
    }
}

/// The text of a comment line built from `text`: [`safe`] for [`Position::Comment`].
///
/// ```
/// use k8s_dsl_import::rust::comment_text;
///
/// assert_eq!(comment_text("Pod `a\rb`"), r"Pod `a\rb`");
/// ```
pub fn comment_text(text: &str) -> String {
    safe(text, Position::Comment)
}

/// A `//` comment line (or lines) at `indent` levels; newlines in `text` start new lines,
/// and each line goes through [`comment_text`] (so a string from a manifest cannot end the
/// comment).
///
/// ```
/// use k8s_dsl_import::rust::comment;
///
/// assert_eq!(comment("Pod `web` (document 1)", 2), "        // Pod `web` (document 1)\n");
/// // An empty line is a bare `//`, without trailing spaces.
/// assert_eq!(comment("first\n\nlast", 0), "// first\n//\n// last\n");
/// // A carriage return or a Unicode line separator stays inside its line.
/// assert_eq!(comment("a\rb\u{2029}c", 0), "// a\\rb\\u{2029}c\n");
/// ```
pub fn comment(text: &str, indent: usize) -> String {
    let pad = "    ".repeat(indent);
    let text = text.strip_suffix('\n').unwrap_or(text);
    if text.is_empty() {
        return String::new();
    }
    text.split('\n')
        .map(|line| {
            format!("{pad}// {}", comment_text(line))
                .trim_end()
                .to_owned()
                + "\n"
        })
        .collect()
}

/// Formats `code` with `rustfmt --edition 2021` when it is installed and accepts the code;
/// otherwise returns `code` as the generator indented it (see [`try_format`] to know which).
///
/// ```
/// use k8s_dsl_import::rust::format;
///
/// // With rustfmt, the code in its layout; without it, as given: the same code either way.
/// let code = format("fn  f( ) {}");
/// assert!(code == "fn f() {}\n" || code == "fn  f( ) {}", "{code}");
///
/// // Code rustfmt cannot parse comes back unchanged.
/// assert_eq!(format("fn objects( {\n"), "fn objects( {\n");
/// ```
pub fn format(code: &str) -> String {
    try_format(code).unwrap_or_else(|_| code.to_owned())
}

/// Formats `code` with `rustfmt --edition 2021`; the error says why it could not (rustfmt
/// missing, failing, nesting past [`MAX_RUSTFMT_NESTING`], a method chain past
/// [`MAX_RUSTFMT_CHAIN`] or running past [`RUSTFMT_TIMEOUT`]) and what to do.
///
/// ```
/// use k8s_dsl_import::rust::try_format;
///
/// match try_format("fn  f( ) {}") {
///     Ok(code) => assert_eq!(code, "fn f() {}\n"),
///     // No rustfmt here: the error says how to install it.
///     Err(why) => assert!(why.contains("rustup component add rustfmt"), "{why}"),
/// }
///
/// // Code rustfmt rejects is an error either way, saying the code stays as it was.
/// let why = try_format("fn objects( {\n").err().unwrap_or_default();
/// assert!(
///     why.contains("so the code is printed as the importer indented it"),
///     "{why}"
/// );
/// ```
pub fn try_format(code: &str) -> Result<String, String> {
    const UNFORMATTED: &str =
        "the code is printed as the importer indented it (valid Rust, not rustfmt's layout)";
    let depth = nesting(code);
    if depth > MAX_RUSTFMT_NESTING {
        return Err(format!(
            "the code nests brackets {depth} deep, past the {MAX_RUSTFMT_NESTING} that rustfmt formats in reasonable time, so {UNFORMATTED}"
        ));
    }
    let chain = longest_chain(code);
    if chain > MAX_RUSTFMT_CHAIN {
        return Err(format!(
            "the code has a chain of {chain} method calls, past the {MAX_RUSTFMT_CHAIN} that rustfmt formats in reasonable time, so {UNFORMATTED}"
        ));
    }
    let mut child = Command::new("rustfmt")
        .args(["--edition", "2021", "--emit", "stdout"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .map_err(|e| {
            if e.kind() == std::io::ErrorKind::NotFound {
                format!(
                    "rustfmt was not found, so {UNFORMATTED}; install it with `rustup component add rustfmt`, or run `cargo fmt` on the result"
                )
            } else {
                format!("rustfmt could not be started ({e}), so {UNFORMATTED}")
            }
        })?;
    let failed = |why: String| {
        format!(
            "rustfmt failed ({why}), so {UNFORMATTED}; check that `rustfmt --version` works, and if it does, report the manifest that causes this"
        )
    };
    let Some(mut stdin) = child.stdin.take() else {
        return Err(failed("no input pipe".to_owned()));
    };
    let input = code.to_owned();
    // Write from another thread so a large output cannot block the pipe.
    let writer = std::thread::spawn(move || stdin.write_all(input.as_bytes()));
    // The output is read on its own thread while this one watches the clock.
    let stdout = child.stdout.take();
    let stderr = child.stderr.take();
    let reader = std::thread::spawn(move || {
        let mut out = Vec::new();
        let mut err = Vec::new();
        if let Some(mut stdout) = stdout {
            let _ = std::io::Read::read_to_end(&mut stdout, &mut out);
        }
        if let Some(mut stderr) = stderr {
            let _ = std::io::Read::read_to_end(&mut stderr, &mut err);
        }
        (out, err)
    });
    let deadline = Instant::now() + RUSTFMT_TIMEOUT;
    let status = loop {
        match child.try_wait() {
            Ok(Some(status)) => break status,
            Ok(None) if Instant::now() < deadline => std::thread::sleep(Duration::from_millis(5)),
            Ok(None) => {
                let _ = child.kill();
                let _ = child.wait();
                return Err(format!(
                    "rustfmt did not finish within {} s, so {UNFORMATTED}",
                    RUSTFMT_TIMEOUT.as_secs()
                ));
            }
            Err(e) => return Err(failed(e.to_string())),
        }
    };
    let (stdout, stderr) = reader
        .join()
        .map_err(|_| failed("reading its output stopped".to_owned()))?;
    let output = std::process::Output {
        status,
        stdout,
        stderr,
    };
    let written = writer
        .join()
        .map_err(|_| failed("writing its input stopped".to_owned()))?;
    if !output.status.success() {
        let stderr = String::from_utf8_lossy(&output.stderr);
        let first = stderr.lines().find(|l| !l.trim().is_empty()).unwrap_or("");
        return Err(failed(format!("{}: {}", output.status, first.trim())));
    }
    written.map_err(|e| failed(format!("cannot write its input: {e}")))?;
    String::from_utf8(output.stdout).map_err(|_| failed("its output is not UTF-8".to_owned()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn string_literals_escape_quotes_newlines_and_control_characters() {
        assert_eq!(str_lit("a\"b\n\\"), r#""a\"b\n\\""#);
        assert_eq!(str_lit("\u{1b}"), r#""\u{1b}""#);
    }

    #[test]
    fn code_rustfmt_rejects_is_an_error_saying_so_and_format_keeps_it() {
        let broken = "fn objects( {\n";
        let error = try_format(broken).unwrap_err();
        assert!(
            error.starts_with("rustfmt failed (exit status: "),
            "{error}"
        );
        assert!(error.contains("so the code is printed as the importer indented it"));
        assert_eq!(format(broken), broken);
        assert_eq!(try_format("fn  f( ) {}").unwrap(), "fn f() {}\n");
    }

    #[test]
    fn code_nested_past_what_rustfmt_handles_is_not_handed_to_it() {
        let deep = format!(
            "fn f() {{ let _ = {}1{}; }}",
            "[".repeat(60),
            "]".repeat(60)
        );
        let why = try_format(&deep).unwrap_err();
        assert!(why.contains("nests brackets 61 deep"), "{why}");
        assert!(why.contains("printed as the importer indented it"), "{why}");
        // Brackets inside strings and comments do not count.
        assert_eq!(nesting("f(\"[[[[\\\"[[\"); // ((((\n"), 1);
    }

    #[test]
    fn code_with_a_chain_rustfmt_would_take_long_on_is_not_handed_to_it() {
        let calls = ".env(\"A\", \"b\")\n".repeat(MAX_RUSTFMT_CHAIN + 1);
        let long = format!("fn f() {{ let _ = Pod::new(\"p\")\n{calls}.build(); }}");
        let why = try_format(&long).unwrap_err();
        assert!(why.contains("a chain of 402 method calls"), "{why}");
        assert_eq!(longest_chain("a\n  .b()\n  .c()\nd\n.e()\n"), 2);
    }

    #[test]
    fn json_literals_use_rust_escapes() {
        let value = serde_json::json!({"k": "\u{1b}", "n": [1, true, null]});
        assert_eq!(
            json_lit(&value, 0),
            r#"{ "k": "\u{1b}", "n": [1, true, null] }"#
        );
    }

    #[test]
    fn the_one_line_form_is_measured_exactly() {
        let values = [
            serde_json::json!([]),
            serde_json::json!({}),
            serde_json::json!([1, "a\"b", [true, null], {}]),
            serde_json::json!({"k": {"n": [1, 2]}, "l": "x"}),
        ];
        for value in values {
            let compact = compact_json(&value);
            assert_eq!(compact_within(&value, compact.len()), Some(compact.clone()));
            assert_eq!(compact_within(&value, compact.len() - 1), None, "{compact}");
        }
    }

    #[test]
    fn integers_beyond_i32_get_their_type() {
        let value = serde_json::json!([107_374_182_400_i64, u64::MAX, i64::MIN]);
        assert_eq!(
            json_lit(&value, 0),
            "[107374182400_i64, 18446744073709551615_u64, -9223372036854775808_i64]"
        );
        let value = serde_json::json!([-1, 2_147_483_647, 1.5]);
        assert_eq!(json_lit(&value, 0), "[-1, 2147483647, 1.5]");
    }
}
