//! YAML text to JSON values, as kubectl reads it (YAML 1.1 scalars, merge keys), with the line
//! of every field and bounded work: each limit of [`Limits`] is checked while the events
//! arrive, so a hostile file stops at the first one it passes.

use std::collections::HashMap;

use granit_parser::{Event, Parser, ScalarStyle, Span, Tag};
use serde_json::{Map, Number, Value};

use super::{Limit, Limits, Lines};

/// One document of a YAML stream: its value, the line of each of its fields, and what the
/// text itself gets wrong (duplicate keys).
pub(super) struct Parsed {
    /// The value (`Null` for an empty document).
    pub value: Value,
    /// The line of the value and of each of its fields and items.
    pub lines: Lines,
    /// Problems with a path and a line, such as a key written twice.
    pub problems: Vec<(String, usize, String)>,
}

/// Why a YAML text cannot be read: a syntax error or a limit, with its line.
pub(super) struct Failure {
    /// The line (from 1).
    pub line: usize,
    /// The document (from 0).
    pub document: usize,
    /// The limit passed, if that is the reason.
    pub limit: Option<Limit>,
    /// What is wrong.
    pub message: String,
}

/// Where a node sits in its parent.
#[derive(Clone)]
enum Slot {
    Root,
    Field(String),
    Merge,
    Item(usize),
}

enum Frame {
    Sequence {
        slot: Slot,
        anchor: usize,
        line: usize,
        nodes: usize,
        items: Vec<Value>,
        lines: Vec<Lines>,
    },
    Mapping {
        slot: Slot,
        anchor: usize,
        line: usize,
        nodes: usize,
        map: Map<String, Value>,
        lines: Vec<(String, Lines)>,
        /// The key read, waiting for its value (`None`: the next node is a key).
        key: Option<(Slot, usize)>,
        /// The mappings of `<<` merge keys, in order.
        merges: Vec<Value>,
    },
}

impl Frame {
    fn nodes_mut(&mut self) -> &mut usize {
        match self {
            Frame::Sequence { nodes, .. } | Frame::Mapping { nodes, .. } => nodes,
        }
    }
}

/// What a finished node brings to its parent.
struct Node {
    value: Value,
    lines: Lines,
    nodes: usize,
}

struct Reader<'l> {
    limits: &'l Limits,
    stack: Vec<Frame>,
    anchors: HashMap<usize, (Value, usize)>,
    problems: Vec<(String, usize, String)>,
    root: Option<Node>,
    document: usize,
    nodes: usize,
    aliased: usize,
}

fn fail(line: usize, document: usize, limit: Option<Limit>, message: String) -> Failure {
    Failure {
        line,
        document,
        limit,
        message,
    }
}

/// Reads every document of `text`, or the first reason it cannot be read.
#[cfg(test)]
pub(super) fn documents(text: &str, limits: &Limits) -> Result<Vec<Parsed>, Failure> {
    let mut out = Vec::new();
    each_document(text, limits, |parsed| out.push(parsed))?;
    Ok(out)
}

