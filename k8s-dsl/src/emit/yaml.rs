//! A YAML writer for Kubernetes objects: block style, kubectl's layout, and strings quoted
//! whenever any YAML reader could take them for something else.
//!
//! The layout is the one `kubectl get -o yaml` prints: two-space indentation, sequence items
//! at their key's column, `{}` and `[]` for empty collections. A string is written plain only
//! when [`plain_is_safe`] says every YAML 1.1 and 1.2 reader reads it back as the same string;
//! otherwise it is double-quoted with escapes, so it stays on one line and any character
//! survives.
//!
//! The serializer writes straight into a `String` (no intermediate tree), one document at a
//! time, which keeps memory flat when a [`YamlWriter`] streams many objects to a file.
//!
//! ```
//! use k8s_dsl::prelude::*;
//!
//! let map = ConfigMap::new("clock").data("at", "12:30").data("name", "web").build()?;
//! let yaml = k8s_dsl::emit::yaml::to_yaml(&map)?;
//! assert!(yaml.contains("  at: \"12:30\"\n")); // YAML 1.1 reads 12:30 as a number
//! assert!(yaml.contains("  name: web\n"));
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

use std::fmt::Write as _;
use std::io;

use serde::ser::{self, Serialize};

use super::EmitError;

/// One object as a YAML document (no leading `---`), ending in a newline.
///
/// ```
/// use k8s_dsl::prelude::*;
///
/// let map = ConfigMap::new("flags").data("debug", "off").build()?;
/// let yaml = k8s_dsl::emit::to_yaml(&map)?;
/// assert_eq!(
///     yaml,
///     "apiVersion: v1\nkind: ConfigMap\ndata:\n  debug: \"off\"\nmetadata:\n  name: flags\n"
/// );
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn to_yaml<T: Serialize + ?Sized>(object: &T) -> Result<String, EmitError> {
    let mut out = String::with_capacity(1024);
    write_document(&mut out, object)?;
    Ok(out)
}

/// Appends one object as a YAML document (no leading `---`) to `out`.
///
/// ```
/// use k8s_dsl::prelude::*;
///
/// let mut out = String::from("# generated\n");
/// let map = ConfigMap::new("flags").data("debug", "off").build()?;
/// k8s_dsl::emit::yaml::write_document(&mut out, &map)?;
/// assert!(out.starts_with("# generated\napiVersion: v1\n"));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn write_document<T: Serialize + ?Sized>(
    out: &mut String,
    object: &T,
) -> Result<(), EmitError> {
    object.serialize(Serializer { out, pos: Pos::Top })
}

/// Writes objects as a multi-document YAML stream (`---` between documents) to any
/// [`io::Write`], one object at a time, so memory does not grow with the number of objects.
///
/// ```
/// use k8s_dsl::emit::YamlWriter;
/// use k8s_dsl::prelude::*;
///
/// let mut writer = YamlWriter::new(Vec::new());
/// writer.write(&ConfigMap::new("one").data("a", "1").build()?)?;
/// writer.write(&ConfigMap::new("two").data("b", "2").build()?)?;
/// assert_eq!(writer.documents(), 2);
/// let bytes = writer.finish()?;
/// let text = String::from_utf8(bytes)?;
/// assert_eq!(text.matches("---\n").count(), 1); // between the documents only
/// assert!(text.contains("  name: two\n"));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub struct YamlWriter<W: io::Write> {
    sink: W,
    buffer: String,
    documents: usize,
}

impl<W: io::Write> YamlWriter<W> {
    /// A writer that sends documents to `sink`. Wrap files in a `BufWriter`.
    pub fn new(sink: W) -> Self {
        YamlWriter {
            sink,
            buffer: String::with_capacity(8 * 1024),
            documents: 0,
        }
    }

