//! From objects to Rust: one builder expression per object, with the fields no builder
//! method can express kept as JSON and reported. With [`Options::macros`], the same walk is
//! printed as `pod!`/`job!`/`cronjob!` for the kinds that have one (see `macros`).
//!
//! ```
//! use k8s_dsl_import::codegen::{generate, Options};
//! use k8s_dsl_import::read::read_str;
//!
//! let yaml = "\
//! apiVersion: v1
//! kind: Pod
//! metadata:
//!   name: web
//! spec:
//!   containers:
//!   - name: web
//!     image: nginx:1.27
//! ";
//! let documents = read_str("pods.yaml", yaml).map_err(|errors| format!("{errors:?}"))?;
//!
//! let builders = generate("pods.yaml", &documents, &Options::default());
//! assert!(builders.code.contains(r#"Pod::new("web").container(Container::new("web").image("nginx:1.27"))"#));
//!
//! let macros = generate("pods.yaml", &documents, &Options { macros: true });
//! assert!(macros.code.contains("k8s_dsl::pod! {"));
//! assert!(macros.code.contains(r#"containers: [ { name: "web", image: "nginx:1.27" } ],"#));
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

mod access;
mod container;
mod fields;
mod macros;
mod meta;
mod network;
mod others;
mod path;
mod pod;
mod quota;
mod scheduling;
mod storage;
mod volume;
mod workload;

use serde_json::Value;

use crate::kinds::{self, Kind};
use crate::read::Document;
use crate::report::Unsupported;
use crate::rust::{comment, comment_text, json_lit, str_lit};
use fields::{Chain, Cx, Fields};
use path::JPath;

/// What the generated code looks like.
///
/// The default is builder code for every object.
///
/// ```
/// use k8s_dsl_import::{import_str, Options};
///
/// let yaml = "\
/// apiVersion: batch/v1
/// kind: Job
/// metadata:
///   name: migrate
/// spec:
///   template:
///     spec:
///       restartPolicy: Never
///       containers:
///       - name: migrate
///         image: migrate:1.0
/// ";
/// assert!(!Options::default().macros);
///
/// let builders = import_str("job.yaml", yaml, &Options::default()).map_err(|e| format!("{e:?}"))?;
/// assert!(builders.code.contains(r#"Job::new("migrate")"#));
/// assert!(!builders.code.contains("job!"));
///
/// let macros = import_str("job.yaml", yaml, &Options { macros: true }).map_err(|e| format!("{e:?}"))?;
/// assert!(macros.code.contains("k8s_dsl::job! {"));
/// assert!(macros.builder_fallbacks.is_empty());
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Options {
    /// Write Pods, Jobs and CronJobs as `pod!`/`job!`/`cronjob!` (builder code where a field
    /// has no macro key; other kinds are builder code either way).
    pub macros: bool,
}

/// Generated Rust code and what it had to keep through escape hatches.
///
/// ```
/// use k8s_dsl_import::{import_str, Options};
///
/// // `metadata.finalizers` has no builder method, and `pod!` has no key for iSCSI volumes.
/// let yaml = "\
/// apiVersion: v1
/// kind: Pod
/// metadata:
///   name: web
///   finalizers:
///   - example.com/cleanup
/// spec:
///   containers:
///   - name: web
///     image: nginx:1.27
///   volumes:
///   - name: data
///     iscsi:
///       targetPortal: 10.0.0.1:3260
///       iqn: iqn.2001-04.com.example:storage
///       lun: 0
/// ";
/// let generated = import_str("pods.yaml", yaml, &Options { macros: true }).map_err(|e| format!("{e:?}"))?;
///
/// // Builder code, with the fields kept as JSON (or as k8s-openapi values) and listed.
/// assert!(generated.code.contains(r#"Pod::new("web")"#));
/// assert!(generated.code.contains(r#""/metadata/finalizers""#));
/// let kept: Vec<(&str, &str)> = generated
///     .unsupported
///     .iter()
///     .map(|u| (u.path.as_str(), u.kept.as_str()))
///     .collect();
/// assert_eq!(
///     kept,
///     [
///         ("metadata.finalizers", "kept as JSON"),
///         ("spec.volumes[0]", "kept with `Volume::from_k8s`"),
///     ]
/// );
/// // Why the Pod is not a `pod!`.
/// assert_eq!(
///     generated.builder_fallbacks,
///     ["pods.yaml document 1: Pod/web: `pod!` has no key for `spec.volumes[0].iscsi`"]
/// );
/// // The one warning this import could have: rustfmt missing or failing.
/// assert!(generated.warnings.iter().all(|w| w.contains("rustfmt")));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Generated {
    /// The Rust module (formatted by rustfmt when it comes from [`crate::import`] or
    /// [`crate::import_str`], not yet when from [`generate`]).
    pub code: String,
    /// Every field or object without builder support, with its path.
    pub unsupported: Vec<Unsupported>,
    /// With [`Options::macros`]: for each object written as builder code instead of a macro,
    /// each field that made it so (``pods.yaml document 1: Pod/web: `pod!` has no key for
    /// `spec.volumes[0].nfs` ``).
    pub builder_fallbacks: Vec<String>,
    /// What did not stop the import but the reader should know, such as rustfmt missing
    /// (then `code` is the generator's own indentation).
    pub warnings: Vec<String>,
}