/// Hands each document of `text` to `each` as soon as it is read (so that a caller need not
/// hold the values of the whole stream at once), and returns the first reason the text cannot
/// be read; the documents handed over before it are then to be dropped.
pub(super) fn each_document(
    text: &str,
    limits: &Limits,
    mut each: impl FnMut(Parsed),
) -> Result<(), Failure> {
    if text.len() > limits.input_bytes {
        return Err(fail(
            1,
            0,
            Some(Limit::InputBytes),
            format!(
                "the input is {} bytes, more than the limit of {} bytes",
                text.len(),
                limits.input_bytes
            ),
        ));
    }
    let mut reader = Reader {
        limits,
        stack: Vec::new(),
        anchors: HashMap::new(),
        problems: Vec::new(),
        root: None,
        document: 0,
        nodes: 0,
        aliased: 0,
    };
    // How many documents were handed over.
    let mut count = 0usize;
    let mut started: Option<usize> = None;
    for event in Parser::new_from_str(text) {
        let (event, span) = match event {
            Ok(pair) => pair,
            Err(error) => {
                let kind = error.kind().to_string();
                let line = error.marker().line().max(1);
                // The scanner counts flow levels itself, before any event reaches the reader.
                if kind.contains("recursion limit") {
                    return Err(fail(
                        line,
                        count,
                        Some(Limit::Depth),
                        format!("values nested deeper than the YAML parser's limit ({kind})"),
                    ));
                }
                return Err(fail(line, count, None, format!("not valid YAML: {kind}")));
            }
        };
        let line = span.start.line().max(1);
        let document = count;
        if let Some(start) = started {
            let at = span.end.byte_offset().unwrap_or(start);
            if at.saturating_sub(start) > limits.document_bytes {
                return Err(fail(
                    line,
                    document,
                    Some(Limit::DocumentBytes),
                    format!(
                        "document {document} is larger than the limit of {} bytes",
                        limits.document_bytes
                    ),
                ));
            }
        }
        match event {
            Event::DocumentStart(..) => {
                if count >= limits.documents {
                    return Err(fail(
                        line,
                        document,
                        Some(Limit::Documents),
                        format!("more than the limit of {} documents", limits.documents),
                    ));
                }
                started = Some(span.start.byte_offset().unwrap_or(0));
                reader.document = document;
                reader.anchors.clear();
            }
            Event::DocumentEnd => {
                started = None;
                let (value, lines) = match reader.root.take() {
                    Some(node) => (node.value, node.lines),
                    None => (Value::Null, Lines::at(line)),
                };
                count += 1;
                each(Parsed {
                    value,
                    lines,
                    problems: std::mem::take(&mut reader.problems),
                });
            }
            other => reader.event(other, &span)?,
        }
    }
    Ok(())
}

