//! Reading manifests: files and directories, multi-document YAML, `kind: List`, with every
//! problem reported by file, document number and line.
//!
//! ```
//! use k8s_dsl_import::read::read_str;
//!
//! // A `kind: List` gives one document per item; the empty document after the last `---` none.
//! let yaml = "\
//! apiVersion: v1
//! kind: ConfigMap
//! metadata:
//!   name: settings
//! ---
//! apiVersion: v1
//! kind: List
//! items:
//! - apiVersion: v1
//!   kind: Service
//!   metadata:
//!     name: web
//! - apiVersion: apps/v1
//!   kind: Deployment
//!   metadata:
//!     name: web
//! ---
//! ";
//! let documents = read_str("app.yaml", yaml).map_err(|errors| format!("{errors:?}"))?;
//! let kinds: Vec<&str> = documents.iter().map(|d| d.kind()).collect();
//! assert_eq!(kinds, ["ConfigMap", "Service", "Deployment"]);
//!
//! // Every problem, each with its file, document and line.
//! let errors = read_str("bad.yaml", "apiVersion: v1\nkind: Pod\nmetadata: web\n---\n- a list\n")
//!     .err()
//!     .unwrap_or_default();
//! let places: Vec<_> = errors.iter().map(|e| (e.document, e.line)).collect();
//! assert_eq!(places, [(Some(1), Some(1)), (Some(2), Some(5))]);
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

use std::fmt;
use std::fs;
use std::path::{Path, PathBuf};

use serde::Deserialize;
use serde_json::Value;

use crate::kinds::{self, Kind};
use crate::limits;

/// One object read from a manifest.
///
/// ```
/// use k8s_dsl_import::read::read_str;
///
/// let yaml = "# The settings.
/// apiVersion: v1
/// kind: ConfigMap
/// metadata:
///   name: settings
/// data:
///   mode: production
/// ---
/// apiVersion: v1
/// kind: List
/// items:
/// - apiVersion: apps/v1
///   kind: Deployment
///   metadata:
///     name: web
/// ";
/// let documents = read_str("app.yaml", yaml).map_err(|errors| format!("{errors:?}"))?;
/// let [settings, web] = documents.as_slice() else {
///     return Err("expected two documents".into());
/// };
///
/// // The first document starts on line 2, after its comment.
/// assert_eq!((settings.number, settings.line, settings.item), (1, 2, None));
/// assert_eq!(settings.source(), "app.yaml document 1");
/// assert_eq!(settings.api_version(), "v1");
/// assert_eq!((settings.kind(), settings.name()), ("ConfigMap", "settings"));
/// assert_eq!(settings.value["data"]["mode"], "production");
///
/// // An item of a `List`: its document, and its index in `items`.
/// assert_eq!((web.number, web.line, web.item), (2, 9, Some(0)));
/// assert_eq!(web.source(), "app.yaml document 2 items[0]");
/// assert_eq!(web.api_version(), "apps/v1");
/// assert_eq!((web.kind(), web.name()), ("Deployment", "web"));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq)]
pub struct Document {
    /// The file it came from, as given (or found in the directory given).
    pub file: String,
    /// Its document number in the file, from 1.
    pub number: usize,
    /// For an item of a `kind: List`, its index in `items`.
    pub item: Option<usize>,
    /// The line its document starts on, from 1.
    pub line: usize,
    /// The object, without `null` fields.
    pub value: Value,
    /// What was changed to read it into its type (a number or boolean where the API takes a
    /// string, imported as that string), each naming the field and its type.
    pub warnings: Vec<String>,
}

impl Document {
    /// `file.yaml document 2` (or `file.yaml document 2 items[0]`): where the object is.
    pub fn source(&self) -> String {
        match self.item {
            Some(i) => format!("{} document {} items[{i}]", self.file, self.number),
            None => format!("{} document {}", self.file, self.number),
        }
    }

    /// `apiVersion`, or empty.
    pub fn api_version(&self) -> &str {
        self.value
            .get("apiVersion")
            .and_then(Value::as_str)
            .unwrap_or_default()
    }