/// One object's expression and what it keeps as JSON.
struct ObjectCode {
    heading: String,
    /// Where the object came from and what it is, for messages.
    source: String,
    expr: String,
    notes: Vec<Unsupported>,
    needs_helper: bool,
    /// Why the object is builder code although its kind has a macro.
    fallback: Vec<String>,
    /// What the reader should know about this object (an image that looks like a placeholder).
    warnings: Vec<String>,
}

/// Writes a Rust module with `pub fn objects()` building every document of `title`, in order.
///
/// The code is not formatted yet ([`crate::rust::try_format`] does it; [`crate::import`] and
/// [`crate::import_str`] call both).
///
/// ```
/// use k8s_dsl_import::generate;
/// use k8s_dsl_import::read::read_str;
/// use k8s_dsl_import::rust::try_format;
///
/// let yaml = "\
/// apiVersion: v1
/// kind: ConfigMap
/// metadata:
///   name: settings
/// data:
///   mode: production
/// ---
/// apiVersion: example.com/v1
/// kind: Widget
/// metadata:
///   name: w
/// spec:
///   size: 3
/// ";
/// let documents = read_str("app.yaml", yaml).map_err(|errors| format!("{errors:?}"))?;
/// let generated = generate("app.yaml", &documents, &Default::default());
///
/// assert!(generated.code.starts_with("// `app.yaml`, imported by `k8s-dsl-import`.\n"));
/// assert!(generated.code.contains("pub fn objects() -> Result<Vec<Object>, Box<dyn std::error::Error>>"));
/// // One expression per document, in order, each under a comment naming it.
/// let settings = generated.code.find("// ConfigMap `settings` (document 1)");
/// let widget = generated.code.find("// Widget `w` (document 2)");
/// assert!(settings.is_some() && widget.is_some() && settings < widget);
/// assert!(generated.code.contains(r#"CustomResource::new("example.com/v1", "Widget", "w")"#));
/// // The Widget has no builder: it is reported, as a whole object.
/// assert_eq!(generated.unsupported.len(), 1);
/// assert!(generated.unsupported.iter().all(|u| u.object == "Widget/w" && u.path.is_empty()));
///
/// // Formatting does not change what the code says.
/// if let Ok(formatted) = try_format(&generated.code) {
///     assert!(formatted.contains(r#".data("mode", "production")"#));
/// }
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn generate(title: &str, documents: &[Document], options: &Options) -> Generated {
    let several_files = documents
        .iter()
        .any(|d| d.file != documents.first().map_or("", |f| f.file.as_str()));
    let objects: Vec<ObjectCode> = documents
        .iter()
        .map(|d| object_code(d, several_files, options))
        .collect();
    let needs_helper = objects.iter().any(|o| o.needs_helper);
    let unsupported: Vec<Unsupported> = objects.iter().flat_map(|o| o.notes.clone()).collect();
    let builder_fallbacks = objects
        .iter()
        .flat_map(|o| o.fallback.iter().map(|why| format!("{}: {why}", o.source)))
        .collect();
    let mut code = comment(
        &format!("`{}`, imported by `k8s-dsl-import`.", comment_text(title)),
        0,
    );
    if !unsupported.is_empty() {
        code.push_str("//\n// Fields without a builder method, kept as they are:\n");
        for note in &unsupported {
            let path = if note.path.is_empty() {
                "(whole object)"
            } else {
                &note.path
            };
            code.push_str(&comment(
                &format!(
                    "- {} `{}`: {}",
                    comment_text(&note.object),
                    comment_text(path),
                    comment_text(&note.kept)
                ),
                0,
            ));
        }
    }
    code.push_str("\nuse k8s_dsl::prelude::*;\n\n");
    code.push_str(&format!(
        "/// The objects of `{}`, in file order.\npub fn objects() -> Result<Vec<Object>, Box<dyn std::error::Error>> {{\n    Ok(vec![\n",
        comment_text(title)
    ));
    for object in &objects {
        code.push_str(&comment(&object.heading, 2));
        if !object.fallback.is_empty() {
            let why: Vec<String> = object
                .fallback
                .iter()
                .map(|w| format!("- {}", comment_text(w)))
                .collect();
            let text = format!("Builder code, not a macro:\n{}", why.join("\n"));
            code.push_str(&comment(&text, 2));
        }
        code.push_str(&format!("        {},\n", object.expr));
    }
    code.push_str("    ])\n}\n");
    if needs_helper {
        code.push_str(HELPER);
    }
    Generated {
        code,
        unsupported,
        builder_fallbacks,
        warnings: objects.iter().flat_map(|o| o.warnings.clone()).collect(),
    }
}