impl Reader<'_> {
    fn limit(&self, line: usize, limit: Limit, message: String) -> Failure {
        fail(line, self.document, Some(limit), message)
    }

    fn count(&mut self, line: usize, nodes: usize) -> Result<(), Failure> {
        self.nodes = self.nodes.saturating_add(nodes);
        if self.nodes > self.limits.nodes {
            return Err(self.limit(
                line,
                Limit::Nodes,
                format!(
                    "more than the limit of {} values in the input",
                    self.limits.nodes
                ),
            ));
        }
        Ok(())
    }

    fn event(&mut self, event: Event<'_>, span: &Span) -> Result<(), Failure> {
        let line = span.start.line().max(1);
        match event {
            Event::Scalar(content, style, anchor, tag) => {
                self.count(line, 1)?;
                if self.expects_key() {
                    let slot = key_slot(&content, style, tag.as_deref());
                    return self.set_key(slot, line);
                }
                let value = scalar(&content, style, tag.as_deref()).map_err(|message| {
                    fail(line, self.document, None, format!("{message}: `{content}`"))
                })?;
                self.finish_node(
                    Node {
                        value,
                        lines: Lines::at(line),
                        nodes: 1,
                    },
                    anchor,
                )
            }
            Event::Alias(id) => {
                let Some((value, nodes)) = self.anchors.get(&id).cloned() else {
                    return Err(fail(
                        line,
                        self.document,
                        None,
                        "an alias names no anchor before it".to_owned(),
                    ));
                };
                self.aliased = self.aliased.saturating_add(nodes);
                if self.aliased > self.limits.aliased_nodes {
                    return Err(self.limit(
                        line,
                        Limit::AliasedNodes,
                        format!(
                            "aliases expand to more than the limit of {} values",
                            self.limits.aliased_nodes
                        ),
                    ));
                }
                self.count(line, nodes)?;
                if self.expects_key() {
                    let key = match &value {
                        Value::String(s) => s.clone(),
                        other => key_text(other),
                    };
                    return self.set_key(Slot::Field(key), line);
                }
                self.finish_node(
                    Node {
                        value,
                        lines: Lines::at(line),
                        nodes,
                    },
                    0,
                )
            }
            Event::SequenceStart(_, anchor, _) | Event::MappingStart(_, anchor, _) => {
                self.count(line, 1)?;
                if self.stack.len() >= self.limits.depth {
                    return Err(self.limit(
                        line,
                        Limit::Depth,
                        format!(
                            "values nested deeper than the limit of {} levels",
                            self.limits.depth
                        ),
                    ));
                }
                if self.expects_key() {
                    return Err(fail(
                        line,
                        self.document,
                        None,
                        "a mapping key must be a plain value, not a list or a mapping".to_owned(),
                    ));
                }
                let slot = self.slot();
                let frame = if matches!(event, Event::SequenceStart(..)) {
                    Frame::Sequence {
                        slot,
                        anchor,
                        line,
                        nodes: 1,
                        items: Vec::new(),
                        lines: Vec::new(),
                    }
                } else {
                    Frame::Mapping {
                        slot,
                        anchor,
                        line,
                        nodes: 1,
                        map: Map::new(),
                        lines: Vec::new(),
                        key: None,
                        merges: Vec::new(),
                    }
                };
                self.stack.push(frame);
                Ok(())
            }
            Event::SequenceEnd | Event::MappingEnd => {
                let Some(frame) = self.stack.pop() else {
                    return Ok(());
                };
                let (node, anchor) = match frame {
                    Frame::Sequence {
                        anchor,
                        line,
                        nodes,
                        items,
                        lines,
                        ..
                    } => (
                        Node {
                            value: Value::Array(items),
                            lines: Lines {
                                line,
                                fields: Vec::new(),
                                items: lines,
                            },
                            nodes,
                        },
                        anchor,
                    ),
                    Frame::Mapping {
                        anchor,
                        line,
                        nodes,
                        mut map,
                        lines,
                        merges,
                        ..
                    } => {
                        merge(&mut map, merges);
                        (
                            Node {
                                value: Value::Object(map),
                                lines: Lines {
                                    line,
                                    fields: lines,
                                    items: Vec::new(),
                                },
                                nodes,
                            },
                            anchor,
                        )
                    }
                };
                self.finish_node(node, anchor)
            }
            _ => Ok(()),
        }
    }

    /// Whether the next node is a mapping key.
    fn expects_key(&self) -> bool {
        matches!(self.stack.last(), Some(Frame::Mapping { key: None, .. }))
    }

    fn set_key(&mut self, slot: Slot, line: usize) -> Result<(), Failure> {
        if let Some(Frame::Mapping { key, .. }) = self.stack.last_mut() {
            *key = Some((slot, line));
        }
        Ok(())
    }

    /// Where the next node goes in the innermost collection.
    fn slot(&self) -> Slot {
        match self.stack.last() {
            None => Slot::Root,
            Some(Frame::Sequence { items, .. }) => Slot::Item(items.len()),
            Some(Frame::Mapping { key, .. }) => key.as_ref().map_or(Slot::Root, |(s, _)| s.clone()),
        }
    }

    /// The path of the innermost collection, for messages.
    fn path(&self) -> String {
        let mut path = String::new();
        for frame in &self.stack {
            let slot = match frame {
                Frame::Sequence { slot, .. } | Frame::Mapping { slot, .. } => slot,
            };
            match slot {
                Slot::Root => {}
                Slot::Merge => path.push_str(if path.is_empty() { "<<" } else { ".<<" }),
                Slot::Field(name) => {
                    if !path.is_empty() {
                        path.push('.');
                    }
                    path.push_str(name);
                }
                Slot::Item(i) => path.push_str(&format!("[{i}]")),
            }
        }
        path
    }

    fn finish_node(&mut self, node: Node, anchor: usize) -> Result<(), Failure> {
        if anchor != 0 {
            self.anchors
                .insert(anchor, (node.value.clone(), node.nodes));
        }
        // The path is written only for a key given twice (the message needs it).
        let duplicate = matches!(
            self.stack.last(),
            Some(Frame::Mapping { key: Some((Slot::Field(name), _)), map, .. }) if map.contains_key(name)
        );
        let path = if duplicate {
            self.path()
        } else {
            String::new()
        };
        let Some(parent) = self.stack.last_mut() else {
            self.root = Some(node);
            return Ok(());
        };
        *parent.nodes_mut() = parent.nodes_mut().saturating_add(node.nodes);
        match parent {
            Frame::Sequence { items, lines, .. } => {
                items.push(node.value);
                lines.push(node.lines);
            }
            Frame::Mapping {
                map,
                lines,
                key,
                merges,
                ..
            } => match key.take() {
                Some((Slot::Merge, _)) => match node.value {
                    Value::Array(sources) => merges.extend(sources),
                    other => merges.push(other),
                },
                Some((Slot::Field(name), line)) => {
                    if duplicate {
                        let at = if path.is_empty() {
                            name.clone()
                        } else {
                            format!("{path}.{name}")
                        };
                        self.problems.push((
                            at,
                            line,
                            format!("duplicate field `{name}`; keep one of them"),
                        ));
                    }
                    let mut lines_of = node.lines;
                    lines_of.line = line;
                    lines.push((name.clone(), lines_of));
                    map.insert(name, node.value);
                }
                Some((_, _)) | None => {}
            },
        }
        Ok(())
    }
}

