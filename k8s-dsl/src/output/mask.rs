//! Secret values hidden in diffs: in every YAML or JSON document of kind `Secret`, each value
//! under `data` and `stringData` is replaced by a short digest before two texts are compared,
//! so a diff names the keys that changed (and shows that the digest changed) without the
//! values.
//!
//! The texts compared may be hand-edited, so this works on lines rather than on parsed
//! documents and errs on the side of hiding: a document that mentions `kind: Secret` anywhere
//! counts as a Secret, and everything indented under its `data` or `stringData` key (a block
//! scalar's lines, a JSON object's members) is hidden, as is an inline map on the key's line
//! or a compact JSON line holding a Secret.

use std::borrow::Cow;

use sha2::{Digest, Sha256};

/// How many hex digits of the SHA-256 of a value are shown.
const DIGEST_DIGITS: usize = 12;

/// `text` with every Secret value replaced by `<hidden value, sha256 …>`; borrowed when
/// there is no Secret in it.
pub(crate) fn mask_secrets(text: &str) -> Cow<'_, str> {
    if !text.contains("Secret") {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len());
    let mut document: Vec<&str> = Vec::new();
    for line in text.split_inclusive('\n') {
        if body(line).trim_end() == "---" {
            mask_document(&document, &mut out);
            document.clear();
            out.push_str(line);
        } else {
            document.push(line);
        }
    }
    mask_document(&document, &mut out);
    if out == text {
        Cow::Borrowed(text)
    } else {
        Cow::Owned(out)
    }
}

/// The short digest shown in place of `value`.
pub(crate) fn digest(value: &str) -> String {
    let hash = Sha256::digest(value.as_bytes());
    let hex: String = hash.iter().map(|byte| format!("{byte:02x}")).collect();
    hex.chars().take(DIGEST_DIGITS).collect()
}

/// What replaces a value.
fn hidden(value: &str) -> String {
    format!("<hidden value, sha256 {}>", digest(value))
}

/// A line without its line ending.
fn body(line: &str) -> &str {
    line.trim_end_matches(['\n', '\r'])
}

/// The line ending of `line` (`\n`, `\r\n` or nothing).
fn ending(line: &str) -> &str {
    line.get(body(line).len()..).unwrap_or_default()
}

/// The number of leading spaces.
fn indent(line: &str) -> usize {
    line.len() - line.trim_start_matches(' ').len()
}

/// A `key: value` line: where the key starts, where the text after the colon starts, the key
/// without quotes, and the value (trimmed, without a trailing JSON comma).
struct KeyValue<'a> {
    column: usize,
    after_colon: usize,
    key: &'a str,
    value: &'a str,
}

/// Reads `line` as a YAML or JSON `key: value` (after any `- ` of a list item).
fn key_value(line: &str) -> Option<KeyValue<'_>> {
    let text = body(line);
    let mut column = indent(text);
    while text
        .get(column..)
        .is_some_and(|rest| rest.starts_with("- "))
    {
        column += 2;
        column += indent(text.get(column..).unwrap_or_default());
    }
    let rest = text.get(column..)?;
    let (key, key_end) = match rest.chars().next()? {
        quote @ ('"' | '\'') => {
            let close = rest.get(1..)?.find(quote)? + 1;
            (rest.get(1..close)?, close + 1)
        }
        _ => {
            let colon = rest
                .char_indices()
                .find(|&(i, c)| {
                    c == ':'
                        && rest
                            .get(i + 1..)
                            .is_none_or(|after| after.is_empty() || after.starts_with([' ', '\t']))
                })?
                .0;
            (rest.get(..colon)?.trim_end(), colon)
        }
    };
    let after_key = rest.get(key_end..)?;
    let colon = after_key.find(':')?;
    if !after_key.get(..colon)?.trim().is_empty() {
        return None;
    }
    let after_colon = column + key_end + colon + 1;
    let value = text.get(after_colon..)?.trim();
    let value = value.strip_suffix(',').unwrap_or(value).trim_end();
    Some(KeyValue {
        column,
        after_colon,
        key,
        value,
    })
}

/// Whether `value` (of a `kind` key) is `Secret`, quoted or not.
fn is_secret(value: &str) -> bool {
    value.trim_matches(['"', '\'']) == "Secret"
}

/// Whether a line holds a whole compact JSON Secret (or a part of one with its values).
fn is_compact_secret(line: &str) -> bool {
    let line = body(line);
    line.contains("\"Secret\"") && (line.contains("\"data\"") || line.contains("\"stringData\""))
}

/// One entry of a hidden block: the line's text up to and including the colon, and the text
/// of its value (its first line's value and every continuation line).
struct Entry {
    head: Option<String>,
    value: String,
    comma: bool,
    ending: String,
}

impl Entry {
    fn write(&self, out: &mut String) {
        match &self.head {
            Some(head) => {
                out.push_str(head);
                out.push(' ');
                out.push_str(&hidden(&self.value));
                if self.comma {
                    out.push(',');
                }
            }
            None => out.push_str(&hidden(&self.value)),
        }
        out.push_str(&self.ending);
    }
}

