//! Objects to files: one file per object (plus `kustomization.yaml`) or one multi-document
//! file, in YAML or JSON. The text itself comes from [`crate::emit`].

use std::collections::BTreeMap;

use serde::Serialize;

use crate::bundle::{Object, ObjectId};
use crate::emit::{self, YamlWriter};

use super::file_name::file_name;
use super::ownership::{is_plain_name, is_relative_name, OWNED_FILE};
use super::{Format, OutputError};

/// The name of the kustomization file.
///
/// ```
/// use k8s_dsl::output::{Directory, KUSTOMIZATION};
/// use k8s_dsl::prelude::*;
///
/// let files = Directory::new("k8s").render(&Bundle::new().add(ConfigMap::new("web")))?.files;
/// let kustomization = files.iter().find(|file| file.name == KUSTOMIZATION).map(|f| f.contents.as_str());
/// assert!(kustomization.is_some_and(|text| text.contains("- configmap_web.yaml\n")));
/// # Ok::<(), k8s_dsl::output::OutputError>(())
/// ```
pub const KUSTOMIZATION: &str = "kustomization.yaml";

/// One generated file: its name inside the output directory and its text.
///
/// ```
/// use k8s_dsl::output::Directory;
/// use k8s_dsl::prelude::*;
///
/// let files = Directory::new("k8s").render(&Bundle::new().add(ConfigMap::new("web").data("mode", "production")))?.files;
/// let names: Vec<&str> = files.iter().map(|file| file.name.as_str()).collect();
/// assert_eq!(names, ["configmap_web.yaml", "kustomization.yaml"]);
/// assert!(files[0].contents.contains("kind: ConfigMap\n"));
/// # Ok::<(), k8s_dsl::output::OutputError>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GeneratedFile {
    /// The file name, such as `deployment_web.yaml` (never a path).
    pub name: String,
    /// The file's text.
    pub contents: String,
}

/// How objects are laid out in files.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Layout {
    pub format: Format,
    pub kustomization: bool,
    pub single_file: Option<String>,
}

/// The kustomization file's content.
#[derive(Serialize)]
struct Kustomization<'a> {
    #[serde(rename = "apiVersion")]
    api_version: &'static str,
    kind: &'static str,
    resources: &'a [String],
}

/// The files for `objects` (in apply order): object files first, in that order, then the
/// kustomization listing them.
pub(crate) fn render(
    objects: &[&Object],
    layout: &Layout,
) -> Result<Vec<GeneratedFile>, OutputError> {
    let mut files = match &layout.single_file {
        Some(name) => {
            check_single_name(name, layout.kustomization, false)?;
            vec![GeneratedFile {
                name: name.clone(),
                contents: document_stream(objects, layout.format)?,
            }]
        }
        None => one_per_object(objects, layout.format)?,
    };
    if layout.kustomization {
        let resources: Vec<String> = files.iter().map(|file| file.name.clone()).collect();
        files.push(GeneratedFile {
            name: KUSTOMIZATION.to_owned(),
            contents: emit::to_yaml(&Kustomization {
                api_version: "kustomize.config.k8s.io/v1beta1",
                kind: "Kustomization",
                resources: &resources,
            })?,
        });
    }
    Ok(files)
}

/// One file per object, named by [`file_name`]; two objects on one name are an error.
fn one_per_object(objects: &[&Object], format: Format) -> Result<Vec<GeneratedFile>, OutputError> {
    let mut taken: BTreeMap<String, ObjectId> = BTreeMap::new();
    let mut files = Vec::with_capacity(objects.len());
    for object in objects {
        let id = object.id();
        let name = file_name(&id, format);
        if let Some(first) = taken.get(&name) {
            return Err(OutputError::SameFile {
                file: name,
                first: first.to_string(),
                second: id.to_string(),
            });
        }
        let contents = match format {
            Format::Yaml => emit::to_yaml(object)?,
            Format::Json => emit::to_json(object)?,
        };
        taken.insert(name.clone(), id);
        files.push(GeneratedFile { name, contents });
    }
    Ok(files)
}

/// All objects in one text: YAML documents separated by `---`, or one JSON `v1` `List`.
fn document_stream(objects: &[&Object], format: Format) -> Result<String, OutputError> {
    match format {
        Format::Yaml => {
            let mut writer = YamlWriter::new(Vec::new());
            for object in objects {
                writer.write(object)?;
            }
            let bytes = writer.finish()?;
            Ok(String::from_utf8_lossy(&bytes).into_owned())
        }
        Format::Json => Ok(emit::to_json_list(objects)?),
    }
}

/// Files handed to a directory must have distinct plain names (relative names of plain parts,
/// such as `templates/a.yaml`, when `nested`) that are not the generator's own bookkeeping
/// files.
pub(crate) fn check_names(files: &[GeneratedFile], nested: bool) -> Result<(), OutputError> {
    let mut seen = std::collections::BTreeSet::new();
    for file in files {
        check_single_name(&file.name, false, nested)?;
        if !seen.insert(file.name.as_str()) {
            return Err(OutputError::BadFileName {
                name: file.name.clone(),
                reason: "two files have that name",
            });
        }
    }
    Ok(())
}

