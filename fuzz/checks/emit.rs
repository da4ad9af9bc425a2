//! The emitter's round trip: any tree of maps, lists, strings, numbers and booleans written by
//! `k8s_dsl::emit::to_yaml` reads back (serde_yaml) as the same tree, and so does `to_json`;
//! the YAML holds no character a YAML 1.1 reader refuses or takes for a line break; and every
//! string the emitter writes plain is resolved as a string by YAML 1.1 and 1.2 readers.

use k8s_dsl::emit::{to_json, to_yaml, yaml::plain_is_safe};
use serde_json::{Map, Number, Value};

use super::yaml11;

/// Fragments that YAML readers like to take for something else than a string.
pub const HOSTILE: &[&str] = &[
    "",
    " ",
    "  ",
    "\t",
    "\n",
    "\r\n",
    "\r",
    "yes",
    "Yes",
    "no",
    "NO",
    "y",
    "n",
    "Y",
    "N",
    "on",
    "On",
    "off",
    "OFF",
    "true",
    "False",
    "null",
    "Null",
    "~",
    "<<",
    "=",
    "-",
    "--",
    "---",
    "...",
    "?",
    ":",
    ": ",
    " :",
    "- ",
    "#",
    " #",
    "# ",
    "&a",
    "*a",
    "!",
    "!!str",
    "|",
    ">",
    "'",
    "\"",
    "%",
    "@",
    "`",
    "[",
    "]",
    "{",
    "}",
    ",",
    "0",
    "00",
    "007",
    "0o17",
    "0x1F",
    "0b101",
    "1_000",
    "12:30",
    "1:2:3",
    "190:20:30.15",
    "1e3",
    "1E-3",
    "-1",
    "+1",
    ".5",
    "1.",
    "-.inf",
    ".NaN",
    ".inf",
    "2001-12-14",
    "2001-12-14t21:59:43.10-05:00",
    "2001-12-14 21:59:43.10 -5",
    "\\",
    "\\n",
    "\u{0}",
    "\u{7}",
    "\u{1b}",
    "\u{7f}",
    "\u{85}",
    "\u{a0}",
    "\u{2028}",
    "\u{2029}",
    "\u{feff}",
    "\u{fffe}",
    "\u{ffff}",
    "\u{1F600}",
    "é",
    "日本",
    "\u{202e}",
    "\u{200b}",
    "a",
    "key",
    "value",
    "http://x",
    "a: b",
    "a #b",
    "a:",
    "$x",
    "${HOME}",
    "{{ x }}",
    "%TAG",
    "<",
    "1 2",
    "0x",
    "1e",
    "Infinity",
    "NaN",
    "  x",
    "x  ",
];

/// Reads bytes as instructions for building a tree, so that a fuzzer's (or a regression
/// file's) bytes always give the same value.
pub struct Decoder<'a> {
    data: &'a [u8],
}

impl<'a> Decoder<'a> {
    /// A decoder over `data`.
    pub fn new(data: &'a [u8]) -> Self {
        Decoder { data }
    }

    fn byte(&mut self) -> u8 {
        match self.data.split_first() {
            Some((&b, rest)) => {
                self.data = rest;
                b
            }
            None => 0,
        }
    }