    /// `kind`, or empty.
    pub fn kind(&self) -> &str {
        self.value
            .get("kind")
            .and_then(Value::as_str)
            .unwrap_or_default()
    }

    /// `metadata.name`, or empty.
    pub fn name(&self) -> &str {
        self.value
            .pointer("/metadata/name")
            .and_then(Value::as_str)
            .unwrap_or_default()
    }
}

/// A manifest that cannot be read.
///
/// It displays as `file:line (document n): message`, leaving out what is not known.
///
/// ```
/// use k8s_dsl_import::read::read_str;
/// use k8s_dsl_import::ReadError;
///
/// // `ports` is a list of ports, not a number: the error points at its line.
/// let yaml = "apiVersion: v1\nkind: Service\nmetadata:\n  name: web\nspec:\n  ports: 80\n";
/// let errors = read_str("web.yaml", yaml).err().unwrap_or_default();
/// let [error] = errors.as_slice() else {
///     return Err(format!("expected one error, got {errors:?}").into());
/// };
/// assert_eq!(error.file, "web.yaml");
/// assert_eq!((error.document, error.line), (Some(1), Some(6)));
/// assert!(error.message.contains("spec.ports"), "{error}");
/// assert!(error.to_string().starts_with("web.yaml:6 (document 1): spec.ports: "));
///
/// // Without a document or a line, the display has neither.
/// let error = ReadError {
///     file: "manifests/".to_owned(),
///     document: None,
///     line: None,
///     message: "no manifest here".to_owned(),
/// };
/// assert_eq!(error.to_string(), "manifests/: no manifest here");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReadError {
    /// The file.
    pub file: String,
    /// The document number (from 1), when the problem is in one document.
    pub document: Option<usize>,
    /// The line (from 1), when known.
    pub line: Option<usize>,
    /// What is wrong and how to fix it.
    pub message: String,
}

impl fmt::Display for ReadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.file)?;
        if let Some(line) = self.line {
            write!(f, ":{line}")?;
        }
        if let Some(document) = self.document {
            write!(f, " (document {document})")?;
        }
        write!(f, ": {}", self.message)
    }
}

impl std::error::Error for ReadError {}

