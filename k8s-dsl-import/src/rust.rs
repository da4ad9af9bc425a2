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
    format!("{s:?}")
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

fn write_json(out: &mut String, value: &Value, indent: usize) {
    let compact = compact_json(value);
    if compact.len() + indent * 4 <= 90 {
        out.push_str(&compact);
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
        _ => out.push_str(&compact),
    }
}

fn compact_json(value: &Value) -> String {
    match value {
        Value::Null => "null".to_owned(),
        Value::Bool(b) => b.to_string(),
        Value::Number(n) => n.to_string(),
        Value::String(s) => str_lit(s),
        Value::Array(items) => {
            let items: Vec<String> = items.iter().map(compact_json).collect();
            format!("[{}]", items.join(", "))
        }
        Value::Object(map) => {
            if map.is_empty() {
                return "{}".to_owned();
            }
            let items: Vec<String> = map
                .iter()
                .map(|(k, v)| format!("{}: {}", str_lit(k), compact_json(v)))
                .collect();
            format!("{{ {} }}", items.join(", "))
        }
    }
}

/// A `//` comment line (or lines) at `indent` levels; newlines in `text` start new lines.
///
/// ```
/// use k8s_dsl_import::rust::comment;
///
/// assert_eq!(comment("Pod `web` (document 1)", 2), "        // Pod `web` (document 1)\n");
/// // An empty line is a bare `//`, without trailing spaces.
/// assert_eq!(comment("first\n\nlast", 0), "// first\n//\n// last\n");
/// ```
pub fn comment(text: &str, indent: usize) -> String {
    let pad = "    ".repeat(indent);
    text.lines()
        .map(|line| format!("{pad}// {line}").trim_end().to_owned() + "\n")
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
/// missing, or failing) and what to do.
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
    let output = child
        .wait_with_output()
        .map_err(|e| failed(e.to_string()))?;
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
    fn json_literals_use_rust_escapes() {
        let value = serde_json::json!({"k": "\u{1b}", "n": [1, true, null]});
        assert_eq!(
            json_lit(&value, 0),
            r#"{ "k": "\u{1b}", "n": [1, true, null] }"#
        );
    }
}
