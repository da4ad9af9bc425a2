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
    let mut documents = Vec::new();
    let mut errors = Vec::new();
    for file in files {
        let name = file.display().to_string();
        match fs::read_to_string(&file) {
            Ok(text) => match read_str(&name, &text) {
                Ok(found) => documents.extend(found),
                Err(found) => errors.extend(found),
            },
            Err(e) => errors.push(io_error(&file, &e)),
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

fn collect_files(dir: &Path, out: &mut Vec<PathBuf>) -> std::io::Result<()> {
    for entry in fs::read_dir(dir)? {
        let path = entry?.path();
        if path.is_dir() {
            collect_files(&path, out)?;
        } else if path
            .extension()
            .and_then(|e| e.to_str())
            .is_some_and(|e| e == "yaml" || e == "yml")
        {
            out.push(path);
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
    let starts = document_lines(text);
    let last_line = text.lines().count().max(1);
    let mut documents = Vec::new();
    let mut errors = Vec::new();
    for (i, document) in serde_yaml::Deserializer::from_str(text).enumerate() {
        let number = i + 1;
        let line = starts.get(i).copied().unwrap_or(1);
        let error = |line: Option<usize>, message: String| ReadError {
            file: file.to_owned(),
            document: Some(number),
            line,
            message,
        };
        let value = match serde_yaml::Value::deserialize(document) {
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
        if value.is_null() {
            continue; // an empty document (a trailing `---`)
        }
        let value = match serde_json::to_value(&value) {
            Ok(value) => kinds::without_nulls(&value),
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
        if let Some(kind) = known_kind(&value) {
            let typed = serde_yaml::Deserializer::from_str(text)
                .nth(i)
                .map(|document| kind.check_yaml(document));
            if let Some(Err(e)) = typed {
                errors.push(error(
                    yaml_line(&e, last_line).or(Some(line)),
                    yaml_message(&e),
                ));
                continue;
            }
        }
        documents.push(Document {
            file: file.to_owned(),
            number,
            item: None,
            line,
            value,
        });
    }
    if errors.is_empty() {
        Ok(documents)
    } else {
        Err(errors)
    }
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
        if let Some(kind) = known_kind(item) {
            if let Err(e) = kind.typed(item) {
                errors.push(error(e.to_string()));
                continue;
            }
        }
        documents.push(Document {
            file: file.to_owned(),
            number,
            item: Some(i),
            line,
            value: item.clone(),
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
        None | Some(Value::Object(_)) => Ok(()),
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