/// Reads a file, or every `.yaml`/`.yml` file under a directory and its subdirectories,
/// sorted by path (other files are skipped; a directory without any is an error).
///
/// Each file is read once. A symbolic link to a directory below `path` is not followed (a
/// link to a file is read). The sizes and counts are bounded by [`crate::limits`].
///
/// ```
/// use std::fs;
/// use k8s_dsl_import::read::read_path;
///
/// let dir = std::env::temp_dir().join(format!("k8s-dsl-import-read-path-{}", std::process::id()));
/// fs::create_dir_all(dir.join("web"))?;
/// fs::write(dir.join("web/service.yml"), "apiVersion: v1\nkind: Service\nmetadata:\n  name: web\n")?;
/// fs::write(dir.join("config.yaml"), "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: settings\n")?;
/// fs::write(dir.join("README.md"), "Not a manifest: skipped.\n")?;
/// fs::create_dir_all(dir.join("empty"))?;
///
/// let documents = read_path(&dir);
/// let empty = read_path(&dir.join("empty"));
/// fs::remove_dir_all(&dir)?;
///
/// // Sorted by path: `config.yaml` before `web/service.yml`.
/// let documents = documents.map_err(|errors| format!("{errors:?}"))?;
/// let found: Vec<(&str, &str)> = documents.iter().map(|d| (d.kind(), d.name())).collect();
/// assert_eq!(found, [("ConfigMap", "settings"), ("Service", "web")]);
/// assert!(documents.iter().all(|d| d.file.starts_with(&*dir.to_string_lossy())));
///
/// // A directory without any manifest is an error.
/// let errors = empty.err().unwrap_or_default();
/// assert_eq!(errors.len(), 1);
/// assert!(errors.iter().all(|e| e.message.starts_with("no `.yaml` or `.yml` file")));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn read_path(path: &Path) -> Result<Vec<Document>, Vec<ReadError>> {
    let files = if path.is_dir() {
        let mut files = Vec::new();
        collect_files(path, &mut files).map_err(|e| vec![io_error(path, &e)])?;
        if files.is_empty() {
            return Err(vec![ReadError {
                file: path.display().to_string(),
                document: None,
                line: None,
                message: "no `.yaml` or `.yml` file in this directory or below it; give a manifest file, or a directory holding some".to_owned(),
            }]);
        }
        files.sort();
        files
    } else {
        vec![path.to_path_buf()]
    };
    if files.len() > limits::MAX_FILES {
        return Err(vec![ReadError {
            file: path.display().to_string(),
            document: None,
            line: None,
            message: limits::too_many_files(),
        }]);
    }
    let mut documents = Vec::new();
    let mut errors = Vec::new();
    let mut total = 0usize;
    let mut nodes = 0usize;
    for file in files {
        let name = file.display().to_string();
        let error = |message: String| ReadError {
            file: name.clone(),
            document: None,
            line: None,
            message,
        };
        // The size first: a file past the limit is never read into memory.
        let size = fs::metadata(&file).map(|m| usize::try_from(m.len()).unwrap_or(usize::MAX));
        match size {
            Ok(size) if size > limits::MAX_FILE_BYTES => {
                errors.push(error(limits::file_too_large(size)));
                continue;
            }
            Ok(size) => {
                total = total.saturating_add(size);
                if total > limits::MAX_TOTAL_BYTES {
                    errors.push(error(limits::total_too_large(total)));
                    break;
                }
            }
            Err(e) => {
                errors.push(io_error(&file, &e));
                continue;
            }
        }
        match fs::read_to_string(&file) {
            Ok(text) => match read_counted(&name, &text, &mut nodes) {
                Ok(found) => documents.extend(found),
                Err(found) => errors.extend(found),
            },
            Err(e) => errors.push(io_error(&file, &e)),
        }
        if documents.len() > limits::MAX_DOCUMENTS {
            errors.push(error(limits::too_many_documents(documents.len())));
            break;
        }
    }
    if errors.is_empty() {
        Ok(documents)
    } else {
        Err(errors)
    }
}

fn io_error(path: &Path, error: &std::io::Error) -> ReadError {
    ReadError {
        file: path.display().to_string(),
        document: None,
        line: None,
        message: format!("cannot read it: {error}"),
    }
}

/// The manifest files below `dir`. A symbolic link to a file is read; a symbolic link to a
/// directory is never followed (so no link loop can make the walk endless or read an
/// object twice). The walk stops past [`limits::MAX_FILES`] files.
fn collect_files(dir: &Path, out: &mut Vec<PathBuf>) -> std::io::Result<()> {
    for entry in fs::read_dir(dir)? {
        let entry = entry?;
        let path = entry.path();
        let file_type = entry.file_type()?;
        let is_dir = file_type.is_dir();
        if is_dir {
            collect_files(&path, out)?;
        } else if !(file_type.is_symlink() && path.is_dir())
            && path
                .extension()
                .and_then(|e| e.to_str())
                .is_some_and(|e| e == "yaml" || e == "yml")
        {
            out.push(path);
        }
        if out.len() > limits::MAX_FILES {
            return Ok(());
        }
    }
    Ok(())
}