/// A single file's name must be a plain name (or, `nested`, a relative name of plain parts)
/// that is not one of the generator's own files.
fn check_single_name(name: &str, kustomization: bool, nested: bool) -> Result<(), OutputError> {
    let reason = if nested && !is_relative_name(name) {
        Some("it must be a relative path of plain names, without `..`, `.` or an empty part")
    } else if !nested && !is_plain_name(name) {
        Some("it must be a file name without `/`")
    } else if name == OWNED_FILE
        || name == super::journal::JOURNAL_FILE
        || name.ends_with(super::atomic::TEMP_SUFFIX)
    {
        Some("k8s-dsl uses that name for its own bookkeeping")
    } else if kustomization && name == KUSTOMIZATION {
        Some("it is the kustomization file's name")
    } else {
        None
    };
    match reason {
        Some(reason) => Err(OutputError::BadFileName {
            name: name.to_owned(),
            reason,
        }),
        None => Ok(()),
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
    use crate::custom::CustomObject;
    use k8s_openapi::apimachinery::pkg::apis::meta::v1::ObjectMeta;

    fn custom(kind: &str, name: &str) -> Object {
        Object::Custom(CustomObject {
            api_version: "example.com/v1".to_owned(),
            kind: kind.to_owned(),
            metadata: ObjectMeta {
                name: Some(name.to_owned()),
                ..ObjectMeta::default()
            },
            fields: BTreeMap::new(),
        })
    }

    fn layout(format: Format, kustomization: bool, single_file: Option<&str>) -> Layout {
        Layout {
            format,
            kustomization,
            single_file: single_file.map(str::to_owned),
        }
    }

    #[test]
    fn one_file_per_object_and_a_kustomization_in_apply_order() {
        let (b, a) = (custom("Widget", "b"), custom("Widget", "a"));
        let files = render(&[&b, &a], &layout(Format::Yaml, true, None)).unwrap();
        let names: Vec<&str> = files.iter().map(|f| f.name.as_str()).collect();
        assert_eq!(
            names,
            ["widget_b.yaml", "widget_a.yaml", "kustomization.yaml"]
        );
        assert_eq!(
            files[2].contents,
            "apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\nresources:\n- widget_b.yaml\n- widget_a.yaml\n"
        );
        assert!(files[0]
            .contents
            .starts_with("apiVersion: example.com/v1\nkind: Widget\n"));
    }

    #[test]
    fn json_files_and_no_kustomization() {
        let a = custom("Widget", "a");
        let files = render(&[&a], &layout(Format::Json, false, None)).unwrap();
        assert_eq!(files.len(), 1);
        assert_eq!(files[0].name, "widget_a.json");
        assert!(files[0]
            .contents
            .starts_with("{\n  \"apiVersion\": \"example.com/v1\""));
    }

    #[test]
    fn a_single_file_holds_every_document() {
        let (a, b) = (custom("Widget", "a"), custom("Widget", "b"));
        let files = render(&[&a, &b], &layout(Format::Yaml, false, Some("all.yaml"))).unwrap();
        assert_eq!(files.len(), 1);
        assert_eq!(files[0].contents.matches("\n---\n").count(), 1);
        let json = render(&[&a, &b], &layout(Format::Json, false, Some("all.json"))).unwrap();
        assert!(json[0].contents.contains("\"kind\": \"List\""));
    }

    #[test]
    fn bad_single_file_names_are_refused() {
        for (name, kustomization) in [
            ("../x.yaml", false),
            ("", false),
            (OWNED_FILE, false),
            ("kustomization.yaml", true),
        ] {
            let error = render(&[], &layout(Format::Yaml, kustomization, Some(name))).unwrap_err();
            assert!(
                matches!(error, OutputError::BadFileName { .. }),
                "{name}: {error}"
            );
        }
    }

    #[test]
    fn handed_in_files_need_distinct_plain_names() {
        let file = |name: &str| GeneratedFile {
            name: name.to_owned(),
            contents: String::new(),
        };
        check_names(&[file("a.yaml"), file("b.yaml")], false).unwrap();
        check_names(&[file("a.yaml"), file("templates/a.yaml")], true).unwrap();
        for (files, nested) in [
            (vec![file("a.yaml"), file("a.yaml")], false),
            (vec![file("../a.yaml")], false),
            (vec![file(OWNED_FILE)], false),
            (vec![file("templates/a.yaml")], false),
            (vec![file("templates/../../a.yaml")], true),
            (vec![file("/a.yaml")], true),
            (vec![file(OWNED_FILE)], true),
        ] {
            assert!(matches!(
                check_names(&files, nested),
                Err(OutputError::BadFileName { .. })
            ));
        }
    }

    #[test]
    fn two_objects_on_one_file_name_are_an_error() {
        let (a, b) = (custom("Widget", "a_b"), custom("Widget", "a-b"));
        let error = render(&[&a, &b], &layout(Format::Yaml, false, None)).unwrap_err();
        assert_eq!(
            error.to_string(),
            "`Widget/a_b` and `Widget/a-b` would both be written to `widget_a-b.yaml`; rename one of them"
        );
    }
}