/// Applies `<<` merge keys: each merged mapping adds the keys the mapping does not set itself
/// (an earlier merged mapping wins over a later one).
fn merge(map: &mut Map<String, Value>, merges: Vec<Value>) {
    for source in merges {
        if let Value::Object(fields) = source {
            for (key, value) in fields {
                map.entry(key).or_insert(value);
            }
        }
    }
}

/// The slot a key scalar names: `<<` (plain) merges; other keys become text as
/// sigs.k8s.io/yaml writes them into JSON (`yes:` is the key `true`, `0x1:` the key `1`).
fn key_slot(content: &str, style: ScalarStyle, tag: Option<&Tag>) -> Slot {
    if style == ScalarStyle::Plain && tag.is_none() && content == "<<" {
        return Slot::Merge;
    }
    match scalar(content, style, tag) {
        Ok(Value::String(s)) => Slot::Field(s),
        Ok(other) => Slot::Field(key_text(&other)),
        Err(_) => Slot::Field(content.to_owned()),
    }
}

fn key_text(value: &Value) -> String {
    match value {
        Value::String(s) => s.clone(),
        Value::Null => "null".to_owned(),
        other => other.to_string(),
    }
}

const CORE: &str = "tag:yaml.org,2002:";

/// The value of a scalar: a quoted or block scalar is a string; a plain one is resolved with
/// YAML 1.1 rules as kubectl's parser does; a `!!str`, `!!int`, ... tag decides itself.
fn scalar(content: &str, style: ScalarStyle, tag: Option<&Tag>) -> Result<Value, &'static str> {
    if let Some(tag) = tag {
        if tag.handle() == CORE {
            return match tag.suffix() {
                "str" | "binary" | "timestamp" => Ok(Value::String(content.to_owned())),
                "null" => Ok(Value::Null),
                "bool" => boolean(content)
                    .map(Value::Bool)
                    .ok_or("not a boolean for `!!bool`"),
                "int" => integer(content).ok_or("not an integer for `!!int`"),
                "float" => float(content)
                    .or_else(|| integer(content))
                    .ok_or("not a number for `!!float`"),
                _ => Ok(plain(content)),
            };
        }
    }
    if style != ScalarStyle::Plain {
        return Ok(Value::String(content.to_owned()));
    }
    Ok(plain(content))
}

/// A plain scalar with YAML 1.1 rules: `~`, `null` and nothing are null; `yes`/`no`/`on`/`off`
/// (and `y`/`n`) booleans; `0400` octal, `0x1F` hex, `1_000` integers; floats; else a string.
pub(super) fn plain(content: &str) -> Value {
    match content {
        "" | "~" | "null" | "Null" | "NULL" => return Value::Null,
        _ => {}
    }
    if let Some(b) = boolean(content) {
        return Value::Bool(b);
    }
    // A number (integer or float) starts with a sign, a digit or a dot: most scalars (names,
    // images, paths) start with a letter and are strings without further ado.
    if !content
        .as_bytes()
        .first()
        .is_some_and(|b| b.is_ascii_digit() || matches!(b, b'-' | b'+' | b'.'))
    {
        return Value::String(content.to_owned());
    }
    if let Some(n) = integer(content) {
        return n;
    }
    if let Some(f) = float(content) {
        return f;
    }
    Value::String(content.to_owned())
}

fn boolean(content: &str) -> Option<bool> {
    match content {
        "y" | "Y" | "yes" | "Yes" | "YES" | "true" | "True" | "TRUE" | "on" | "On" | "ON" => {
            Some(true)
        }
        "n" | "N" | "no" | "No" | "NO" | "false" | "False" | "FALSE" | "off" | "Off" | "OFF" => {
            Some(false)
        }
        _ => None,
    }
}

