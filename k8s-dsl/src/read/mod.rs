//! Reading manifests: YAML (multi-document, `kind: List`) or JSON text into [`Object`]s of
//! their typed k8s-openapi kind, each with its file, document index and line.
//!
//! The text is read the way kubectl reads it: YAML 1.1 scalars (`yes` and `on` are booleans,
//! `0400` is the octal number 256), `<<` merge keys, and strict field validation: a field the
//! kind does not have is a [`Problem`] at its path, as the API server's
//! `fieldValidation=Strict` refuses it. Kinds that [`Object`] holds typed are read into their
//! k8s-openapi type; any other kind stays a [`CustomObject`](crate::custom::CustomObject).
//!
//! Reading is bounded: the input's size, each document's size, the number of documents, the
//! nesting depth, the number of values and what aliases expand to are all [`Limits`], checked
//! while the text is read, so a hostile file (a billion laughs, ten thousand `[`) stops with a
//! [`ReadError`] naming the limit.
//!
//! ```
//! use k8s_dsl::read::{read_str, Limits};
//!
//! let yaml = "\
//! apiVersion: v1
//! kind: ConfigMap
//! metadata:
//!   name: settings
//! data:
//!   debug: 'yes'
//! ---
//! apiVersion: v1
//! kind: List
//! items:
//! - apiVersion: apps/v1
//!   kind: Deployment
//!   metadata:
//!     name: web
//!   spec:
//!     replicas: 2
//!     selector: {matchLabels: {app: web}}
//!     template:
//!       metadata: {labels: {app: web}}
//!       spec:
//!         containers:
//!         - name: web
//!           image: nginx:1.27
//!           imagePullPolicy: Always
//!           colour: red
//! ";
//! let read = read_str("app.yaml", yaml, &Limits::default());
//! assert!(read.errors.is_empty());
//! let [settings, web] = read.documents.as_slice() else { panic!("two objects") };
//! assert_eq!((settings.index, settings.line, settings.id.kind.as_str()), (0, 1, "ConfigMap"));
//! assert_eq!((web.index, web.item, web.line), (1, Some(0), 11));
//! assert_eq!(web.id.to_string(), "Deployment/web");
//!
//! // The unknown field, at its path and line:
//! let [problem] = web.problems.as_slice() else { panic!("one problem") };
//! assert_eq!(problem.path.as_str(), "spec.template.spec.containers[0].colour");
//! assert_eq!(problem.line, 25);
//! assert_eq!(web.line_of("spec.replicas"), 16);
//! ```

mod removed;
mod typed;
mod yaml;

use std::fmt;

use serde_json::Value;

use crate::bundle::{Object, ObjectId};
use crate::validate::FieldPath;

pub use removed::{removed_api, RemovedApi};
pub use typed::{is_typed_kind, object_from_value, typed_kinds, unknown_fields, TypeError};
pub(crate) use typed::{read_typed, ReadTyped};

/// How much a reading may do: past any limit it stops with a [`ReadError`] that names it.
///
/// The defaults are far above any manifest the API server stores (it refuses a request
/// body over 3 MiB), and keep the memory a reading takes to a few hundred MiB.
///
/// ```
/// use k8s_dsl::read::{read_str, Limit, Limits};
///
/// let limits = Limits { depth: 3, ..Limits::default() };
/// let read = read_str("deep.yaml", "a: {b: {c: {d: 1}}}\n", &limits);
/// assert_eq!(read.errors[0].limit, Some(Limit::Depth));
/// assert!(read.errors[0].message.contains("deeper than the limit of 3 levels"));
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Limits {
    /// The size of one input, in bytes.
    pub input_bytes: usize,
    /// The size of one document, in bytes.
    pub document_bytes: usize,
    /// The number of documents in one input.
    pub documents: usize,
    /// How deep lists and mappings may nest.
    pub depth: usize,
    /// The number of values (scalars, lists, mappings, counting those aliases copy) in one
    /// input.
    pub nodes: usize,
    /// The number of values aliases may copy in one input (a billion laughs passes it
    /// quickly).
    pub aliased_nodes: usize,
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            input_bytes: 64 << 20,
            document_bytes: 16 << 20,
            documents: 10_000,
            depth: 100,
            nodes: 5_000_000,
            aliased_nodes: 100_000,
        }
    }
}