/// The helper that sets fields kept as JSON on a built object.
const HELPER: &str = r#"
/// Sets fields that have no builder method on a built object, at their JSON pointers.
fn with_fields<T>(
    object: T,
    fields: Vec<(&str, serde_json::Value)>,
) -> Result<T, Box<dyn std::error::Error>>
where
    T: k8s_openapi::serde::Serialize + k8s_openapi::serde::de::DeserializeOwned,
{
    let mut value = serde_json::to_value(object)?;
    for (pointer, field) in fields {
        let mut slot = &mut value;
        for token in pointer.split('/').skip(1) {
            let token = token.replace("~1", "/").replace("~0", "~");
            if slot.is_null() {
                *slot = serde_json::Value::Object(serde_json::Map::new());
            }
            slot = match slot {
                serde_json::Value::Object(map) => map.entry(token).or_insert(serde_json::Value::Null),
                serde_json::Value::Array(items) => match token.parse::<usize>().ok().and_then(|i| items.get_mut(i)) {
                    Some(item) => item,
                    None => return Err(format!("no list item for `{pointer}`").into()),
                },
                _ => return Err(format!("no place for `{pointer}`").into()),
            };
        }
        *slot = field;
    }
    Ok(serde_json::from_value(value)?)
}
"#;

fn object_code(document: &Document, several_files: bool, options: &Options) -> ObjectCode {
    let value = &document.value;
    let kind_name = document.kind();
    let name = document.name();
    let mut cx = Cx {
        source: document.source(),
        object: format!("{kind_name}/{name}"),
        ..Cx::default()
    };
    let place = match (several_files, document.item) {
        (true, _) => document.source(),
        (false, Some(i)) => format!("document {} items[{i}]", document.number),
        (false, None) => format!("document {}", document.number),
    };
    let heading = if name.is_empty() {
        format!(
            "{} without a name ({})",
            comment_text(kind_name),
            comment_text(&place)
        )
    } else {
        format!(
            "{} `{}` ({})",
            comment_text(kind_name),
            comment_text(name),
            comment_text(&place)
        )
    };
    let kind = Kind::of(document.api_version(), kind_name);
    let typed = kind.map(|k| (k, k.typed(value)));
    let mut fallback = Vec::new();
    let mut warnings: Vec<String> = document
        .warnings
        .iter()
        .map(|w| format!("{}: {}: {w}", cx.source, cx.object))
        .collect();
    let expr = match typed {
        Some((kind, Ok(typed))) if !placeholder_images(&typed).is_empty() => {
            for (path, image) in placeholder_images(&typed) {
                warnings.push(format!(
                    "{}: {}: `{path}` is {image:?}, which looks like a placeholder: the API server takes it, the builders and macros refuse it, so the object is kept as JSON; replace it with the image to run, and import again",
                    cx.source, cx.object
                ));
            }
            raw_object(kind, value, &mut cx, "an image is not a valid reference")
        }
        Some((kind, Ok(typed))) => {
            let unknown = kinds::unknown_fields(value, &typed);
            if unknown.is_empty() {
                let (expr, why) = builder_object(kind, typed, &mut cx, options);
                fallback = why;
                expr
            } else {
                for (path, _) in &unknown {
                    cx.notes.push(Unsupported {
                        source: cx.source.clone(),
                        object: cx.object.clone(),
                        path: path.clone(),
                        kept: format!(
                            "not a field of {kind_name} in k8s-openapi; the whole object is kept with `CustomResource`"
                        ),
                    });
                }
                custom_object(value, &mut cx)
            }
        }
        _ => {
            cx.note(
                &JPath::root(),
                &format!(
                    "`{}` `{kind_name}` has no builder; kept with `CustomResource`",
                    document.api_version()
                ),
            );
            custom_object(value, &mut cx)
        }
    };
    let kept_whole = expr.starts_with("Object::Custom(");
    if kept_whole && document.api_version() == "v1" && kind_name == "Secret" {
        // `Secret::build` warns about each literal value; a `CustomResource` cannot.
        warnings.push(format!(
            "{}: {}: a Secret kept as a `CustomResource`: its values are literals in the code, in plain text, and `Debug` of the object shows them; read them from the environment or a file instead, and fix the fields that kept it from being a `Secret`",
            cx.source, cx.object
        ));
    }
    ObjectCode {
        heading,
        needs_helper: expr.contains("with_fields("),
        expr,
        source: format!("{}: {}", cx.source, cx.object),
        fallback,
        notes: cx.notes,
        warnings,
    }
}