    fn take(&mut self, n: usize) -> &'a [u8] {
        let n = n.min(self.data.len());
        let (head, rest) = self.data.split_at(n);
        self.data = rest;
        head
    }

    /// A string: hostile fragments and raw bytes (lossy UTF-8), concatenated.
    pub fn string(&mut self) -> String {
        let pieces = usize::from(self.byte() % 4);
        let mut out = String::new();
        for _ in 0..pieces.max(1) {
            let b = self.byte();
            if b < 160 {
                out.push_str(
                    HOSTILE
                        .get(usize::from(b) % HOSTILE.len())
                        .copied()
                        .unwrap_or(""),
                );
            } else {
                let len = usize::from(b - 160);
                out.push_str(&String::from_utf8_lossy(self.take(len)));
            }
        }
        // A rare long string, to cross length limits (1024-character keys).
        if self.data.first() == Some(&0xff) && !out.is_empty() {
            let _ = self.byte();
            let times = 1100 / out.len() + 1;
            out = out.repeat(times);
        }
        out
    }

    fn number(&mut self) -> Value {
        let bytes = self.take(8);
        let mut raw = [0u8; 8];
        for (slot, b) in raw.iter_mut().zip(bytes) {
            *slot = *b;
        }
        match self.byte() % 3 {
            0 => Value::from(i64::from_le_bytes(raw)),
            1 => Value::from(u64::from_le_bytes(raw)),
            _ => Number::from_f64(f64::from_le_bytes(raw)).map_or(Value::from(0.5), Value::Number),
        }
    }

    /// A tree no deeper than `depth`.
    pub fn value(&mut self, depth: u32) -> Value {
        let tag = self.byte();
        match tag % 8 {
            0 => Value::Null,
            1 => Value::Bool(tag & 0x80 != 0),
            2 => self.number(),
            3 | 4 => Value::String(self.string()),
            5 if depth > 0 => {
                let n = usize::from(self.byte() % 6);
                Value::Array((0..n).map(|_| self.value(depth - 1)).collect())
            }
            _ if depth > 0 => {
                let n = usize::from(self.byte() % 6);
                let mut map = Map::new();
                for _ in 0..n {
                    let key = self.string();
                    let v = self.value(depth - 1);
                    map.insert(key, v);
                }
                Value::Object(map)
            }
            _ => Value::String(self.string()),
        }
    }
}

/// The longest implicit key a YAML reader accepts (YAML 1.2 §7.4.2: 1024 characters; libyaml,
/// and so serde_yaml, counts bytes).
pub const IMPLICIT_KEY_MAX: usize = 1024;

/// Whether `key`, as the emitter writes it (quotes and escapes included), is longer than an
/// implicit key may be.
pub fn is_long_key(key: &str) -> bool {
    to_yaml(key).map_or(true, |text| {
        text.trim_end_matches('\n').len() > IMPLICIT_KEY_MAX
    })
}

/// The fuzz target's body: decode a tree from `data` and check it.
pub fn check(data: &[u8]) {
    let value = Decoder::new(data).value(5);
    if let Err(problem) = check_value(&value) {
        panic!("{problem}\nvalue: {value:?}");
    }
    if let Ok(text) = std::str::from_utf8(data) {
        if let Err(problem) = check_plain(text) {
            panic!("{problem}");
        }
    }
}

/// Every string of a tree, keys included.
pub fn strings(value: &Value, out: &mut Vec<String>) {
    match value {
        Value::String(s) => out.push(s.clone()),
        Value::Array(items) => items.iter().for_each(|v| strings(v, out)),
        Value::Object(map) => {
            for (k, v) in map {
                out.push(k.clone());
                strings(v, out);
            }
        }
        _ => {}
    }
}

/// Where two trees first differ (`$.a[2]`), or `None` when they are equal. With `ulps`, floats
/// may differ in their last bits: serde_json without its `float_roundtrip` feature reads the
/// shortest representation of a float back up to 2 ULPs away (its writer is exact).
pub fn difference(a: &Value, b: &Value, ulps: u64, path: &str) -> Option<String> {
    match (a, b) {
        (Value::Number(x), Value::Number(y)) if x.is_f64() && y.is_f64() => {
            let (x, y) = (x.as_f64().unwrap_or(0.0), y.as_f64().unwrap_or(0.0));
            let close = x == y || x.to_bits().abs_diff(y.to_bits()) <= ulps;
            (!close).then(|| format!("{path}: {x:e} != {y:e}"))
        }
        (Value::Array(x), Value::Array(y)) if x.len() == y.len() => x
            .iter()
            .zip(y)
            .enumerate()
            .find_map(|(i, (x, y))| difference(x, y, ulps, &format!("{path}[{i}]"))),
        (Value::Object(x), Value::Object(y)) if x.len() == y.len() => {
            x.iter().zip(y).find_map(|((kx, vx), (ky, vy))| {
                if kx == ky {
                    difference(vx, vy, ulps, &format!("{path}.{kx:?}"))
                } else {
                    Some(format!("{path}: key {kx:?} != {ky:?}"))
                }
            })
        }
        _ => (a != b).then(|| format!("{path}: {a:?} != {b:?}")),
    }
}