/// Which of the [`Limits`] an input passed.
///
/// ```
/// use k8s_dsl::read::{read_str, Limit, Limits};
///
/// // A billion laughs: each alias copies ten of the one before.
/// let mut text = String::from("a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n");
/// for i in 1..8 {
///     text.push_str(&format!("a{i}: &a{i} [{}]\n", vec![format!("*a{}", i - 1); 10].join(", ")));
/// }
/// let read = read_str("lol.yaml", &text, &Limits::default());
/// assert_eq!(read.errors[0].limit, Some(Limit::AliasedNodes));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Limit {
    /// [`Limits::input_bytes`].
    InputBytes,
    /// [`Limits::document_bytes`].
    DocumentBytes,
    /// [`Limits::documents`].
    Documents,
    /// [`Limits::depth`].
    Depth,
    /// [`Limits::nodes`].
    Nodes,
    /// [`Limits::aliased_nodes`].
    AliasedNodes,
}

/// The line of a value and of each field and item inside it.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub(crate) struct Lines {
    line: usize,
    fields: Vec<(String, Lines)>,
    items: Vec<Lines>,
}

impl Lines {
    fn at(line: usize) -> Self {
        Lines {
            line,
            ..Lines::default()
        }
    }

    /// The line of the deepest value on `path` (`spec.containers[0].name`) that the text has.
    fn find(&self, path: &str) -> usize {
        let mut here = self;
        for step in steps(path) {
            let next = match step {
                Step::Field(name) => here
                    .fields
                    .iter()
                    .rev()
                    .find(|(key, _)| key == name)
                    .map(|(_, lines)| lines),
                Step::Bracket(inner) => match inner.parse::<usize>() {
                    Ok(i) if !here.items.is_empty() => here.items.get(i),
                    _ => here
                        .fields
                        .iter()
                        .rev()
                        .find(|(key, _)| key == inner)
                        .map(|(_, lines)| lines),
                },
            };
            match next {
                Some(lines) => here = lines,
                None => break,
            }
        }
        here.line
    }
}

enum Step<'a> {
    Field(&'a str),
    Bracket(&'a str),
}

/// The steps of a path as [`FieldPath`] writes it: `a.b[0][key]`.
fn steps(path: &str) -> Vec<Step<'_>> {
    let mut out = Vec::new();
    let mut rest = path;
    while !rest.is_empty() {
        if let Some(after) = rest.strip_prefix('[') {
            let end = after.find(']').unwrap_or(after.len());
            out.push(Step::Bracket(after.get(..end).unwrap_or(after)));
            rest = after.get(end + 1..).unwrap_or("");
        } else {
            let rest_trimmed = rest.strip_prefix('.').unwrap_or(rest);
            let end = rest_trimmed.find(['.', '[']).unwrap_or(rest_trimmed.len());
            let (name, tail) = rest_trimmed.split_at(end);
            if !name.is_empty() {
                out.push(Step::Field(name));
            }
            rest = tail;
        }
    }
    out
}

/// Something in a document that the API server refuses before it validates the object: a
/// field of the wrong type, a field the kind does not have, a key written twice.
///
/// ```
/// use k8s_dsl::read::{read_str, Limits};
///
/// let yaml = "apiVersion: v1\nkind: Service\nmetadata:\n  name: web\nspec:\n  ports: 80\n";
/// let read = read_str("web.yaml", yaml, &Limits::default());
/// let problem = &read.documents[0].problems[0];
/// assert_eq!((problem.path.as_str(), problem.line), ("spec.ports", 6));
/// assert!(problem.message.contains("expected a sequence"), "{}", problem.message);
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    /// The field's path.
    pub path: FieldPath,
    /// Its line in the file (from 1).
    pub line: usize,
    /// What is wrong and how to fix it.
    pub message: String,
}

/// One object read from a file.
///
/// ```
/// use k8s_dsl::read::{read_str, Limits};
///
/// let yaml = "---\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\n  namespace: shop\ndata:\n  mode: fast\n";
/// let read = read_str("a.yaml", yaml, &Limits::default());
/// let document = &read.documents[0];
/// assert_eq!((document.index, document.item, document.line), (0, None, 2));
/// assert_eq!(document.api_version, "v1");
/// assert_eq!(document.id.to_string(), "ConfigMap/shop/a");
/// assert!(document.object.is_some() && document.problems.is_empty());
/// // The line of a field, or of the deepest part of its path that the text has:
/// assert_eq!(document.line_of("data.mode"), 8);
/// assert_eq!(document.line_of("data.other"), 7);
/// ```
#[derive(Debug, Clone, PartialEq)]
pub struct Document {
    /// The file it came from, as given (`-` for standard input).
    pub file: String,
    /// Its document's index in the file, from 0.
    pub index: usize,
    /// For an item of a `kind: List`, its index in `items`.
    pub item: Option<usize>,
    /// The line the object starts on, from 1.
    pub line: usize,
    /// Its `apiVersion`, as written.
    pub api_version: String,
    /// Its kind, namespace and name, as written.
    pub id: ObjectId,
    /// The object, or `None` when a field has the wrong type (see `problems`).
    pub object: Option<Object>,
    /// What the API server would refuse before validating the object.
    pub problems: Vec<Problem>,
    lines: Lines,
}