/// Appends `lines` (one document) to `out`, with the values hidden when it is a Secret.
fn mask_document(lines: &[&str], out: &mut String) {
    let secret = lines
        .iter()
        .any(|line| key_value(line).is_some_and(|kv| kv.key == "kind" && is_secret(kv.value)))
        || lines.iter().any(|line| is_compact_secret(line));
    if !secret {
        lines.iter().for_each(|line| out.push_str(line));
        return;
    }
    // The column of the open `data`/`stringData` key, the column of its entries, the entry.
    let mut block: Option<(usize, Option<usize>, Option<Entry>)> = None;
    for line in lines {
        if let Some((opener, child, entry)) = &mut block {
            let text = body(line);
            if text.trim().is_empty() {
                match entry {
                    Some(entry) => entry.value.push_str(line),
                    None => out.push_str(line),
                }
                continue;
            }
            let column = indent(text);
            if column > *opener {
                let child = *child.get_or_insert(column);
                let starts = column == child;
                match (starts.then(|| key_value(line)).flatten(), entry.as_mut()) {
                    (Some(kv), _) => {
                        if let Some(done) = entry.take() {
                            done.write(out);
                        }
                        let head = text.get(..kv.after_colon).unwrap_or_default().to_owned();
                        let comma = text.trim_end().ends_with(',');
                        *entry = Some(Entry {
                            head: Some(head),
                            value: kv.value.to_owned(),
                            comma,
                            ending: ending(line).to_owned(),
                        });
                    }
                    (None, Some(current)) => {
                        current.value.push_str(line);
                        current.comma = text.trim_end().ends_with(',');
                    }
                    (None, None) => {
                        *entry = Some(Entry {
                            head: None,
                            value: line.to_string(),
                            comma: false,
                            ending: ending(line).to_owned(),
                        });
                    }
                }
                continue;
            }
            if let Some(done) = entry.take() {
                done.write(out);
            }
            block = None;
        }
        if is_compact_secret(line) {
            out.push_str(&hidden(body(line)));
            out.push_str(ending(line));
            continue;
        }
        match key_value(line) {
            Some(kv) if kv.key == "data" || kv.key == "stringData" => {
                let text = body(line);
                match kv.value {
                    "" | "{" | "|" | ">" | "|-" | ">-" => {
                        out.push_str(line);
                        block = Some((kv.column, None, None));
                    }
                    "{}" | "null" | "~" => out.push_str(line),
                    value => {
                        out.push_str(text.get(..kv.after_colon).unwrap_or_default());
                        out.push(' ');
                        out.push_str(&hidden(value));
                        if text.trim_end().ends_with(',') {
                            out.push(',');
                        }
                        out.push_str(ending(line));
                    }
                }
            }
            _ => out.push_str(line),
        }
    }
    if let Some((_, _, Some(entry))) = block {
        entry.write(out);
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
    fn yaml_values_are_hidden_keys_and_other_fields_kept() {
        let text = "apiVersion: v1\nkind: Secret\nmetadata:\n  name: db\ndata:\n  token: c2VjcmV0\nstringData:\n  password: hunter2\n  cert: |\n    line one\n    hunter2\ntype: Opaque\n";
        let masked = mask_secrets(text);
        assert!(
            !masked.contains("hunter2") && !masked.contains("c2VjcmV0"),
            "{masked}"
        );
        assert!(masked.contains("  name: db\n"), "{masked}");
        assert!(masked.contains(&format!(
            "  token: <hidden value, sha256 {}>\n",
            digest("c2VjcmV0")
        )));
        assert!(
            masked.contains("  password: <hidden value, sha256 "),
            "{masked}"
        );
        assert!(
            masked.contains("  cert: <hidden value, sha256 "),
            "{masked}"
        );
        assert!(masked.ends_with("\ntype: Opaque\n"), "{masked}");
    }

    #[test]
    fn json_values_are_hidden() {
        let text = "{\n  \"apiVersion\": \"v1\",\n  \"data\": {\n    \"a\": \"c2VjcmV0\",\n    \"b\": \"eHl6\"\n  },\n  \"kind\": \"Secret\"\n}\n";
        let masked = mask_secrets(text);
        assert!(
            !masked.contains("c2VjcmV0") && !masked.contains("eHl6"),
            "{masked}"
        );
        assert!(
            masked.contains("    \"a\": <hidden value, sha256 "),
            "{masked}"
        );
        assert!(
            masked.contains("  },\n  \"kind\": \"Secret\"\n}\n"),
            "{masked}"
        );
        let compact = "{\"kind\":\"Secret\",\"stringData\":{\"a\":\"hunter2\"}}\n";
        assert!(!mask_secrets(compact).contains("hunter2"));
    }

    #[test]
    fn other_documents_are_untouched() {
        let text = "kind: ConfigMap\ndata:\n  mode: production\n---\nkind: Secret\nstringData:\n  a: hunter2\n---\nkind: ConfigMap\ndata:\n  b: shown\n";
        let masked = mask_secrets(text);
        assert!(masked.starts_with("kind: ConfigMap\ndata:\n  mode: production\n---\n"));
        assert!(masked.ends_with("---\nkind: ConfigMap\ndata:\n  b: shown\n"));
        assert!(!masked.contains("hunter2"));
        let inline = "kind: Secret\nstringData: {a: hunter2}\n";
        assert!(!mask_secrets(inline).contains("hunter2"));
        assert_eq!(mask_secrets("kind: ConfigMap\n"), "kind: ConfigMap\n");
    }
}
