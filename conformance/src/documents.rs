//! Every document of every YAML (`.yaml`, `.yml`) or JSON (`.json`) file under a path, in a
//! stable order. A `List` (`kind: List`, or any kind ending in `List` with `items`) gives its
//! items, each as its own document.

use std::path::{Path, PathBuf};

use serde_json::Value;

use crate::Error;

/// One object read from a file.
#[derive(Debug, Clone)]
pub struct Document {
    /// The file it came from.
    pub file: PathBuf,
    /// Its 0-based index among the file's documents (an item of a List counts as one).
    pub index: usize,
    /// The object as JSON.
    pub object: Value,
}

impl Document {
    /// `apiVersion` of the object, or "".
    pub fn api_version(&self) -> &str {
        self.object
            .get("apiVersion")
            .and_then(Value::as_str)
            .unwrap_or("")
    }

    /// `kind` of the object, or "".
    pub fn kind(&self) -> &str {
        self.object
            .get("kind")
            .and_then(Value::as_str)
            .unwrap_or("")
    }

    /// `metadata.name` of the object, or "".
    pub fn name(&self) -> &str {
        self.object
            .pointer("/metadata/name")
            .and_then(Value::as_str)
            .unwrap_or("")
    }

    /// `file#index Kind/name`, for messages.
    pub fn label(&self) -> String {
        format!(
            "{}#{} {}/{}",
            self.file.display(),
            self.index,
            self.kind(),
            self.name()
        )
    }
}

/// Every manifest file under `path` (a file, or a directory walked recursively), sorted.
pub fn files(path: &Path) -> Result<Vec<PathBuf>, Error> {
    let mut found = Vec::new();
    walk(path, &mut found)?;
    found.sort();
    Ok(found)
}

fn walk(path: &Path, found: &mut Vec<PathBuf>) -> Result<(), Error> {
    if path.is_dir() {
        let entries =
            std::fs::read_dir(path).map_err(|e| format!("cannot read {}: {e}", path.display()))?;
        for entry in entries {
            walk(&entry?.path(), found)?;
        }
    } else if is_manifest(path) {
        found.push(path.to_path_buf());
    } else if !path.exists() {
        return Err(format!("{} does not exist", path.display()).into());
    }
    Ok(())
}

fn is_manifest(path: &Path) -> bool {
    matches!(
        path.extension().and_then(|e| e.to_str()),
        Some("yaml" | "yml" | "json")
    )
}

/// Every document of `file`; empty documents are left out.
pub fn read(file: &Path) -> Result<Vec<Document>, Error> {
    let text = std::fs::read_to_string(file)
        .map_err(|e| format!("cannot read {}: {e}", file.display()))?;
    let mut objects = Vec::new();
    if file.extension().and_then(|e| e.to_str()) == Some("json") {
        let value: Value =
            serde_json::from_str(&text).map_err(|e| format!("{}: {e}", file.display()))?;
        flatten(value, &mut objects);
    } else {
        for document in serde_yaml::Deserializer::from_str(&text) {
            let value: Value = serde::Deserialize::deserialize(document)
                .map_err(|e| format!("{}: {e}", file.display()))?;
            flatten(value, &mut objects);
        }
    }
    Ok(objects
        .into_iter()
        .enumerate()
        .map(|(index, object)| Document {
            file: file.to_path_buf(),
            index,
            object,
        })
        .collect())
}

fn flatten(value: Value, objects: &mut Vec<Value>) {
    if value.is_null() {
        return;
    }
    let is_list = value
        .get("kind")
        .and_then(Value::as_str)
        .is_some_and(|k| k.ends_with("List"))
        && value.get("items").is_some_and(Value::is_array);
    if is_list {
        if let Some(Value::Array(items)) = value.get("items") {
            for item in items {
                flatten(item.clone(), objects);
            }
        }
    } else {
        objects.push(value);
    }
}