    /// Writes one object as the next document.
    pub fn write<T: Serialize + ?Sized>(&mut self, object: &T) -> Result<(), EmitError> {
        self.buffer.clear();
        if self.documents > 0 {
            self.buffer.push_str("---\n");
        }
        write_document(&mut self.buffer, object)?;
        self.sink.write_all(self.buffer.as_bytes())?;
        self.documents += 1;
        Ok(())
    }

    /// How many documents were written.
    pub fn documents(&self) -> usize {
        self.documents
    }

    /// Flushes and returns the sink.
    pub fn finish(mut self) -> Result<W, EmitError> {
        self.sink.flush()?;
        Ok(self.sink)
    }
}

/// Byte classes for [`plain_is_safe`], looked up once per byte.
const PLAIN_BYTE: u8 = 1; // may appear in a plain string
const PLAIN_FIRST: u8 = 2; // may start a plain string
const NUMBER_BYTE: u8 = 4; // may appear in a YAML 1.1/1.2 number or timestamp
const LETTER: u8 = 8; // an ASCII letter

/// The class bits of every byte (non-ASCII bytes have none).
static CLASSES: [u8; 256] = classes();

// Evaluated while compiling (`static CLASSES`): an index out of bounds would fail the build,
// it cannot panic at run time.
#[allow(clippy::indexing_slicing)]
const fn classes() -> [u8; 256] {
    let mut table = [0u8; 256];
    let mut b = 0usize;
    while b < 128 {
        let c = b as u8;
        let alnum = c.is_ascii_alphanumeric();
        // Indicators (`-`, `?`, `:`, `&`, `*`, `!`, `|`, `>`, `'`, `"`, `%`, `@`, `` ` ``, `#`,
        // `[`, `{`, `~`, `<<`, `=`) and leading dots or signs (`.inf`, `-1`, `+1`) all start a
        // non-plain or non-string scalar, so a plain string starts with a letter, a digit, `/`
        // or `_`.
        let first = alnum || c == b'/' || c == b'_';
        let plain = alnum
            || matches!(
                c,
                b' ' | b'_'
                    | b'.'
                    | b'/'
                    | b'-'
                    | b':'
                    | b'='
                    | b'+'
                    | b'@'
                    | b'%'
                    | b','
                    | b'('
                    | b')'
                    | b'$'
                    | b'!'
                    | b'&'
                    | b'*'
                    | b';'
                    | b'?'
            );
        // Integers (`0x1F`, `0o17`, `1_000`, `12:30`), floats (`1e3`, `1.28`) and timestamps
        // (`2001-12-14`, `2001-12-14t21:59:43.10-05:00`) use only these characters.
        let number = c.is_ascii_hexdigit()
            || matches!(
                c,
                b'x' | b'X'
                    | b'o'
                    | b'O'
                    | b'_'
                    | b':'
                    | b'.'
                    | b'+'
                    | b'-'
                    | b't'
                    | b'T'
                    | b'z'
                    | b'Z'
                    | b' '
            );
        table[b] = (if plain { PLAIN_BYTE } else { 0 })
            | (if first { PLAIN_FIRST } else { 0 })
            | (if number { NUMBER_BYTE } else { 0 })
            | (if c.is_ascii_alphabetic() { LETTER } else { 0 });
        b += 1;
    }
    table
}

fn class(byte: u8) -> u8 {
    CLASSES.get(usize::from(byte)).copied().unwrap_or(0)
}

