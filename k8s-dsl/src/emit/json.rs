//! JSON output, through serde_json, with one difference: U+0085 (next line), U+2028 (line
//! separator) and U+2029 (paragraph separator) are written as `\u0085`, `\u2028` and `\u2029`.
//! JSON allows them raw, but the tools that read manifests read JSON as YAML (kustomize,
//! Argo CD, PyYAML, ruamel.yaml), and YAML takes them for line breaks: inside a quoted string a
//! line break folds into a space, so the value would change on its way to the cluster. For the
//! same readers DEL, the other C1 controls (U+0080-U+009F), U+FFFE and U+FFFF are escaped too:
//! they are outside YAML's printable characters, and YAML readers refuse them.
//!
//! ```
//! use k8s_dsl::prelude::*;
//!
//! let map = ConfigMap::new("settings").data("mode", "on").build()?;
//! let json = k8s_dsl::emit::json::to_json(&map)?;
//! assert!(json.contains("\"mode\": \"on\""));
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

use std::io;

use serde::Serialize;
use serde_json::ser::{Formatter, PrettyFormatter};

use super::EmitError;

/// One object as pretty-printed JSON, ending in a newline.
///
/// ```
/// use k8s_dsl::prelude::*;
///
/// // A value that a YAML reader would fold into a space is escaped:
/// let map = ConfigMap::new("settings").data("motd", "one\u{2028}two").build()?;
/// let json = k8s_dsl::emit::to_json(&map)?;
/// assert!(json.contains(r#""motd": "one\u2028two""#));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
///
/// ```
/// use k8s_dsl::prelude::*;
///
/// let map = ConfigMap::new("settings").data("mode", "on").build()?;
/// let json = k8s_dsl::emit::to_json(&map)?;
/// assert!(json.starts_with("{\n  \"apiVersion\": \"v1\",\n"));
/// assert!(json.ends_with("}\n"));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn to_json<T: Serialize + ?Sized>(object: &T) -> Result<String, EmitError> {
    let mut out = Vec::with_capacity(1024);
    let mut serializer =
        serde_json::Serializer::with_formatter(&mut out, YamlSafe(PrettyFormatter::new()));
    object.serialize(&mut serializer)?;
    out.push(b'\n');
    String::from_utf8(out).map_err(|e| EmitError::Unsupported(e.to_string()))
}

/// serde_json's pretty formatter, escaping the characters YAML reads as line breaks.
struct YamlSafe<'a>(PrettyFormatter<'a>);

/// Whether a YAML reader would not read `c` back from a JSON string as written: U+0085,
/// U+2028 and U+2029 are line breaks to YAML, and DEL, the C1 controls, U+FFFE and U+FFFF are
/// outside YAML's printable set (readers reject them). JSON allows all of them raw.
fn needs_escape_for_yaml(c: char) -> bool {
    matches!(
        c,
        '\u{7f}'..='\u{9f}' | '\u{2028}' | '\u{2029}' | '\u{fffe}' | '\u{ffff}'
    )
}

/// Writes `fragment` (text of a JSON string that serde_json leaves unescaped), escaping the
/// characters [`needs_escape_for_yaml`] finds as `\uXXXX`.
fn write_escaped<W: ?Sized + io::Write>(writer: &mut W, fragment: &str) -> io::Result<()> {
    let mut rest = fragment;
    while let Some((at, c)) = rest.char_indices().find(|(_, c)| needs_escape_for_yaml(*c)) {
        let (before, after) = rest.split_at(at);
        writer.write_all(before.as_bytes())?;
        write!(writer, "\\u{:04x}", u32::from(c))?;
        rest = after.get(c.len_utf8()..).unwrap_or_default();
    }
    writer.write_all(rest.as_bytes())
}