/// An integer as Go's `strconv.ParseInt(s, 0, 64)` reads it after go-yaml removed the `_`:
/// sign, then `0x`, `0o`, `0b` or a leading `0` (octal), else decimal.
fn integer(content: &str) -> Option<Value> {
    let text: std::borrow::Cow<'_, str> = if content.contains('_') {
        content
            .chars()
            .filter(|c| *c != '_')
            .collect::<String>()
            .into()
    } else {
        content.into()
    };
    let (negative, digits) = match text.as_bytes().first() {
        Some(b'-') => (true, text.get(1..)?),
        Some(b'+') => (false, text.get(1..)?),
        _ => (false, &*text),
    };
    if digits.is_empty() || content.starts_with('_') {
        return None;
    }
    let (radix, body) = if let Some(rest) = digits
        .strip_prefix("0x")
        .or_else(|| digits.strip_prefix("0X"))
    {
        (16, rest)
    } else if let Some(rest) = digits
        .strip_prefix("0o")
        .or_else(|| digits.strip_prefix("0O"))
    {
        (8, rest)
    } else if let Some(rest) = digits
        .strip_prefix("0b")
        .or_else(|| digits.strip_prefix("0B"))
    {
        (2, rest)
    } else if digits.len() > 1 && digits.starts_with('0') {
        (8, digits.get(1..)?)
    } else {
        (10, digits)
    };
    if body.is_empty() || !body.chars().all(|c| c.is_digit(radix)) {
        return None;
    }
    let magnitude = u64::from_str_radix(body, radix).ok()?;
    if negative {
        let value = 0i64.checked_sub_unsigned(magnitude)?;
        Some(Value::Number(Number::from(value)))
    } else {
        Some(Value::Number(Number::from(magnitude)))
    }
}

/// A float as go-yaml resolves it: `[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?`.
/// `.inf` and `.nan` have no JSON form: they stay text (and so fail a number field).
fn float(content: &str) -> Option<Value> {
    let body = content.strip_prefix(['-', '+']).unwrap_or(content);
    let (mantissa, exponent) = match body.find(['e', 'E']) {
        Some(at) => (body.get(..at)?, Some(body.get(at + 1..)?)),
        None => (body, None),
    };
    let (whole, fraction) = match mantissa.split_once('.') {
        Some((w, f)) => (w, Some(f)),
        None => (mantissa, None),
    };
    let digits = |s: &str| s.chars().all(|c| c.is_ascii_digit());
    let mantissa_ok = match fraction {
        Some(f) if whole.is_empty() => !f.is_empty() && digits(f),
        Some(f) => digits(whole) && !whole.is_empty() && digits(f),
        None => !whole.is_empty() && digits(whole),
    };
    let exponent_ok = exponent.is_none_or(|e| {
        let e = e.strip_prefix(['-', '+']).unwrap_or(e);
        !e.is_empty() && digits(e)
    });
    if !mantissa_ok || !exponent_ok {
        return None;
    }
    let value: f64 = content.parse().ok()?;
    Number::from_f64(value).map(Value::Number)
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn yaml_1_1_scalars() {
        assert_eq!(plain("yes"), json!(true));
        assert_eq!(plain("Off"), json!(false));
        assert_eq!(plain("y"), json!(true));
        assert_eq!(plain("0400"), json!(256));
        assert_eq!(plain("0o17"), json!(15));
        assert_eq!(plain("0x1F"), json!(31));
        assert_eq!(plain("-0x10"), json!(-16));
        assert_eq!(plain("1_000"), json!(1000));
        assert_eq!(plain("08"), json!(8.0)); // as go-yaml: not octal, so a float
        assert_eq!(plain("1.5"), json!(1.5));
        assert_eq!(plain(".5"), json!(0.5));
        assert_eq!(plain("1e3"), json!(1000.0));
        assert_eq!(plain("12:30"), json!("12:30"));
        assert_eq!(plain("2001-12-14"), json!("2001-12-14"));
        assert_eq!(plain("~"), json!(null));
        assert_eq!(plain(".inf"), json!(".inf"));
        assert_eq!(plain("100m"), json!("100m"));
        assert_eq!(plain("-"), json!("-"));
        assert_eq!(plain("99999999999999999999"), json!(1e20)); // as go-yaml: a float
    }
}