/// The images of every container of a typed object (a Pod, or a workload's pod template)
/// that are no valid image reference, such as the placeholder `${IMAGE}`, with their paths.
fn placeholder_images(typed: &Value) -> Vec<(String, String)> {
    let specs = [
        ("spec", "/spec"),
        ("spec.template.spec", "/spec/template/spec"),
        (
            "spec.jobTemplate.spec.template.spec",
            "/spec/jobTemplate/spec/template/spec",
        ),
    ];
    let mut found = Vec::new();
    for (path, pointer) in specs {
        for list in ["initContainers", "containers", "ephemeralContainers"] {
            let containers = typed
                .pointer(&format!("{pointer}/{list}"))
                .and_then(Value::as_array);
            for (i, container) in containers.into_iter().flatten().enumerate() {
                let Some(image) = container.get("image").and_then(Value::as_str) else {
                    continue;
                };
                if k8s_dsl::rules::image::parse(image.trim()).is_err() && !image.trim().is_empty() {
                    found.push((format!("{path}.{list}[{i}].image"), image.to_owned()));
                }
            }
        }
    }
    found
}

/// A supported kind: builder code (a macro call with `options.macros`, where the kind has a
/// macro with a key for every field the walk expressed), with the fields kept as JSON set
/// afterwards. The second value says why an object whose kind has a macro is builder code.
fn builder_object(
    kind: Kind,
    value: Value,
    cx: &mut Cx,
    options: &Options,
) -> (String, Vec<String>) {
    let Some(mut object) = Fields::of(value.clone(), JPath::root()) else {
        return (raw_object(kind, &value, cx, NO_NAME), Vec::new());
    };
    object.take("apiVersion");
    object.take("kind");
    let Some(mut metadata) = object.obj("metadata") else {
        return (raw_object(kind, &value, cx, NO_NAME), Vec::new());
    };
    // A Pod or Job may have only a prefix for the API server to name it from.
    let prefix = match kind {
        Kind::Pod | Kind::Job if !metadata.has("name") => metadata.str("generateName"),
        _ => None,
    };
    let constructor = |ty: &str, name: &str| match &prefix {
        Some(prefix) => format!("{ty}::generated({})", crate::rust::str_lit(prefix)),
        None => format!("{ty}::new({})", crate::rust::str_lit(name)),
    };
    let name = match (metadata.str("name"), &prefix) {
        (Some(name), _) => name,
        (None, Some(_)) => String::new(),
        (None, None) => return (raw_object(kind, &value, cx, NO_NAME), Vec::new()),
    };
    let chain = match kind {
        Kind::Pod => pod::pod(constructor("Pod", &name), metadata, &mut object, cx),
        Kind::Job => workload::job(constructor("Job", &name), metadata, &mut object, cx),
        Kind::CronJob => workload::cronjob(&name, metadata, &mut object, cx),
        Kind::Deployment => workload::deployment(&name, metadata, &mut object, cx),
        Kind::StatefulSet => workload::statefulset(&name, metadata, &mut object, cx),
        Kind::DaemonSet => workload::daemonset(&name, metadata, &mut object, cx),
        Kind::Service => others::service(&name, metadata, &mut object, cx),
        Kind::ConfigMap => others::config_map(&name, metadata, &mut object, cx),
        Kind::Secret => others::secret(&name, metadata, &mut object, cx),
        Kind::PriorityClass => others::priority_class(&name, metadata, &mut object, cx),
        Kind::PodDisruptionBudget => others::pdb(&name, metadata, &mut object, cx),
        Kind::HorizontalPodAutoscaler => others::hpa(&name, metadata, &mut object, cx),
        Kind::ReplicaSet => quota::replica_set(&name, metadata, &mut object, cx),
        Kind::Ingress => network::ingress(&name, metadata, &mut object, cx),
        Kind::IngressClass => network::ingress_class(&name, metadata, &mut object, cx),
        Kind::PersistentVolumeClaim => storage::claim(&name, metadata, &mut object, cx),
        Kind::PersistentVolume => match storage::volume(&name, metadata, &mut object, cx) {
            Some(chain) => chain,
            None => {
                let why = "the volume's source has no constructor";
                return (raw_object(kind, &value, cx, why), Vec::new());
            }
        },
        Kind::StorageClass => storage::storage_class(&name, metadata, &mut object, cx),
        Kind::ResourceQuota => quota::resource_quota(&name, metadata, &mut object, cx),
        Kind::LimitRange => quota::limit_range(&name, metadata, &mut object, cx),
        Kind::Namespace => access::namespace(&name, metadata, &mut object, cx),
        Kind::ServiceAccount => access::service_account(&name, metadata, &mut object, cx),
        Kind::Role => access::role(&name, metadata, &mut object, cx),
        Kind::ClusterRole => access::cluster_role(&name, metadata, &mut object, cx),
        Kind::RoleBinding | Kind::ClusterRoleBinding => {
            let chain = if kind == Kind::RoleBinding {
                access::role_binding(&name, metadata, &mut object, cx)
            } else {
                access::cluster_role_binding(&name, metadata, &mut object, cx)
            };
            match chain {
                Some(chain) => chain,
                None => {
                    let why = "the role reference has no builder method";
                    return (raw_object(kind, &value, cx, why), Vec::new());
                }
            }
        }
        Kind::NetworkPolicy => network::network_policy(&name, metadata, &mut object, cx),
    };
    object.finish(cx);
    let mut fallback = Vec::new();
    if options.macros && macros::macro_of(kind).is_some() {
        match macros::object(kind, &value, cx) {
            Ok(call) => {
                // `k8s_dsl::pod! { .. }` then `.build()?` at the call's own indentation.
                let expr = with_patches(&cx.patches, |indent| {
                    let pad = "    ".repeat(indent);
                    (format!("{}\n{pad}.build()?", call.render(indent)), indent)
                });
                return (expr, Vec::new());
            }
            Err(why) => fallback = why,
        }
    }
    let expr = with_patches(&cx.patches, |indent| {
        let pad = "    ".repeat(indent + 1);
        (
            format!("{}\n{pad}.build()?", chain.render(indent)),
            indent + 1,
        )
    });
    (expr, fallback)
}