/// Reads the YAML text of the file `file`: every document, every error.
///
/// ```
/// use k8s_dsl_import::read::read_str;
///
/// let yaml = "\
/// apiVersion: v1
/// kind: ConfigMap
/// metadata:
///   name: settings
/// ---
/// apiVersion: apps/v1
/// kind: Deployment
/// metadata:
///   name: web
/// ";
/// let documents = read_str("app.yaml", yaml).map_err(|errors| format!("{errors:?}"))?;
/// assert_eq!(documents.len(), 2);
/// assert_eq!((documents[0].kind(), documents[0].line), ("ConfigMap", 1));
/// assert_eq!((documents[1].kind(), documents[1].line), ("Deployment", 6));
/// assert!(documents.iter().all(|d| d.file == "app.yaml"));
///
/// // A syntax error ends the reading: it is reported with its document and line.
/// let broken = format!("{yaml}---\napiVersion: v1\nkind: [unclosed\n");
/// let errors = read_str("app.yaml", &broken).err().unwrap_or_default();
/// assert_eq!(errors.len(), 1);
/// assert_eq!((errors[0].document, errors[0].line), (Some(3), Some(12)));
/// assert!(errors[0].to_string().starts_with("app.yaml:12 (document 3): "));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn read_str(file: &str, text: &str) -> Result<Vec<Document>, Vec<ReadError>> {
    read_counted(file, text, &mut 0)
}

/// [`read_str`], with the nodes of the files read before (see [`limits::MAX_NODES`]).
fn read_counted(
    file: &str,
    text: &str,
    nodes: &mut usize,
) -> Result<Vec<Document>, Vec<ReadError>> {
    // kubectl and PyYAML read a file that starts with a byte-order mark.
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let refuse = |line: Option<usize>, message: String| {
        Err(vec![ReadError {
            file: file.to_owned(),
            document: None,
            line,
            message,
        }])
    };
    if text.len() > limits::MAX_FILE_BYTES {
        return refuse(None, limits::file_too_large(text.len()));
    }
    if let Some((line, message)) = limits::scan(text, nodes) {
        return refuse(Some(line), message);
    }
    let starts = document_lines(text);
    if starts.len() > limits::MAX_DOCUMENTS {
        return refuse(None, limits::too_many_documents(starts.len()));
    }
    let line_offsets = line_offsets(text);
    let last_line = line_offsets.len().max(1);
    let mut documents = Vec::new();
    let mut errors = Vec::new();
    // One pass over the text: serde_yaml reads it once and hands out its documents in order.
    for (i, document) in serde_yaml::Deserializer::from_str(text).enumerate() {
        let number = i + 1;
        if number > limits::MAX_DOCUMENTS {
            errors.push(ReadError {
                file: file.to_owned(),
                document: Some(number),
                line: starts.get(i).copied(),
                message: limits::too_many_documents(number),
            });
            break;
        }
        let line = starts.get(i).copied().unwrap_or(1);
        let error = |line: Option<usize>, message: String| ReadError {
            file: file.to_owned(),
            document: Some(number),
            line,
            message,
        };
        let yaml = match serde_yaml::Value::deserialize(document) {
            Ok(value) => value,
            Err(e) => {
                errors.push(error(
                    yaml_line(&e, last_line).or(Some(line)),
                    yaml_message(&e),
                ));
                // The parser cannot go on after a syntax error.
                break;
            }
        };
        if yaml.is_null() {
            continue; // an empty document (a trailing `---`)
        }
        let document_text = document_text(text, &line_offsets, &starts, i);
        let mut value = match serde_json::to_value(&yaml) {
            Ok(value) => yaml11_modes(kinds::without_nulls(&value), document_text),
            Err(e) => {
                errors.push(error(
                    Some(line),
                    format!("cannot be read as JSON data: {e}"),
                ));
                continue;
            }
        };
        if let Err(message) = check_object(&value) {
            errors.push(error(Some(line), message));
            continue;
        }
        let kind = value
            .get("kind")
            .and_then(Value::as_str)
            .unwrap_or_default();
        if kind == "List" {
            read_list(file, number, line, &value, &mut documents, &mut errors);
            continue;
        }
        let mut warnings = Vec::new();
        if let Some(kind) = known_kind(&value) {
            warnings = quote_mistyped_scalars(kind, &mut value);
            if let Err(e) = kind.typed(&value) {
                // Only a wrong document is read again, alone, for the line of its mistake.
                let again = serde_yaml::Deserializer::from_str(document_text)
                    .next()
                    .map(|document| kind.check_yaml(document));
                let (at, message) = match again {
                    Some(Err(again)) => (
                        yaml_line(&again, last_line).map(|l| l + line - 1),
                        yaml_message(&again),
                    ),
                    _ => (None, e.to_string()),
                };
                errors.push(error(at.or(Some(line)), with_field(&value, message)));
                continue;
            }
        }
        documents.push(Document {
            file: file.to_owned(),
            number,
            item: None,
            line,
            value,
            warnings,
        });
    }
    if errors.is_empty() {
        Ok(documents)
    } else {
        Err(errors)
    }
}

