//! The command line shared by every example:
//! `cargo run --example NAME [-- --format yaml|json] [--out DIR [--check]]`.
//!
//! - With no arguments an example prints its objects as YAML on stdout (documents separated
//!   by `---`); `--format json` prints one JSON document (a `v1` `List` when there are several
//!   objects).
//! - `--out DIR` writes one file per object plus a `kustomization.yaml` into `DIR`
//!   (`kubectl apply -k DIR` takes it as is), atomically, removing only files it wrote before.
//! - `--out DIR --check` writes nothing: it compares what would be written with `DIR` and
//!   exits with 1 and a unified diff when they differ.
//!
//! Build errors are printed with their field paths and the example exits with 1.

use std::error::Error;
use std::io::Write as _;
use std::path::PathBuf;
use std::process::ExitCode;

use k8s_dsl::bundle::{IntoObject, Object};
use k8s_dsl::custom::CustomObject;
use k8s_dsl::emit::{self, EmitError};
use k8s_dsl::output::{Directory, OutputError};
use k8s_openapi::Resource;
use serde::Serialize;

pub use k8s_dsl::output::Format;

/// An object an example prints: anything serde can serialize (k8s-openapi types, custom resources).
pub trait Manifest {
    /// The object as one YAML document.
    fn to_yaml(&self) -> Result<String, EmitError>;
    /// The object as a JSON value.
    fn to_json_value(&self) -> Result<serde_json::Value, EmitError>;
    /// The object as a bundle [`Object`] (for its kind, namespace and name, and file output).
    fn to_object(&self) -> Result<Object, EmitError> {
        object_from_value(self.to_json_value()?)
    }
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

/// A serialized object as a typed bundle [`Object`]: the k8s-openapi type of its `apiVersion`
/// and `kind` when the bundle knows it (so fields keep k8s-openapi's order), else a custom one.
pub fn object_from_value(value: serde_json::Value) -> Result<Object, EmitError> {
    let text = |key: &str| {
        value
            .get(key)
            .and_then(serde_json::Value::as_str)
            .map(str::to_owned)
    };
    let (api_version, kind) = (text("apiVersion"), text("kind"));
    let (Some(api_version), Some(kind)) = (api_version, kind) else {
        return Err(EmitError::Unsupported(
            "an object without `apiVersion` and `kind` cannot be written to a file; set both"
                .to_owned(),
        ));
    };
    macro_rules! typed {
        ($($ty:ty),* $(,)?) => {
            $(
                if kind == <$ty as Resource>::KIND && api_version == <$ty as Resource>::API_VERSION {
                    return Ok(Object::from(serde_json::from_value::<$ty>(value)?));
                }
            )*
        };
    }
    use k8s_openapi::api::{apps::v1 as apps, autoscaling::v2 as autoscaling, batch::v1 as batch};
    use k8s_openapi::api::{core::v1 as core, policy::v1 as policy, scheduling::v1 as scheduling};
    use k8s_openapi::api::{networking::v1 as networking, rbac::v1 as rbac};
    typed!(
        core::Namespace,
        core::ServiceAccount,
        scheduling::PriorityClass,
        core::ConfigMap,
        core::Secret,
        core::PersistentVolumeClaim,
        core::Service,
        core::Pod,
        apps::Deployment,
        apps::StatefulSet,
        apps::DaemonSet,
        batch::Job,
        batch::CronJob,
        policy::PodDisruptionBudget,
        autoscaling::HorizontalPodAutoscaler,
        rbac::Role,
        rbac::ClusterRole,
        rbac::RoleBinding,
        rbac::ClusterRoleBinding,
        networking::NetworkPolicy,
    );
    let serde_json::Value::Object(mut fields) = value else {
        return Err(EmitError::Unsupported("an object must be a map".to_owned()));
    };
    let metadata = fields.remove("metadata").unwrap_or_default();
    fields.remove("apiVersion");
    fields.remove("kind");
    Ok(Object::Custom(CustomObject {
        api_version,
        kind,
        metadata: serde_json::from_value(metadata)?,
        fields: fields.into_iter().collect(),
    }))
}

/// What the command line asks for.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Options {
    /// `--format yaml|json` (default YAML).
    pub format: Format,
    /// `--out DIR`: write files into `DIR` instead of printing.
    pub out: Option<PathBuf>,
    /// `--check`: compare with `DIR` instead of writing it.
    pub check: bool,
}

/// The usage line, shown with argument errors.
pub const USAGE: &str = "usage: [--format yaml|json] [--out DIR [--check]]";