/// The object built by `built(indent)` (its code, and the indentation of the calls after
/// it), as an `Object`: with the fields kept as JSON set by `with_fields` when there are any.
fn with_patches(patches: &[fields::Patch], built: impl Fn(usize) -> (String, usize)) -> String {
    if patches.is_empty() {
        let (built, calls) = built(2);
        return format!("{built}\n{}.into()", "    ".repeat(calls));
    }
    let (built, _) = built(3);
    let mut out = format!("with_fields(\n            {built},\n            vec![\n");
    for patch in patches {
        out.push_str(&comment(
            &format!(
                "`{}`: no builder method",
                comment_text(&patch.path.to_string())
            ),
            4,
        ));
        let pointer = str_lit(&patch.path.pointer());
        let one_line = format!(
            "({pointer}, serde_json::json!({})),",
            json_lit(&patch.value, 4)
        );
        if one_line.len() + 16 <= 100 && !one_line.contains('\n') {
            out.push_str(&format!("                {one_line}\n"));
        } else {
            out.push_str(&format!(
                "                (\n                    {pointer},\n                    serde_json::json!({}),\n                ),\n",
                json_lit(&patch.value, 5)
            ));
        }
    }
    out.push_str("            ],\n        )?\n        .into()");
    out
}

const NO_NAME: &str = "the builder needs `metadata.name`";