impl Document {
    /// The line of the field at `path` (`spec.containers[0].name`), or of the deepest field
    /// on that path the text has (a field that is missing is reported at its parent).
    pub fn line_of(&self, path: &str) -> usize {
        self.lines.find(path)
    }
}

/// Why (part of) an input cannot be read. Displays as `file:line: message`.
///
/// ```
/// use k8s_dsl::read::{read_str, Limits};
///
/// let read = read_str("bad.yaml", "apiVersion: v1\nkind: [Pod\n", &Limits::default());
/// let error = &read.errors[0];
/// assert_eq!((error.document, error.limit), (Some(0), None));
/// assert!(error.to_string().starts_with("bad.yaml:"), "{error}");
/// assert!(error.message.starts_with("not valid YAML"), "{error}");
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReadError {
    /// The file.
    pub file: String,
    /// The document's index (from 0), when the problem is in one document.
    pub document: Option<usize>,
    /// The line (from 1), when known.
    pub line: Option<usize>,
    /// The limit passed, when that is the reason.
    pub limit: Option<Limit>,
    /// What is wrong.
    pub message: String,
}

impl fmt::Display for ReadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.file)?;
        if let Some(line) = self.line {
            write!(f, ":{line}")?;
        }
        write!(f, ": {}", self.message)
    }
}

impl std::error::Error for ReadError {}

/// What reading one input gave: the objects read, and what could not be read. A syntax error
/// or a limit ends the input; an object of the wrong shape (no `kind`) skips that document.
///
/// ```
/// use k8s_dsl::read::{read_str, Limits};
///
/// let read = read_str("two.yaml", "kind: Pod\n---\napiVersion: v1\nkind: Namespace\nmetadata: {name: a}\n", &Limits::default());
/// assert_eq!(read.documents.len(), 1);
/// assert!(read.errors[0].message.contains("`apiVersion` is missing"));
/// ```
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Read {
    /// The objects, in the order of the text (a `List`'s items in their order).
    pub documents: Vec<Document>,
    /// What could not be read.
    pub errors: Vec<ReadError>,
}

/// Reads the bytes of one input: UTF-8 text (a UTF-8 byte order mark is skipped), else a
/// [`ReadError`].
///
/// ```
/// use k8s_dsl::read::{read_bytes, Limits};
///
/// let read = read_bytes("bin.yaml", &[0xff, 0xfe, 0x00, 0x41], &Limits::default());
/// assert!(read.errors[0].message.contains("UTF-16"));
/// let read = read_bytes("bom.yaml", b"\xef\xbb\xbfapiVersion: v1\nkind: Namespace\nmetadata: {name: a}\n", &Limits::default());
/// assert_eq!(read.documents.len(), 1);
/// ```
pub fn read_bytes(file: &str, bytes: &[u8], limits: &Limits) -> Read {
    let error = |message: String| Read {
        documents: Vec::new(),
        errors: vec![ReadError {
            file: file.to_owned(),
            document: None,
            line: None,
            limit: None,
            message,
        }],
    };
    if bytes.starts_with(&[0xff, 0xfe]) || bytes.starts_with(&[0xfe, 0xff]) {
        return error("the text is UTF-16; save it as UTF-8".to_owned());
    }
    match std::str::from_utf8(bytes) {
        Ok(text) => read_str(file, text, limits),
        Err(e) => {
            let line = bytes
                .get(..e.valid_up_to())
                .map_or(0, |b| b.iter().filter(|c| **c == b'\n').count())
                + 1;
            Read {
                documents: Vec::new(),
                errors: vec![ReadError {
                    file: file.to_owned(),
                    document: None,
                    line: Some(line),
                    limit: None,
                    message: format!(
                        "not UTF-8 text (an invalid byte at offset {}); a manifest is YAML or JSON text",
                        e.valid_up_to()
                    ),
                }],
            }
        }
    }
}