/// Reads `--format yaml|json`, `--out DIR` and `--check` from the arguments.
pub fn parse_args(args: impl IntoIterator<Item = String>) -> Result<Options, String> {
    let mut options = Options::default();
    let mut args = args.into_iter();
    while let Some(arg) = args.next() {
        let (flag, inline) = match arg.split_once('=') {
            Some((flag, value)) if flag.starts_with("--") => {
                (flag.to_owned(), Some(value.to_owned()))
            }
            _ => (arg.clone(), None),
        };
        match flag.as_str() {
            "--format" => {
                let value = inline
                    .or_else(|| args.next())
                    .ok_or("`--format` needs a value: `yaml` or `json`")?;
                options.format = value.parse()?;
            }
            "--out" => {
                let value = inline
                    .or_else(|| args.next())
                    .ok_or("`--out` needs a directory: `--out DIR`")?;
                options.out = Some(PathBuf::from(value));
            }
            "--check" if inline.is_none() => options.check = true,
            _ => {
                return Err(format!(
                "unknown argument `{arg}`; expected `--format yaml|json`, `--out DIR` or `--check`"
            ))
            }
        }
    }
    if options.check && options.out.is_none() {
        return Err("`--check` compares with a directory; add `--out DIR`".to_owned());
    }
    Ok(options)
}

/// Renders objects in `format` for stdout.
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

/// What writing or checking a directory did, for the user: a summary line, then a
/// `warning: ...` line for each warning of the objects written.
#[derive(Debug)]
pub enum Outcome {
    /// The directory was written: a summary line.
    Written(String),
    /// The directory is up to date.
    UpToDate(String),
}

/// Writes (or, with `check`, compares) objects as files in `dir`.
pub fn to_directory(
    objects: &[Box<dyn Manifest>],
    dir: &std::path::Path,
    format: Format,
    check: bool,
) -> Result<Outcome, OutputError> {
    let objects = objects
        .iter()
        .map(|object| object.to_object())
        .collect::<Result<Vec<_>, _>>()?;
    // The objects' warnings, one line each (a Secret with literal values is written in
    // plain text).
    let mut warnings = String::new();
    for object in &objects {
        let (_, found) = object.clone().into_object()?;
        for warning in found {
            warnings.push_str(&format!(
                "\nwarning: {}: {}: {}",
                object.id(),
                warning.path,
                warning.message
            ));
        }
    }
    let directory = Directory::new(dir).format(format);
    let files = directory.render_objects(&objects)?;
    if check {
        directory.check_files(&files)?;
        return Ok(Outcome::UpToDate(format!(
            "`{}` is up to date ({} files){warnings}",
            dir.display(),
            files.len()
        )));
    }
    let written = directory.write_files(&files)?;
    Ok(Outcome::Written(format!(
        "wrote {} files to `{}` ({} unchanged, {} removed){warnings}",
        written.written.len(),
        dir.display(),
        written.unchanged.len(),
        written.removed.len()
    )))
}

/// Runs an example: builds its objects, prints or writes them as the command line asks, and
/// turns any error into a message on stderr and exit code 1 (2 for a bad command line).
pub fn run(build: impl FnOnce() -> Result<Manifests, Box<dyn Error>>) -> ExitCode {
    let options = match parse_args(std::env::args().skip(1)) {
        Ok(options) => options,
        Err(message) => {
            eprintln!("error: {message}\n{USAGE}");
            return ExitCode::from(2);
        }
    };
    let objects = match build() {
        Ok(objects) => objects,
        Err(error) => {
            eprintln!("error: {error}");
            return ExitCode::FAILURE;
        }
    };
    match &options.out {
        None => print(&objects, options.format),
        Some(dir) => match to_directory(&objects, dir, options.format, options.check) {
            Ok(Outcome::Written(summary) | Outcome::UpToDate(summary)) => {
                eprintln!("{summary}");
                ExitCode::SUCCESS
            }
            Err(OutputError::Drift(drift)) => {
                print!("{}", drift.diff());
                eprintln!(
                    "error: {}",
                    drift.to_string().lines().next().unwrap_or_default()
                );
                for change in &drift.changes {
                    eprintln!("  {}: {}", change.state.as_str(), change.path.display());
                }
                ExitCode::FAILURE
            }
            Err(error) => {
                eprintln!("error: {error}");
                ExitCode::FAILURE
            }
        },
    }
}