/// `mode` and `defaultMode` written `0400` are octal to kubectl, which reads YAML 1.1
/// (`256`); serde_yaml reads YAML 1.2, where `0400` is the string `"0400"`. Such a string,
/// written plain (unquoted) in `text`, becomes its number.
fn yaml11_modes(mut value: Value, text: &str) -> Value {
    fn walk(value: &mut Value, text: &str) {
        match value {
            Value::Object(map) => {
                for (key, item) in map.iter_mut() {
                    let octal = match item {
                        Value::String(s) if key == "mode" || key == "defaultMode" => {
                            yaml11_octal(s).filter(|_| {
                                text.contains(&format!("{key}: {s}"))
                                    || text.contains(&format!("{key}:{s}"))
                            })
                        }
                        _ => None,
                    };
                    match octal {
                        Some(n) => *item = Value::from(n),
                        None => walk(item, text),
                    }
                }
            }
            Value::Array(items) => items.iter_mut().for_each(|item| walk(item, text)),
            _ => {}
        }
    }
    walk(&mut value, text);
    value
}

/// `0400` read as a YAML 1.1 octal integer (a `0` and octal digits).
fn yaml11_octal(s: &str) -> Option<u32> {
    let digits = s.strip_prefix('0').filter(|d| !d.is_empty())?;
    u32::from_str_radix(digits, 8).ok().filter(|n| *n <= 0o7777)
}

/// At most this many scalars of one object are read as strings (each costs a read of the
/// object into its type).
const MAX_QUOTED_SCALARS: usize = 64;

/// A number or boolean where the API takes a string (`env[0].value: 8080`, an unquoted
/// version `1.10`) is the mistake of an unquoted YAML scalar. The API server refuses the file
/// as written (its JSON decoding fails on the field); what was meant is plain, so the object
/// is kept in its type with the scalar as the string YAML shows, and a warning names the
/// field, its type and the fix. A scalar whose field cannot be told apart (the same value in
/// several places), or any other type error, is left for the reader's error.
fn quote_mistyped_scalars(kind: Kind, value: &mut Value) -> Vec<String> {
    let mut warnings = Vec::new();
    for _ in 0..MAX_QUOTED_SCALARS {
        let Err(e) = kind.typed(value) else {
            break;
        };
        let message = e.to_string();
        let Some(found) = message
            .strip_prefix("invalid type: ")
            .and_then(|m| m.strip_suffix(", expected a string"))
        else {
            break;
        };
        let paths = scalar_paths(value, found);
        let [(path, pointer)] = paths.as_slice() else {
            break;
        };
        let Some(slot) = value.pointer_mut(pointer) else {
            break;
        };
        let text = match slot {
            Value::Number(n) => n.to_string(),
            Value::Bool(b) => b.to_string(),
            _ => break,
        };
        warnings.push(format!(
            "`{path}` is the {found} where the API takes a string, so the API server refuses the \
             file as written; imported as the string {text:?}: quote it in the file too"
        ));
        *slot = Value::String(text);
    }
    warnings
}