/// Every method is the pretty formatter's, except for string text.
impl Formatter for YamlSafe<'_> {
    fn write_string_fragment<W: ?Sized + io::Write>(
        &mut self,
        writer: &mut W,
        fragment: &str,
    ) -> io::Result<()> {
        write_escaped(writer, fragment)
    }

    fn begin_array<W: ?Sized + io::Write>(&mut self, writer: &mut W) -> io::Result<()> {
        self.0.begin_array(writer)
    }

    fn end_array<W: ?Sized + io::Write>(&mut self, writer: &mut W) -> io::Result<()> {
        self.0.end_array(writer)
    }

    fn begin_array_value<W: ?Sized + io::Write>(
        &mut self,
        writer: &mut W,
        first: bool,
    ) -> io::Result<()> {
        self.0.begin_array_value(writer, first)
    }

    fn end_array_value<W: ?Sized + io::Write>(&mut self, writer: &mut W) -> io::Result<()> {
        self.0.end_array_value(writer)
    }

    fn begin_object<W: ?Sized + io::Write>(&mut self, writer: &mut W) -> io::Result<()> {
        self.0.begin_object(writer)
    }

    fn end_object<W: ?Sized + io::Write>(&mut self, writer: &mut W) -> io::Result<()> {
        self.0.end_object(writer)
    }

    fn begin_object_key<W: ?Sized + io::Write>(
        &mut self,
        writer: &mut W,
        first: bool,
    ) -> io::Result<()> {
        self.0.begin_object_key(writer, first)
    }

    fn begin_object_value<W: ?Sized + io::Write>(&mut self, writer: &mut W) -> io::Result<()> {
        self.0.begin_object_value(writer)
    }

    fn end_object_value<W: ?Sized + io::Write>(&mut self, writer: &mut W) -> io::Result<()> {
        self.0.end_object_value(writer)
    }
}

/// Several objects as one JSON document: a `v1` `List`, which `kubectl apply -f` accepts.
///
/// ```
/// use k8s_dsl::prelude::*;
///
/// let maps = [
///     ConfigMap::new("one").data("a", "1").build()?,
///     ConfigMap::new("two").data("b", "2").build()?,
/// ];
/// let json = k8s_dsl::emit::to_json_list(&maps)?;
/// let list: serde_json::Value = serde_json::from_str(&json)?;
/// assert_eq!(list["kind"], "List");
/// assert_eq!(list["items"][1]["metadata"]["name"], "two");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn to_json_list<T: Serialize>(objects: &[T]) -> Result<String, EmitError> {
    #[derive(Serialize)]
    struct List<'a, T> {
        #[serde(rename = "apiVersion")]
        api_version: &'static str,
        kind: &'static str,
        items: &'a [T],
    }
    to_json(&List {
        api_version: "v1",
        kind: "List",
        items: objects,
    })
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    #[test]
    fn yaml_line_breaks_are_escaped_and_read_back() {
        let value = vec![
            "a\u{85}b",
            "\u{2028}",
            "x\u{2029}y\u{2029}",
            "\u{85}\"\u{2028}\n",
            "del\u{7f} c1\u{80}\u{9f} nonchars\u{fffe}\u{ffff}",
        ];
        let json = to_json(&value).unwrap();
        assert!(
            json.contains(r#""del\u007f c1\u0080\u009f nonchars\ufffe\uffff""#),
            "{json}"
        );
        for raw in [
            '\u{85}', '\u{2028}', '\u{2029}', '\u{7f}', '\u{80}', '\u{fffe}',
        ] {
            assert!(!json.contains(raw), "{json:?}");
        }
        assert!(json.contains(r#""a\u0085b""#), "{json}");
        assert!(json.contains(r#""\u0085\"\u2028\n""#), "{json}");
        let back: Vec<String> = serde_json::from_str(&json).unwrap();
        assert_eq!(back, value);
    }

    #[test]
    fn other_text_is_as_serde_json_writes_it() {
        let value = vec![
            "é 日本語 🚀",
            "tab\there",
            "nul\u{0}",
            "\u{feff}",
            "\u{a0}\u{fffd}",
        ];
        let mut expected = serde_json::to_string_pretty(&value).unwrap();
        expected.push('\n');
        assert_eq!(to_json(&value).unwrap(), expected);
    }
}
