//! The command line shared by every example: `cargo run --example NAME [-- --format yaml|json]`.
//!
//! With no arguments an example prints its objects as YAML on stdout (documents separated by
//! `---`); `--format json` prints one JSON document (a `v1` `List` when there are several
//! objects). Build errors are printed with their field paths and the example exits with 1.

use std::error::Error;
use std::io::Write as _;
use std::process::ExitCode;

use k8s_dsl::emit::{self, EmitError};
use serde::Serialize;

/// An object an example prints: anything serde can serialize (k8s-openapi types, custom resources).
pub trait Manifest {
    /// The object as one YAML document.
    fn to_yaml(&self) -> Result<String, EmitError>;
    /// The object as a JSON value.
    fn to_json_value(&self) -> Result<serde_json::Value, EmitError>;
}

impl<T: Serialize> Manifest for T {
    fn to_yaml(&self) -> Result<String, EmitError> {
        emit::to_yaml(self)
    }
    fn to_json_value(&self) -> Result<serde_json::Value, EmitError> {
        Ok(serde_json::to_value(self)?)
    }
}

/// The objects an example prints, in order.
pub type Manifests = Vec<Box<dyn Manifest>>;

/// Boxes objects of any kinds into [`Manifests`]: `manifests![pod, config_map]`.
#[macro_export]
macro_rules! manifests {
    ($($object:expr),* $(,)?) => {
        vec![$(Box::new($object) as Box<dyn $crate::Manifest>),*]
    };
}

/// Boxes objects of one type (say, the objects a `Bundle` built) into [`Manifests`].
pub fn boxed<T: Serialize + 'static>(objects: impl IntoIterator<Item = T>) -> Manifests {
    objects
        .into_iter()
        .map(|object| Box::new(object) as Box<dyn Manifest>)
        .collect()
}

/// The output format chosen on the command line.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// Multi-document YAML (the default).
    Yaml,
    /// JSON: the object, or a `v1` `List` of them.
    Json,
}

/// Reads `--format yaml|json` from the arguments.
pub fn parse_args(args: impl IntoIterator<Item = String>) -> Result<Format, String> {
    let mut format = Format::Yaml;
    let mut args = args.into_iter();
    while let Some(arg) = args.next() {
        let value = match arg.as_str() {
            "--format" => args.next(),
            other => match other.strip_prefix("--format=") {
                Some(value) => Some(value.to_owned()),
                None => return Err(format!("unknown argument `{other}`; expected `--format yaml|json`")),
            },
        };
        format = match value.as_deref() {
            Some("yaml") => Format::Yaml,
            Some("json") => Format::Json,
            Some(other) => return Err(format!("unknown format `{other}`; expected `yaml` or `json`")),
            None => return Err("`--format` needs a value: `yaml` or `json`".to_owned()),
        };
    }
    Ok(format)
}

/// Renders objects in `format`.
pub fn render(objects: &[Box<dyn Manifest>], format: Format) -> Result<String, EmitError> {
    match format {
        Format::Yaml => {
            let mut text = String::new();
            for (index, object) in objects.iter().enumerate() {
                if index > 0 {
                    text.push_str("---\n");
                }
                text.push_str(&object.to_yaml()?);
            }
            Ok(text)
        }
        Format::Json => {
            let mut values = objects
                .iter()
                .map(|object| object.to_json_value())
                .collect::<Result<Vec<_>, _>>()?;
            if values.len() == 1 {
                if let Some(value) = values.pop() {
                    return emit::to_json(&value);
                }
            }
            emit::to_json_list(&values)
        }
    }
}

/// Runs an example: builds its objects, prints them as the command line asks, and turns any
/// error into a message on stderr and exit code 1.
pub fn run(build: impl FnOnce() -> Result<Manifests, Box<dyn Error>>) -> ExitCode {
    let format = match parse_args(std::env::args().skip(1)) {
        Ok(format) => format,
        Err(message) => {
            eprintln!("error: {message}");
            return ExitCode::from(2);
        }
    };
    let text = build().and_then(|objects| Ok(render(&objects, format)?));
    match text {
        Ok(text) => match std::io::stdout().lock().write_all(text.as_bytes()) {
            Ok(()) => ExitCode::SUCCESS,
            Err(error) => {
                eprintln!("error: cannot write to stdout: {error}");
                ExitCode::FAILURE
            }
        },
        Err(error) => {
            eprintln!("error: {error}");
            ExitCode::FAILURE
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_the_format() {
        assert_eq!(parse_args(Vec::new()), Ok(Format::Yaml));
        let json = ["--format".to_owned(), "json".to_owned()];
        assert_eq!(parse_args(json), Ok(Format::Json));
        assert_eq!(parse_args(["--format=yaml".to_owned()]), Ok(Format::Yaml));
        assert!(parse_args(["--format".to_owned()]).is_err());
        assert!(parse_args(["--format=xml".to_owned()]).is_err());
        assert!(parse_args(["--bogus".to_owned()]).is_err());
    }

    #[test]
    fn renders_documents_and_lists() {
        let objects: Manifests = manifests![
            serde_json::json!({"kind": "A", "on": "yes"}),
            serde_json::json!({"kind": "B"}),
        ];
        assert_eq!(
            render(&objects, Format::Yaml).unwrap(),
            "kind: A\n\"on\": \"yes\"\n---\nkind: B\n"
        );
        let json: serde_json::Value =
            serde_json::from_str(&render(&objects, Format::Json).unwrap()).unwrap();
        assert_eq!(json["kind"], "List");
        assert_eq!(json["items"][1]["kind"], "B");
    }
}