/// Whether `text` may be written as a plain (unquoted) scalar: it must read back as this very
/// string under YAML 1.1 (Kubernetes' Go reader, PyYAML) and YAML 1.2.
///
/// Deliberately conservative: anything outside a small, safe alphabet is quoted.
///
/// ```
/// use k8s_dsl::emit::yaml::plain_is_safe;
///
/// assert!(plain_is_safe("nginx"));
/// assert!(plain_is_safe("simple-webapp"));
/// assert!(!plain_is_safe("yes")); // a YAML 1.1 boolean
/// assert!(!plain_is_safe("0x1F")); // a number
/// assert!(!plain_is_safe("2001-12-14")); // a date
/// assert!(!plain_is_safe("")); // reads back as null
/// ```
pub fn plain_is_safe(text: &str) -> bool {
    let bytes = text.as_bytes();
    let (Some(&first), Some(&last)) = (bytes.first(), bytes.last()) else {
        return false; // the empty string must be quoted
    };
    // One branch-free pass: whether every byte is in the plain alphabet, whether every byte
    // could belong to a number or timestamp, and whether every byte is a letter. `: ` starts a
    // mapping value (and ` #`, a comment, cannot occur: `#` is not in the alphabet).
    let mut all = PLAIN_BYTE | NUMBER_BYTE | LETTER;
    let mut colon = false;
    for &byte in bytes {
        all &= class(byte);
        colon |= byte == b':';
    }
    // Words of letters only (every field name, most enum values): no YAML reader takes them
    // for a number, a date or an indicator, only for a boolean or null.
    if all & LETTER != 0 {
        return !is_reserved_word(text);
    }
    if class(first) & PLAIN_FIRST == 0 {
        return false;
    }
    if last == b' ' || last == b':' {
        return false;
    }
    if all & PLAIN_BYTE == 0 || (colon && text.contains(": ")) {
        return false;
    }
    let number_like = first.is_ascii_digit() && all & NUMBER_BYTE != 0;
    !(number_like || is_reserved_word(text))
}

/// Booleans and nulls of YAML 1.1 and 1.2 in any letter case (`y`, `N`, `yes`, `On`, `off`,
/// `TRUE`, `null`, ...).
fn is_reserved_word(text: &str) -> bool {
    const WORDS: [&str; 9] = ["y", "n", "yes", "no", "true", "false", "on", "off", "null"];
    text.len() <= 5 && WORDS.iter().any(|word| word.eq_ignore_ascii_case(text))
}

/// Appends `text` as a scalar: plain when safe, else double-quoted with escapes.
fn write_string(out: &mut String, text: &str) {
    if plain_is_safe(text) {
        out.push_str(text);
    } else {
        write_quoted(out, text);
    }
}

/// Appends `text` double-quoted. Line breaks, control characters and the characters YAML 1.1
/// treats as line breaks or forbids (NEL, LS, PS, BOM, U+FFFE/U+FFFF) are escaped.
fn write_quoted(out: &mut String, text: &str) {
    out.reserve(text.len() + 2);
    out.push('"');
    let mut start = 0;
    for (index, c) in text.char_indices() {
        let escape: Option<&str> = match c {
            '"' => Some("\\\""),
            '\\' => Some("\\\\"),
            '\n' => Some("\\n"),
            '\t' => Some("\\t"),
            '\r' => Some("\\r"),
            '\0' => Some("\\0"),
            _ => None,
        };
        let needs_code = escape.is_none()
            && (c < ' '
                || ('\u{7f}'..='\u{9f}').contains(&c)
                || matches!(
                    c,
                    '\u{2028}' | '\u{2029}' | '\u{feff}' | '\u{fffe}' | '\u{ffff}'
                ));
        if escape.is_none() && !needs_code {
            continue;
        }
        out.push_str(text.get(start..index).unwrap_or_default());
        match escape {
            Some(sequence) => out.push_str(sequence),
            None => {
                let _ = write!(out, "\\u{:04X}", u32::from(c));
            }
        }
        start = index + c.len_utf8();
    }
    out.push_str(text.get(start..).unwrap_or_default());
    out.push('"');
}

/// Where the next value goes.
#[derive(Clone, Copy)]
enum Pos {
    /// The start of a document.
    Top,
    /// Right after `key:` written at this column.
    Value(usize),
    /// Right after `- ` whose dash is at this column.
    Item(usize),
}