/// Reads the YAML or JSON text of the input `file`: every object of every document.
///
/// ```
/// use k8s_dsl::bundle::Object;
/// use k8s_dsl::read::{read_str, Limits};
///
/// let json = r#"{"apiVersion": "batch/v1", "kind": "Job", "metadata": {"name": "once"}}"#;
/// let read = read_str("job.json", json, &Limits::default());
/// assert!(matches!(read.documents[0].object, Some(Object::Job(_))));
/// ```
pub fn read_str(file: &str, text: &str, limits: &Limits) -> Read {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut read = Read::default();
    if text.contains('\0') {
        let line = text
            .split('\0')
            .next()
            .map_or(1, |before| before.matches('\n').count() + 1);
        read.errors.push(ReadError {
            file: file.to_owned(),
            document: None,
            line: Some(line),
            limit: None,
            message: "the text holds a NUL byte: binary data, not a manifest".to_owned(),
        });
        return read;
    }
    // Each document is turned into its object as soon as it is read, so the values of the
    // whole stream are never held at once; a syntax error or a limit drops what was read.
    let mut index = 0usize;
    let streamed = yaml::each_document(text, limits, |parsed| {
        read_document(file, index, parsed, &mut read);
        index += 1;
    });
    let Err(failure) = streamed else {
        return read;
    };
    read = Read::default();
    // JSON that YAML cannot read (a control character such as DEL in a string): kubectl reads
    // a stream that starts with `{` as JSON.
    if failure.limit.is_none() && text.trim_start().starts_with('{') {
        let mut index = 0usize;
        let json = json_documents(text, limits, |parsed| {
            read_document(file, index, parsed, &mut read);
            index += 1;
        });
        if json.is_ok() {
            return read;
        }
        read = Read::default();
    }
    read.errors.push(ReadError {
        file: file.to_owned(),
        document: Some(failure.document),
        line: Some(failure.line),
        limit: failure.limit,
        message: failure.message,
    });
    read
}

/// The objects of document `index` of `file` (a `List`'s items, or the one object) into `read`.
fn read_document(file: &str, index: usize, document: yaml::Parsed, read: &mut Read) {
    if document.value.is_null() {
        return; // an empty document (a trailing `---`, only comments)
    }
    let place = Place {
        file,
        index,
        item: None,
    };
    if is_list(&document.value) {
        read_list(&place, document, read);
    } else {
        read_object(
            &place,
            document.value,
            document.lines,
            document.problems,
            read,
        );
    }
}

/// The JSON values of `text` (one or more, as kubectl's JSON stream decoder reads them), each
/// with the line it starts on; serde_json's own recursion limit (128) bounds the depth.
fn json_documents(
    text: &str,
    limits: &Limits,
    mut each: impl FnMut(yaml::Parsed),
) -> Result<(), serde_json::Error> {
    let mut count = 0usize;
    let mut stream = serde_json::Deserializer::from_str(text).into_iter::<Value>();
    let mut start = 0;
    while let Some(value) = stream.next() {
        let value = value?;
        let skipped = text
            .get(start..)
            .map_or(0, |rest| rest.len() - rest.trim_start().len());
        let line = text
            .get(..start + skipped)
            .map_or(0, |b| b.matches('\n').count())
            + 1;
        start = stream.byte_offset();
        if count >= limits.documents {
            break;
        }
        count += 1;
        each(yaml::Parsed {
            value,
            lines: Lines::at(line),
            problems: Vec::new(),
        });
    }
    Ok(())
}

struct Place<'a> {
    file: &'a str,
    index: usize,
    item: Option<usize>,
}

impl Place<'_> {
    fn error(&self, line: usize, message: String) -> ReadError {
        let message = match self.item {
            Some(i) => format!("items[{i}]: {message}"),
            None => message,
        };
        ReadError {
            file: self.file.to_owned(),
            document: Some(self.index),
            line: Some(line),
            limit: None,
            message,
        }
    }
}

/// A `kind: List` (or `ConfigMapList`, ...) with `items`: kubectl reads its items.
fn is_list(value: &Value) -> bool {
    value
        .get("kind")
        .and_then(Value::as_str)
        .is_some_and(|k| k.ends_with("List"))
        && value.get("items").is_some_and(Value::is_array)
}