/// A supported kind the builder cannot take (`why`: no name, an image it refuses): the whole
/// object as JSON.
fn raw_object(kind: Kind, value: &Value, cx: &mut Cx, why: &str) -> String {
    cx.note(
        &JPath::root(),
        &format!("{why}; the whole object is kept as JSON"),
    );
    format!(
        "Object::{}(serde_json::from_value(serde_json::json!({}))?)",
        kind.name(),
        json_lit(value, 2)
    )
}

/// Any other object: `CustomResource` (or a `CustomObject` literal when its metadata has
/// more than a name, namespace, labels and annotations).
fn custom_object(value: &Value, cx: &mut Cx) -> String {
    let Some(mut object) = Fields::of(value.clone(), JPath::root()) else {
        return String::new();
    };
    let api_version = object.str("apiVersion").unwrap_or_default();
    let kind = object.str("kind").unwrap_or_default();
    let metadata = object.obj("metadata");
    let simple = metadata.as_ref().is_some_and(|m| {
        m.peek("name").is_some_and(Value::is_string)
            && ["namespace", "labels", "annotations", "name"]
                .iter()
                .filter(|k| m.has(k))
                .count()
                == m.len()
    });
    match (metadata, simple) {
        (Some(mut metadata), true) => {
            let name = metadata.str("name").unwrap_or_default();
            let mut chain = Chain::new(format!(
                "CustomResource::new({}, {}, {})",
                str_lit(&api_version),
                str_lit(&kind),
                str_lit(&name)
            ));
            meta::meta(&mut metadata, &mut chain, true);
            metadata.finish(cx);
            for (key, field) in object.into_entries() {
                let method = if key == "spec" { "spec" } else { "field" };
                let mut args = Vec::new();
                if method == "field" {
                    args.push(fields::Arg::Code(str_lit(&key)));
                }
                args.push(fields::Arg::Json(field));
                chain.call(method, args);
            }
            format!(
                "Object::Custom(\n            {}\n                .build()?,\n        )",
                chain.render(3)
            )
        }
        (metadata, _) => {
            // An object without `metadata` (a `Kustomization`) gets the empty one: `null`
            // is no `ObjectMeta`.
            let metadata = match metadata {
                Some(metadata) => format!(
                    "serde_json::from_value(serde_json::json!({}))?",
                    json_lit(&metadata.into_value(), 3)
                ),
                None => "Default::default()".to_owned(),
            };
            let rest = Value::Object(object.into_entries().into_iter().collect());
            format!(
                "Object::Custom(CustomObject {{\n            api_version: {}.to_owned(),\n            kind: {}.to_owned(),\n            metadata: {metadata},\n            fields: serde_json::from_value(serde_json::json!({}))?,\n        }})",
                str_lit(&api_version),
                str_lit(&kind),
                json_lit(&rest, 3)
            )
        }
    }
}