fn indent(out: &mut String, columns: usize) {
    const SPACES: &str = "                                                                ";
    let mut left = columns;
    while left > 0 {
        let n = left.min(SPACES.len());
        out.push_str(SPACES.get(..n).unwrap_or_default());
        left -= n;
    }
}

/// Appends the decimal digits of `value` (without `fmt`, which is slow for small numbers).
fn push_u64(out: &mut String, mut value: u64) {
    let mut digits = [0u8; 20];
    let mut start = digits.len();
    loop {
        start -= 1;
        if let Some(slot) = digits.get_mut(start) {
            *slot = b'0' + (value % 10) as u8;
        }
        value /= 10;
        if value == 0 || start == 0 {
            break;
        }
    }
    for &digit in digits.get(start..).unwrap_or_default() {
        out.push(char::from(digit));
    }
}

/// Appends `value` in decimal.
fn push_i64(out: &mut String, value: i64) {
    if value < 0 {
        out.push('-');
    }
    push_u64(out, value.unsigned_abs());
}

struct Serializer<'a> {
    out: &'a mut String,
    pos: Pos,
}

impl<'a> Serializer<'a> {
    fn scalar(self, text: &str) {
        if let Pos::Value(_) = self.pos {
            self.out.push(' ');
        }
        self.out.push_str(text);
        self.out.push('\n');
    }

    fn signed(self, value: i64) {
        if let Pos::Value(_) = self.pos {
            self.out.push(' ');
        }
        push_i64(self.out, value);
        self.out.push('\n');
    }

    fn unsigned(self, value: u64) {
        if let Pos::Value(_) = self.pos {
            self.out.push(' ');
        }
        push_u64(self.out, value);
        self.out.push('\n');
    }

    fn string(self, text: &str) {
        if let Pos::Value(_) = self.pos {
            self.out.push(' ');
        }
        write_string(self.out, text);
        self.out.push('\n');
    }

    fn mapping(self) -> Mapping<'a> {
        let (column, newline_first) = match self.pos {
            Pos::Top => (0, false),
            Pos::Value(key_column) => (key_column + 2, true),
            Pos::Item(dash_column) => (dash_column + 2, false),
        };
        Mapping {
            out: self.out,
            pos: self.pos,
            column,
            newline_first,
            entries: 0,
        }
    }

    fn sequence(self) -> Sequence<'a> {
        let (column, newline_first) = match self.pos {
            Pos::Top => (0, false),
            Pos::Value(key_column) => (key_column, true),
            Pos::Item(dash_column) => (dash_column + 2, false),
        };
        Sequence {
            out: self.out,
            pos: self.pos,
            column,
            newline_first,
            items: 0,
        }
    }
}

/// Writes `{}` or `[]` for an empty collection in position `pos`.
fn write_empty(out: &mut String, pos: Pos, text: &str) {
    if let Pos::Value(_) = pos {
        out.push(' ');
    }
    out.push_str(text);
    out.push('\n');
}

/// The longest key written in the implicit form (`key: value`); YAML allows 1024.
const MAX_IMPLICIT_KEY: usize = 1000;

struct Mapping<'a> {
    out: &'a mut String,
    pos: Pos,
    column: usize,
    newline_first: bool,
    entries: usize,
}

impl Mapping<'_> {
    fn key_str(&mut self, key: &str) {
        if self.entries == 0 {
            if self.newline_first {
                self.out.push('\n');
                indent(self.out, self.column);
            }
        } else {
            indent(self.out, self.column);
        }
        self.entries += 1;
        let start = self.out.len();
        write_string(self.out, key);
        // YAML readers accept implicit keys of at most 1024 characters (libyaml counts bytes):
        // a longer key is written in the explicit form, `? key` then `:` on the next line.
        if self.out.len() - start > MAX_IMPLICIT_KEY {
            self.out.insert_str(start, "? ");
            self.out.push('\n');
            indent(self.out, self.column);
        }
        self.out.push(':');
    }

    fn value<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), EmitError> {
        value.serialize(Serializer {
            out: self.out,
            pos: Pos::Value(self.column),
        })
    }

    fn end(self) {
        if self.entries == 0 {
            write_empty(self.out, self.pos, "{}");
        }
    }
}