/// The emitter's properties for one tree.
pub fn check_value(value: &Value) -> Result<(), String> {
    let yaml = to_yaml(value).map_err(|e| format!("to_yaml failed: {e}"))?;
    if let Some(c) = yaml.chars().find(|&c| !yaml11::raw_char_is_safe(c)) {
        return Err(format!("the YAML holds the raw character {c:?}:\n{yaml}"));
    }
    let back: Value = serde_yaml::from_str(&yaml)
        .map_err(|e| format!("serde_yaml cannot read the YAML back: {e}\n{yaml}"))?;
    if let Some(at) = difference(&back, value, 0, "$") {
        return Err(format!(
            "serde_yaml reads back something else at {at}\n{yaml}"
        ));
    }
    let json = to_json(value).map_err(|e| format!("to_json failed: {e}"))?;
    let back: Value = serde_json::from_str(&json)
        .map_err(|e| format!("serde_json cannot read JSON back: {e}"))?;
    if let Some(at) = difference(&back, value, 2, "$") {
        return Err(format!(
            "serde_json reads back something else at {at}\n{json}"
        ));
    }
    let mut all = Vec::new();
    strings(value, &mut all);
    for s in &all {
        check_plain(s)?;
    }
    Ok(())
}

/// `plain_is_safe(s)` implies: no YAML 1.1 or 1.2 resolver claims `s`, it has only safe raw
/// characters, and serde_yaml reads `s` (as a document and as a mapping value) back as `s`.
pub fn check_plain(s: &str) -> Result<(), String> {
    if !plain_is_safe(s) {
        return Ok(());
    }
    if let Some(kind) = yaml11::implicit_type(s) {
        return Err(format!(
            "plain_is_safe({s:?}) but a reader resolves it as {kind}"
        ));
    }
    if let Some(c) = s
        .chars()
        .find(|&c| !yaml11::raw_char_is_safe(c) || c == '\n')
    {
        return Err(format!("plain_is_safe({s:?}) but it holds {c:?}"));
    }
    let alone: Value = serde_yaml::from_str(s)
        .map_err(|e| format!("plain_is_safe({s:?}) but serde_yaml cannot read it: {e}"))?;
    if alone != Value::String(s.to_string()) {
        return Err(format!(
            "plain_is_safe({s:?}) but serde_yaml reads {alone:?}"
        ));
    }
    // As a key, too (keys over 1024 characters cannot be implicit keys at all; they are
    // checked by the tree properties).
    if is_long_key(s) {
        return Ok(());
    }
    let in_map: Value = serde_yaml::from_str(&format!("{s}: {s}\n"))
        .map_err(|e| format!("plain_is_safe({s:?}) but as a key/value serde_yaml fails: {e}"))?;
    let mut expected = Map::new();
    expected.insert(s.to_string(), Value::String(s.to_string()));
    if in_map != Value::Object(expected) {
        return Err(format!(
            "plain_is_safe({s:?}) but as a key/value serde_yaml reads {in_map:?}"
        ));
    }
    let in_list: Value = serde_yaml::from_str(&format!("- {s}\n- {s}\n"))
        .map_err(|e| format!("plain_is_safe({s:?}) but as a list item serde_yaml fails: {e}"))?;
    if in_list != Value::Array(vec![Value::String(s.to_string()); 2]) {
        return Err(format!(
            "plain_is_safe({s:?}) but as a list item serde_yaml reads {in_list:?}"
        ));
    }
    Ok(())
}