/// The paths (`spec.containers[0].env[0].value`) and JSON pointers of the scalars of `value`
/// that a type error describes as `found` (`integer `8080``).
fn scalar_paths(value: &Value, found: &str) -> Vec<(String, String)> {
    let scalar = |v: &Value| match v {
        Value::Number(n) if n.is_f64() => Some(format!("floating point `{n}`")),
        Value::Number(n) => Some(format!("integer `{n}`")),
        Value::Bool(b) => Some(format!("boolean `{b}`")),
        _ => None,
    };
    let mut paths = Vec::new();
    let mut stack = vec![(String::new(), String::new(), value)];
    while let Some((path, pointer, v)) = stack.pop() {
        match v {
            Value::Object(map) => {
                for (key, item) in map {
                    let here = if path.is_empty() {
                        key.clone()
                    } else {
                        format!("{path}.{key}")
                    };
                    let escaped = key.replace('~', "~0").replace('/', "~1");
                    stack.push((here, format!("{pointer}/{escaped}"), item));
                }
            }
            Value::Array(items) => {
                for (i, item) in items.iter().enumerate() {
                    stack.push((format!("{path}[{i}]"), format!("{pointer}/{i}"), item));
                }
            }
            _ if scalar(v).as_deref() == Some(found) => paths.push((path, pointer)),
            _ => {}
        }
    }
    paths
}

/// A type error without its field (`invalid type: integer `8080`, expected a string`), with
/// the path of the one field of `value` holding that scalar (`spec.containers[0].env[0].value`).
fn with_field(value: &Value, message: String) -> String {
    let Some(found) = message.strip_prefix("invalid type: ") else {
        return message;
    };
    let scalar = |v: &Value| match v {
        Value::Number(n) if n.is_f64() => Some(format!("floating point `{n}`")),
        Value::Number(n) => Some(format!("integer `{n}`")),
        Value::Bool(b) => Some(format!("boolean `{b}`")),
        Value::String(s) => Some(format!("string {s:?}")),
        _ => None,
    };
    let mut paths = Vec::new();
    let mut stack = vec![(String::new(), value)];
    while let Some((path, v)) = stack.pop() {
        match v {
            Value::Object(map) => {
                for (key, item) in map {
                    let path = if path.is_empty() {
                        key.clone()
                    } else {
                        format!("{path}.{key}")
                    };
                    stack.push((path, item));
                }
            }
            Value::Array(items) => {
                for (i, item) in items.iter().enumerate() {
                    stack.push((format!("{path}[{i}]"), item));
                }
            }
            _ if scalar(v).is_some_and(|s| found.starts_with(&s)) => paths.push(path),
            _ => {}
        }
    }
    match paths.as_slice() {
        [path] => {
            let hint = if found.ends_with("expected a string") {
                "; quote it"
            } else {
                ""
            };
            format!("{path}: {message}{hint}")
        }
        _ => message,
    }
}

/// The byte offset where each line of `text` starts.
fn line_offsets(text: &str) -> Vec<usize> {
    let mut offsets = vec![0];
    offsets.extend(
        text.match_indices('\n')
            .map(|(at, _)| at + 1)
            .filter(|&at| at < text.len()),
    );
    offsets
}

/// The text of document `i` (from its first line to the start of the next document).
fn document_text<'a>(text: &'a str, line_offsets: &[usize], starts: &[usize], i: usize) -> &'a str {
    let offset = |line: usize| line_offsets.get(line.wrapping_sub(1)).copied();
    let from = starts.get(i).and_then(|&l| offset(l)).unwrap_or(0);
    let to = starts
        .get(i + 1)
        .and_then(|&l| offset(l))
        .unwrap_or(text.len());
    text.get(from..to.max(from)).unwrap_or(text)
}

fn read_list(
    file: &str,
    number: usize,
    line: usize,
    list: &Value,
    documents: &mut Vec<Document>,
    errors: &mut Vec<ReadError>,
) {
    let items = list.get("items").and_then(Value::as_array);
    let Some(items) = items else {
        errors.push(ReadError {
            file: file.to_owned(),
            document: Some(number),
            line: Some(line),
            message: "a `List` needs `items`, a list of objects".to_owned(),
        });
        return;
    };
    for (i, item) in items.iter().enumerate() {
        let error = |message: String| ReadError {
            file: file.to_owned(),
            document: Some(number),
            line: Some(line),
            message: format!("items[{i}]: {message}"),
        };
        if let Err(message) = check_object(item) {
            errors.push(error(message));
            continue;
        }
        let mut item = item.clone();
        let mut warnings = Vec::new();
        if let Some(kind) = known_kind(&item) {
            warnings = quote_mistyped_scalars(kind, &mut item);
            if let Err(e) = kind.typed(&item) {
                errors.push(error(with_field(&item, e.to_string())));
                continue;
            }
        }
        documents.push(Document {
            file: file.to_owned(),
            number,
            item: Some(i),
            line,
            value: item,
            warnings,
        });
    }
}