struct Sequence<'a> {
    out: &'a mut String,
    pos: Pos,
    column: usize,
    newline_first: bool,
    items: usize,
}

impl Sequence<'_> {
    fn item<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), EmitError> {
        if self.items == 0 {
            if self.newline_first {
                self.out.push('\n');
                indent(self.out, self.column);
            }
        } else {
            indent(self.out, self.column);
        }
        self.items += 1;
        self.out.push_str("- ");
        value.serialize(Serializer {
            out: self.out,
            pos: Pos::Item(self.column),
        })
    }

    fn end(self) {
        if self.items == 0 {
            write_empty(self.out, self.pos, "[]");
        }
    }
}

fn float_text(value: f64) -> String {
    if value.is_nan() {
        ".nan".to_owned()
    } else if value.is_infinite() {
        if value > 0.0 { ".inf" } else { "-.inf" }.to_owned()
    } else {
        let mut text = value.to_string();
        if !text.contains(['.', 'e', 'E']) {
            text.push_str(".0");
        }
        text
    }
}

impl<'a> ser::Serializer for Serializer<'a> {
    type Ok = ();
    type Error = EmitError;
    type SerializeSeq = Sequence<'a>;
    type SerializeTuple = Sequence<'a>;
    type SerializeTupleStruct = Sequence<'a>;
    type SerializeTupleVariant = VariantSequence<'a>;
    type SerializeMap = MapWithKey<'a>;
    type SerializeStruct = Mapping<'a>;
    type SerializeStructVariant = VariantMapping<'a>;