/// Prints objects on stdout.
fn print(objects: &[Box<dyn Manifest>], format: Format) -> ExitCode {
    let text = match render(objects, format) {
        Ok(text) => text,
        Err(error) => {
            eprintln!("error: {error}");
            return ExitCode::FAILURE;
        }
    };
    match std::io::stdout().lock().write_all(text.as_bytes()) {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("error: cannot write to stdout: {error}");
            ExitCode::FAILURE
        }
    }
}

#[cfg(test)]
#[allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]
mod tests {
    use super::*;

    fn args(list: &[&str]) -> Vec<String> {
        list.iter().map(|s| (*s).to_owned()).collect()
    }

    #[test]
    fn reads_the_arguments() {
        assert_eq!(parse_args(Vec::new()), Ok(Options::default()));
        assert_eq!(
            parse_args(args(&["--format", "json"])).unwrap().format,
            Format::Json
        );
        assert_eq!(
            parse_args(args(&["--format=yaml"])).unwrap().format,
            Format::Yaml
        );
        let options = parse_args(args(&["--out", "deploy", "--check"])).unwrap();
        assert_eq!(options.out, Some(PathBuf::from("deploy")));
        assert!(options.check);
        assert_eq!(
            parse_args(args(&["--out=x"])).unwrap().out,
            Some(PathBuf::from("x"))
        );
        assert!(parse_args(args(&["--format"])).is_err());
        assert!(parse_args(args(&["--format=xml"])).is_err());
        assert!(parse_args(args(&["--bogus"])).is_err());
        assert!(parse_args(args(&["--out"])).is_err());
        assert_eq!(
            parse_args(args(&["--check"])),
            Err("`--check` compares with a directory; add `--out DIR`".to_owned())
        );
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

    #[test]
    fn objects_become_typed_bundle_objects() {
        let pod = k8s_openapi::api::core::v1::Pod {
            metadata: k8s_openapi::apimachinery::pkg::apis::meta::v1::ObjectMeta {
                name: Some("web".to_owned()),
                ..Default::default()
            },
            ..Default::default()
        };
        let object = pod.to_object().unwrap();
        assert!(matches!(object, Object::Pod(_)));
        assert_eq!(object.id().to_string(), "Pod/web");
        // The file has the same bytes as stdout.
        assert_eq!(emit::to_yaml(&object).unwrap(), pod.to_yaml().unwrap());

        let custom = serde_json::json!({
            "apiVersion": "example.com/v1", "kind": "Widget",
            "metadata": {"name": "w", "namespace": "ns"}, "spec": {"size": 1}
        });
        let object = custom.to_object().unwrap();
        assert_eq!(object.id().to_string(), "Widget/ns/w");
        assert!(serde_json::json!({"kind": "A"}).to_object().is_err());
    }

    #[test]
    fn writes_and_checks_a_directory() {
        let dir = std::env::temp_dir().join(format!("k8s-dsl-cli-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        let config = |value: &str| {
            serde_json::json!({
                "apiVersion": "v1", "kind": "ConfigMap",
                "metadata": {"name": "settings"}, "data": {"mode": value}
            })
        };
        let objects: Manifests = manifests![config("a")];
        let outcome = to_directory(&objects, &dir, Format::Yaml, false).unwrap();
        assert!(matches!(outcome, Outcome::Written(_)), "{outcome:?}");
        assert!(dir.join("configmap_settings.yaml").is_file());
        assert!(matches!(
            to_directory(&objects, &dir, Format::Yaml, true).unwrap(),
            Outcome::UpToDate(_)
        ));
        let changed: Manifests = manifests![config("b")];
        let error = to_directory(&changed, &dir, Format::Yaml, true).unwrap_err();
        assert!(
            error.to_string().contains("-  mode: a\n+  mode: b\n"),
            "{error}"
        );

        // A Secret with a literal value: the summary warns, without the value.
        let secret = serde_json::json!({
            "apiVersion": "v1", "kind": "Secret",
            "metadata": {"name": "db"}, "stringData": {"password": "s3cr3t-cli"}
        });
        let objects: Manifests = manifests![config("a"), secret];
        let Outcome::Written(summary) = to_directory(&objects, &dir, Format::Yaml, false).unwrap()
        else {
            panic!("expected a write");
        };
        let warning = summary.lines().nth(1).unwrap_or_default();
        assert!(
            warning.starts_with("warning: Secret/db: stringData: "),
            "{summary}"
        );
        assert!(warning.contains("plain text"), "{summary}");
        assert!(!summary.contains("s3cr3t-cli"), "{summary}");
        std::fs::remove_dir_all(&dir).unwrap();
    }
}