fn known_kind(value: &Value) -> Option<Kind> {
    Kind::of(
        value.get("apiVersion").and_then(Value::as_str)?,
        value.get("kind").and_then(Value::as_str)?,
    )
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
                return Err(format!("`{key}` must be a non-empty string, found {}", describe(other)))
            }
            None => {
                return Err(format!(
                    "not a Kubernetes object: `{key}` is missing; add it (such as `apiVersion: v1` and `kind: Pod`)"
                ))
            }
        }
    }
    match map.get("metadata") {
        None | Some(Value::Object(_)) => {}
        Some(other) => {
            return Err(format!(
                "`metadata` must be a mapping, found {}",
                describe(other)
            ))
        }
    }
    check_names(value)
}

/// Names and kinds the API server refuses because of a line break or control character
/// (RULES.md 1-3: names are DNS labels or subdomains, kinds and versions are identifiers):
/// refused here, before any of them reaches generated code or a message.
fn check_names(value: &Value) -> Result<(), String> {
    let fields = [
        ("apiVersion", "/apiVersion"),
        ("kind", "/kind"),
        ("metadata.name", "/metadata/name"),
        ("metadata.namespace", "/metadata/namespace"),
        ("metadata.generateName", "/metadata/generateName"),
    ];
    for (field, pointer) in fields {
        let Some(text) = value.pointer(pointer).and_then(Value::as_str) else {
            continue;
        };
        if let Some((at, c)) = text.char_indices().find(|(_, c)| is_refused_char(*c)) {
            return Err(format!(
                "`{field}` holds {} (U+{:04X}) at byte {at}; the API server refuses it there: remove it",
                if is_line_break(c) { "a line break" } else { "a control character" },
                u32::from(c)
            ));
        }
    }
    Ok(())
}

fn is_line_break(c: char) -> bool {
    matches!(
        c,
        '\n' | '\r' | '\u{b}' | '\u{c}' | '\u{85}' | '\u{2028}' | '\u{2029}'
    )
}

fn is_refused_char(c: char) -> bool {
    c.is_control() || is_line_break(c)
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

/// The line of a serde_yaml error, at most `last_line`: at the end of the text serde_yaml
/// points after the final newline, one line past the last one, where an editor shows nothing.
fn yaml_line(error: &serde_yaml::Error, last_line: usize) -> Option<usize> {
    error.location().map(|l| l.line().min(last_line))
}

/// serde_yaml's message without its own ` at line N column M` (the line is reported apart).
fn yaml_message(error: &serde_yaml::Error) -> String {
    let message = error.to_string();
    match message.find(" at line ") {
        Some(at) => message.get(..at).unwrap_or(&message).to_owned(),
        None => message,
    }
}

/// The first line of each document of `text` (from 1): documents are separated by lines
/// starting with `---`.
fn document_lines(text: &str) -> Vec<usize> {
    let mut starts = Vec::new();
    let mut content_seen = false;
    let mut start = 1;
    for (i, line) in text.lines().enumerate() {
        let n = i + 1;
        if line.starts_with("---") {
            if content_seen {
                starts.push(start);
            }
            content_seen = false;
            start = n + 1;
            continue;
        }
        let trimmed = line.trim();
        if !content_seen && !trimmed.is_empty() && !trimmed.starts_with('#') {
            content_seen = true;
            start = n;
        }
    }
    if content_seen {
        starts.push(start);
    }
    starts
}