    fn serialize_bool(self, v: bool) -> Result<(), EmitError> {
        self.scalar(if v { "true" } else { "false" });
        Ok(())
    }
    fn serialize_i8(self, v: i8) -> Result<(), EmitError> {
        self.serialize_i64(i64::from(v))
    }
    fn serialize_i16(self, v: i16) -> Result<(), EmitError> {
        self.serialize_i64(i64::from(v))
    }
    fn serialize_i32(self, v: i32) -> Result<(), EmitError> {
        self.serialize_i64(i64::from(v))
    }
    fn serialize_i64(self, v: i64) -> Result<(), EmitError> {
        self.signed(v);
        Ok(())
    }
    fn serialize_u8(self, v: u8) -> Result<(), EmitError> {
        self.serialize_u64(u64::from(v))
    }
    fn serialize_u16(self, v: u16) -> Result<(), EmitError> {
        self.serialize_u64(u64::from(v))
    }
    fn serialize_u32(self, v: u32) -> Result<(), EmitError> {
        self.serialize_u64(u64::from(v))
    }
    fn serialize_u64(self, v: u64) -> Result<(), EmitError> {
        self.unsigned(v);
        Ok(())
    }
    fn serialize_f32(self, v: f32) -> Result<(), EmitError> {
        self.serialize_f64(f64::from(v))
    }
    fn serialize_f64(self, v: f64) -> Result<(), EmitError> {
        self.scalar(&float_text(v));
        Ok(())
    }
    fn serialize_char(self, v: char) -> Result<(), EmitError> {
        self.string(v.encode_utf8(&mut [0; 4]));
        Ok(())
    }
    fn serialize_str(self, v: &str) -> Result<(), EmitError> {
        self.string(v);
        Ok(())
    }
    fn serialize_bytes(self, v: &[u8]) -> Result<(), EmitError> {
        use ser::SerializeSeq;
        let mut sequence = self.sequence();
        for byte in v {
            sequence.serialize_element(byte)?;
        }
        SerializeSeq::end(sequence)
    }
    fn serialize_none(self) -> Result<(), EmitError> {
        self.scalar("null");
        Ok(())
    }
    fn serialize_some<T: Serialize + ?Sized>(self, value: &T) -> Result<(), EmitError> {
        value.serialize(self)
    }
    fn serialize_unit(self) -> Result<(), EmitError> {
        self.scalar("null");
        Ok(())
    }
    fn serialize_unit_struct(self, _name: &'static str) -> Result<(), EmitError> {
        self.serialize_unit()
    }
    fn serialize_unit_variant(
        self,
        _name: &'static str,
        _index: u32,
        variant: &'static str,
    ) -> Result<(), EmitError> {
        self.string(variant);
        Ok(())
    }
    fn serialize_newtype_struct<T: Serialize + ?Sized>(
        self,
        _name: &'static str,
        value: &T,
    ) -> Result<(), EmitError> {
        value.serialize(self)
    }
    fn serialize_newtype_variant<T: Serialize + ?Sized>(
        self,
        _name: &'static str,
        _index: u32,
        variant: &'static str,
        value: &T,
    ) -> Result<(), EmitError> {
        let mut mapping = self.mapping();
        mapping.key_str(variant);
        mapping.value(value)?;
        mapping.end();
        Ok(())
    }
    fn serialize_seq(self, _len: Option<usize>) -> Result<Sequence<'a>, EmitError> {
        Ok(self.sequence())
    }
    fn serialize_tuple(self, _len: usize) -> Result<Sequence<'a>, EmitError> {
        Ok(self.sequence())
    }
    fn serialize_tuple_struct(
        self,
        _name: &'static str,
        _len: usize,
    ) -> Result<Sequence<'a>, EmitError> {
        Ok(self.sequence())
    }
    fn serialize_tuple_variant(
        self,
        _name: &'static str,
        _index: u32,
        variant: &'static str,
        _len: usize,
    ) -> Result<VariantSequence<'a>, EmitError> {
        let mut outer = self.mapping();
        outer.key_str(variant);
        let column = outer.column;
        Ok(VariantSequence {
            inner: Sequence {
                out: outer.out,
                pos: Pos::Value(column),
                column,
                newline_first: true,
                items: 0,
            },
        })
    }
    fn serialize_map(self, _len: Option<usize>) -> Result<MapWithKey<'a>, EmitError> {
        Ok(MapWithKey {
            mapping: self.mapping(),
        })
    }
    fn serialize_struct(self, _name: &'static str, _len: usize) -> Result<Mapping<'a>, EmitError> {
        Ok(self.mapping())
    }
    fn serialize_struct_variant(
        self,
        _name: &'static str,
        _index: u32,
        variant: &'static str,
        _len: usize,
    ) -> Result<VariantMapping<'a>, EmitError> {
        let mut outer = self.mapping();
        outer.key_str(variant);
        let column = outer.column;
        Ok(VariantMapping {
            inner: Mapping {
                out: outer.out,
                pos: Pos::Value(column),
                column: column + 2,
                newline_first: true,
                entries: 0,
            },
        })
    }
}

impl ser::SerializeSeq for Sequence<'_> {
    type Ok = ();
    type Error = EmitError;
    fn serialize_element<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), EmitError> {
        self.item(value)
    }
    fn end(self) -> Result<(), EmitError> {
        Sequence::end(self);
        Ok(())
    }
}

impl ser::SerializeTuple for Sequence<'_> {
    type Ok = ();
    type Error = EmitError;
    fn serialize_element<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), EmitError> {
        self.item(value)
    }
    fn end(self) -> Result<(), EmitError> {
        Sequence::end(self);
        Ok(())
    }
}

impl ser::SerializeTupleStruct for Sequence<'_> {
    type Ok = ();
    type Error = EmitError;
    fn serialize_field<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), EmitError> {
        self.item(value)
    }
    fn end(self) -> Result<(), EmitError> {
        Sequence::end(self);
        Ok(())
    }
}

