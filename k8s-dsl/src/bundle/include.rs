//! Existing YAML inside a bundle: [`Bundle::include_yaml`](super::Bundle::include_yaml) reads
//! each document with [`crate::read`] into the typed object of its kind (any other kind stays
//! a [`CustomObject`](crate::custom::CustomObject)), in the order of the text, validated like
//! an object built here.

use std::path::Path;

use super::{Entry, IntoObject};
use crate::read::{read_bytes, Limits, Read};
use crate::validate::{Error, Errors, FieldPath};

/// The entries of every document of `read`, and the errors of what could not be read (each
/// at `file:line`).
pub(crate) fn entries(read: Read) -> (Vec<Entry>, Vec<Error>) {
    let mut entries = Vec::new();
    for document in read.documents {
        let problems: Vec<Error> = document
            .problems
            .iter()
            .map(|problem| Error {
                path: problem.path.clone(),
                rule: 0,
                message: format!(
                    "{} (at {}:{})",
                    problem.message, document.file, problem.line
                ),
                fix: "correct the field in the included text".to_owned(),
            })
            .collect();
        let entry = match document.object {
            Some(object) => {
                let id = object.id();
                match (object.into_object(), problems.is_empty()) {
                    (Ok((object, warnings)), true) => Entry {
                        id,
                        result: Ok(object),
                        warnings,
                    },
                    (Ok((_, warnings)), false) => Entry {
                        id,
                        result: Err(Errors {
                            errors: problems,
                            warnings: warnings.clone(),
                        }),
                        warnings,
                    },
                    (Err(mut errors), _) => {
                        let mut all = problems;
                        all.append(&mut errors.errors);
                        Entry {
                            id,
                            warnings: errors.warnings.clone(),
                            result: Err(Errors {
                                errors: all,
                                warnings: errors.warnings,
                            }),
                        }
                    }
                }
            }
            None => Entry {
                id: document.id,
                warnings: Vec::new(),
                result: Err(Errors {
                    errors: problems,
                    warnings: Vec::new(),
                }),
            },
        };
        entries.push(entry);
    }
    let errors = read
        .errors
        .into_iter()
        .map(|error| Error {
            path: FieldPath::parse(&match error.line {
                Some(line) => format!("{}:{line}", error.file),
                None => error.file.clone(),
            }),
            rule: 0,
            message: error.message,
            fix: "correct the included text".to_owned(),
        })
        .collect();
    (entries, errors)
}

/// Reads the file at `path` (bounded by the default [`Limits`]); a file that cannot be read is
/// one error at its name.
pub(crate) fn read_file(path: &Path) -> Read {
    let name = path.display().to_string();
    match std::fs::read(path) {
        Ok(bytes) => read_bytes(&name, &bytes, &Limits::default()),
        Err(error) => Read {
            documents: Vec::new(),
            errors: vec![crate::read::ReadError {
                file: name,
                document: None,
                line: None,
                limit: None,
                message: format!("cannot read the file: {error}"),
            }],
        },
    }
}

impl super::Bundle {
    /// Adds every object of the YAML (or JSON) `text`, in its order: each document becomes
    /// the typed object of its kind, validated like any other, and any other kind a custom
    /// object; all take part in the checks between objects and in the bundle-wide settings.
    /// A field of the wrong type or unknown to the kind is an error at its path; text that
    /// cannot be read is an error at its line.
    ///
    /// ```
    /// use k8s_dsl::prelude::*;
    ///
    /// let upstream = "\
    /// apiVersion: v1
    /// kind: Service
    /// metadata:
    ///   name: web
    /// spec:
    ///   selector: {app: web}
    ///   ports: [{port: 80}]
    /// ---
    /// apiVersion: example.com/v1
    /// kind: Widget
    /// metadata:
    ///   name: gadget
    /// spec: {size: 3}
    /// ";
    /// let bundle = Bundle::new().namespace("shop").include_yaml(upstream);
    /// // The Service selects no pod of the bundle: the checks between objects see it.
    /// assert!(bundle.check().unwrap_err().has("Service/shop/web: spec.selector", 0));
    /// let bundle = bundle.add(Pod::new("web").label("app", "web").container(Container::new("web").image("nginx:1.27")));
    /// let kinds: Vec<&str> = bundle.objects().iter().map(|o| o.kind()).collect();
    /// assert_eq!(kinds, ["Service", "Pod", "Widget"]);
    /// assert!(matches!(bundle.objects()[2], Object::Custom(_)));
    /// ```
    pub fn include_yaml(self, text: &str) -> Self {
        self.include(crate::read::read_str(
            "included YAML",
            text,
            &Limits::default(),
        ))
    }

    /// Adds every object of the YAML or JSON file at `path`, as
    /// [`include_yaml`](Self::include_yaml) does; a file that cannot be read is an error at
    /// its name.
    ///
    /// ```
    /// use k8s_dsl::prelude::*;
    ///
    /// let path = std::env::temp_dir().join(format!("k8s-dsl-doc-include-{}.yaml", std::process::id()));
    /// std::fs::write(&path, "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: vendored\n")?;
    /// let bundle = Bundle::new().include_yaml_file(&path);
    /// assert_eq!(bundle.objects()[0].id().to_string(), "ConfigMap/vendored");
    /// std::fs::remove_file(&path)?;
    /// assert!(Bundle::new().include_yaml_file(&path).check().is_err());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn include_yaml_file(self, path: impl AsRef<Path>) -> Self {
        self.include(read_file(path.as_ref()))
    }

    /// Adds what was read.
    fn include(mut self, read: Read) -> Self {
        let (entries, errors) = entries(read);
        self.applied = std::sync::OnceLock::new();
        self.entries.extend(entries);
        self.problems.extend(errors);
        self
    }
}