fn read_list(place: &Place<'_>, document: yaml::Parsed, read: &mut Read) {
    let Value::Object(mut map) = document.value else {
        return;
    };
    let Some(Value::Array(items)) = map.remove("items") else {
        return;
    };
    let lines = document
        .lines
        .fields
        .into_iter()
        .rev()
        .find(|(key, _)| key == "items")
        .map(|(_, lines)| lines.items)
        .unwrap_or_default();
    let mut lines = lines.into_iter();
    let mut problems = document.problems;
    for (i, item) in items.into_iter().enumerate() {
        let prefix = format!("items[{i}]");
        let (own, rest): (Vec<_>, Vec<_>) = problems.into_iter().partition(|(path, _, _)| {
            path.strip_prefix(&prefix)
                .is_some_and(|rest| rest.is_empty() || rest.starts_with(['.', '[']))
        });
        problems = rest;
        let own = own
            .into_iter()
            .map(|(path, line, message)| {
                let inner = path.get(prefix.len()..).unwrap_or("");
                (inner.trim_start_matches('.').to_owned(), line, message)
            })
            .collect();
        let item_lines = lines
            .next()
            .unwrap_or_else(|| Lines::at(document.lines.line));
        let item_place = Place {
            item: Some(i),
            ..*place
        };
        read_object(&item_place, item, item_lines, own, read);
    }
}

fn read_object(
    place: &Place<'_>,
    value: Value,
    lines: Lines,
    text_problems: Vec<(String, usize, String)>,
    read: &mut Read,
) {
    let line = lines.line;
    if let Err(message) = check_object(&value) {
        read.errors.push(place.error(line, message));
        return;
    }
    let text = |pointer: &str| value.pointer(pointer).and_then(Value::as_str);
    let id = ObjectId {
        kind: text("/kind").unwrap_or_default().to_owned(),
        namespace: text("/metadata/namespace").map(str::to_owned),
        name: text("/metadata/name").unwrap_or_default().to_owned(),
    };
    let mut problems: Vec<Problem> = text_problems
        .into_iter()
        .map(|(path, line, message)| Problem {
            path: FieldPath::parse(&path),
            line,
            message,
        })
        .collect();
    let object = match object_from_value(&value) {
        Ok((object, unknown)) => {
            for (path, _) in unknown {
                problems.push(Problem {
                    line: lines.find(&path),
                    message: format!(
                        "unknown field `{}`: {} has no such field; remove it or check its spelling and indentation",
                        path.rsplit(['.', ']']).next().unwrap_or(&path),
                        id.kind
                    ),
                    path: FieldPath::parse(&path),
                });
            }
            Some(object)
        }
        Err(error) => {
            problems.push(Problem {
                line: lines.find(&error.path),
                message: format!("cannot be read: {}", error.message),
                path: FieldPath::parse(&error.path),
            });
            None
        }
    };
    read.documents.push(Document {
        file: place.file.to_owned(),
        index: place.index,
        item: place.item,
        line,
        api_version: text("/apiVersion").unwrap_or_default().to_owned(),
        id,
        object,
        problems,
        lines,
    });
}

/// Whether `value` looks like a Kubernetes object: a mapping with string `apiVersion` and
/// `kind`, and a mapping `metadata` if any.
fn check_object(value: &Value) -> Result<(), String> {
    let Some(map) = value.as_object() else {
        return Err(format!(
            "expected a Kubernetes object (a mapping with `apiVersion` and `kind`), found {}",
            describe(value)
        ));
    };
    for key in ["apiVersion", "kind"] {
        match map.get(key) {
            Some(Value::String(s)) if !s.is_empty() => {}
            Some(other) => {
                return Err(format!(
                    "`{key}` must be a non-empty string, found {}",
                    describe(other)
                ))
            }
            None => {
                return Err(format!(
                    "not a Kubernetes object: `{key}` is missing; add it (such as `apiVersion: v1` and `kind: Pod`)"
                ))
            }
        }
    }
    match map.get("metadata") {
        None | Some(Value::Object(_)) | Some(Value::Null) => Ok(()),
        Some(other) => Err(format!(
            "`metadata` must be a mapping, found {}",
            describe(other)
        )),
    }
}

fn describe(value: &Value) -> String {
    match value {
        Value::Null => "nothing".to_owned(),
        Value::Bool(b) => format!("the boolean `{b}`"),
        Value::Number(n) => format!("the number `{n}`"),
        Value::String(s) => format!("the string {s:?}"),
        Value::Array(_) => "a list".to_owned(),
        Value::Object(_) => "a mapping".to_owned(),
    }
}

#[cfg(test)]
mod tests;