impl ser::SerializeStruct for Mapping<'_> {
    type Ok = ();
    type Error = EmitError;
    fn serialize_field<T: Serialize + ?Sized>(
        &mut self,
        key: &'static str,
        value: &T,
    ) -> Result<(), EmitError> {
        self.key_str(key);
        self.value(value)
    }
    fn end(self) -> Result<(), EmitError> {
        Mapping::end(self);
        Ok(())
    }
}

/// A map whose keys arrive through serde's `serialize_key`.
struct MapWithKey<'a> {
    mapping: Mapping<'a>,
}

impl ser::SerializeMap for MapWithKey<'_> {
    type Ok = ();
    type Error = EmitError;
    fn serialize_key<T: Serialize + ?Sized>(&mut self, key: &T) -> Result<(), EmitError> {
        key.serialize(KeySerializer {
            mapping: &mut self.mapping,
        })
    }
    fn serialize_value<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), EmitError> {
        self.mapping.value(value)
    }
    fn end(self) -> Result<(), EmitError> {
        self.mapping.end();
        Ok(())
    }
}

/// `variant:` followed by a sequence (serde's tuple variants).
struct VariantSequence<'a> {
    inner: Sequence<'a>,
}

impl ser::SerializeTupleVariant for VariantSequence<'_> {
    type Ok = ();
    type Error = EmitError;
    fn serialize_field<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), EmitError> {
        self.inner.item(value)
    }
    fn end(self) -> Result<(), EmitError> {
        self.inner.end();
        Ok(())
    }
}

/// `variant:` followed by a mapping (serde's struct variants).
struct VariantMapping<'a> {
    inner: Mapping<'a>,
}

impl ser::SerializeStructVariant for VariantMapping<'_> {
    type Ok = ();
    type Error = EmitError;
    fn serialize_field<T: Serialize + ?Sized>(
        &mut self,
        key: &'static str,
        value: &T,
    ) -> Result<(), EmitError> {
        self.inner.key_str(key);
        self.inner.value(value)
    }
    fn end(self) -> Result<(), EmitError> {
        self.inner.end();
        Ok(())
    }
}

/// Writes a map key: strings as they are (without copying them), numbers and booleans as
/// their text.
struct KeySerializer<'m, 'a> {
    mapping: &'m mut Mapping<'a>,
}

fn key_error() -> EmitError {
    EmitError::Unsupported("map keys must be strings, numbers or booleans".to_owned())
}

impl KeySerializer<'_, '_> {
    fn key(self, text: &str) -> Result<(), EmitError> {
        self.mapping.key_str(text);
        Ok(())
    }

    fn signed(self, value: i64) -> Result<(), EmitError> {
        let mut text = String::new();
        push_i64(&mut text, value);
        self.key(&text)
    }

    fn unsigned(self, value: u64) -> Result<(), EmitError> {
        let mut text = String::new();
        push_u64(&mut text, value);
        self.key(&text)
    }
}

impl ser::Serializer for KeySerializer<'_, '_> {
    type Ok = ();
    type Error = EmitError;
    type SerializeSeq = ser::Impossible<(), EmitError>;
    type SerializeTuple = ser::Impossible<(), EmitError>;
    type SerializeTupleStruct = ser::Impossible<(), EmitError>;
    type SerializeTupleVariant = ser::Impossible<(), EmitError>;
    type SerializeMap = ser::Impossible<(), EmitError>;
    type SerializeStruct = ser::Impossible<(), EmitError>;
    type SerializeStructVariant = ser::Impossible<(), EmitError>;

    fn serialize_bool(self, v: bool) -> Result<(), EmitError> {
        self.key(if v { "true" } else { "false" })
    }
    fn serialize_i8(self, v: i8) -> Result<(), EmitError> {
        self.signed(i64::from(v))
    }
    fn serialize_i16(self, v: i16) -> Result<(), EmitError> {
        self.signed(i64::from(v))
    }
    fn serialize_i32(self, v: i32) -> Result<(), EmitError> {
        self.signed(i64::from(v))
    }
    fn serialize_i64(self, v: i64) -> Result<(), EmitError> {
        self.signed(v)
    }
    fn serialize_u8(self, v: u8) -> Result<(), EmitError> {
        self.unsigned(u64::from(v))
    }
    fn serialize_u16(self, v: u16) -> Result<(), EmitError> {
        self.unsigned(u64::from(v))
    }
    fn serialize_u32(self, v: u32) -> Result<(), EmitError> {
        self.unsigned(u64::from(v))
    }
    fn serialize_u64(self, v: u64) -> Result<(), EmitError> {
        self.unsigned(v)
    }
    fn serialize_f32(self, _v: f32) -> Result<(), EmitError> {
        Err(key_error())
    }
    fn serialize_f64(self, _v: f64) -> Result<(), EmitError> {
        Err(key_error())
    }
    fn serialize_char(self, v: char) -> Result<(), EmitError> {
        self.key(v.encode_utf8(&mut [0; 4]))
    }
    fn serialize_str(self, v: &str) -> Result<(), EmitError> {
        self.key(v)
    }
    fn serialize_bytes(self, _v: &[u8]) -> Result<(), EmitError> {
        Err(key_error())
    }
    fn serialize_none(self) -> Result<(), EmitError> {
        Err(key_error())
    }
    fn serialize_some<T: Serialize + ?Sized>(self, value: &T) -> Result<(), EmitError> {
        value.serialize(self)
    }
    fn serialize_unit(self) -> Result<(), EmitError> {
        Err(key_error())
    }
    fn serialize_unit_struct(self, _name: &'static str) -> Result<(), EmitError> {
        Err(key_error())
    }
    fn serialize_unit_variant(
        self,
        _name: &'static str,
        _index: u32,
        variant: &'static str,
    ) -> Result<(), EmitError> {
        self.key(variant)
    }
    fn serialize_newtype_struct<T: Serialize + ?Sized>(
        self,
        _name: &'static str,
        value: &T,
    ) -> Result<(), EmitError> {
        value.serialize(self)
    }
    fn serialize_newtype_variant<T: Serialize + ?Sized>(
        self,
        _name: &'static str,
        _index: u32,
        _variant: &'static str,
        _value: &T,
    ) -> Result<(), EmitError> {
        Err(key_error())
    }
    fn serialize_seq(self, _len: Option<usize>) -> Result<Self::SerializeSeq, EmitError> {
        Err(key_error())
    }
    fn serialize_tuple(self, _len: usize) -> Result<Self::SerializeTuple, EmitError> {
        Err(key_error())
    }
    fn serialize_tuple_struct(
        self,
        _name: &'static str,
        _len: usize,
    ) -> Result<Self::SerializeTupleStruct, EmitError> {
        Err(key_error())
    }
    fn serialize_tuple_variant(
        self,
        _name: &'static str,
        _index: u32,
        _variant: &'static str,
        _len: usize,
    ) -> Result<Self::SerializeTupleVariant, EmitError> {
        Err(key_error())
    }
    fn serialize_map(self, _len: Option<usize>) -> Result<Self::SerializeMap, EmitError> {
        Err(key_error())
    }
    fn serialize_struct(
        self,
        _name: &'static str,
        _len: usize,
    ) -> Result<Self::SerializeStruct, EmitError> {
        Err(key_error())
    }
    fn serialize_struct_variant(
        self,
        _name: &'static str,
        _index: u32,
        _variant: &'static str,
        _len: usize,
    ) -> Result<Self::SerializeStructVariant, EmitError> {
        Err(key_error())
    }
}

#[cfg(test)]
mod tests;
