//! References by key: `configMapKeyRef`, `secretKeyRef`, and the `items[].key` of ConfigMap and
//! Secret volumes and projections, naming a key the bundle's ConfigMap or Secret lacks.
//!
//! A reference to an object that is not in the bundle is the bundle's error already (or the
//! cluster provides it): these lints look only at objects the bundle holds, whose keys are known.

use std::collections::BTreeSet;

use k8s_openapi::api::core::v1 as core;

use super::{containers, listed, Lint};
use crate::bundle::Object;
use crate::rules::{shown, suggest};
use crate::validate::FieldPath;

/// Which kind of object a key belongs to.
#[derive(Clone, Copy)]
enum Source {
    ConfigMap,
    Secret,
}

impl Source {
    fn kind(self) -> &'static str {
        match self {
            Source::ConfigMap => "ConfigMap",
            Source::Secret => "Secret",
        }
    }

    fn id(self) -> &'static str {
        match self {
            Source::ConfigMap => "config-key-missing",
            Source::Secret => "secret-key-missing",
        }
    }
}

/// One reference by key.
struct KeyRef<'a> {
    source: Source,
    object: &'a str,
    key: &'a str,
    optional: bool,
    path: FieldPath,
}

/// The key references of `object`'s pods, checked against the bundle's `objects`.
pub(super) fn object(object: &Object, objects: &[&Object], found: &mut Vec<Lint>) {
    let Some(view) = object.pod() else { return };
    let namespace = object.metadata().namespace.as_deref();
    let mut refs = Vec::new();
    for (container, path) in containers(view.spec, &view.path) {
        env_refs(container, &path, &mut refs);
    }
    for (i, volume) in view.spec.volumes.iter().flatten().enumerate() {
        volume_refs(volume, &view.path.field("volumes").index(i), &mut refs);
    }
    for reference in refs {
        if reference.optional {
            continue;
        }
        let Some(keys) = keys_of(objects, reference.source, namespace, reference.object) else {
            continue;
        };
        if keys.contains(reference.key) {
            continue;
        }
        let kind = reference.source.kind();
        let fix = match suggest::did_you_mean(reference.key, keys.iter().copied()) {
            Some(hint) => format!("{hint} otherwise add the key to the {kind}, or mark the reference optional"),
            None => format!(
                "use one of its keys ({}), add the key to the {kind}, or mark the reference optional",
                listed(keys.iter().copied())
            ),
        };
        found.push(Lint::new(
            reference.source.id(),
            reference.path,
            format!(
                "{kind} {} has no key {}, so the pod cannot start (it waits with `CreateContainerConfigError`); its keys: {}",
                shown(reference.object),
                shown(reference.key),
                listed(keys.iter().copied())
            ),
            fix,
        ));
    }
}

/// The keys of the `source` object `name` in `namespace`, if the bundle holds it.
fn keys_of<'a>(
    objects: &[&'a Object],
    source: Source,
    namespace: Option<&str>,
    name: &str,
) -> Option<BTreeSet<&'a str>> {
    objects.iter().find_map(|o| {
        let meta = o.metadata();
        if meta.name.as_deref() != Some(name) || meta.namespace.as_deref() != namespace {
            return None;
        }
        match (source, o) {
            (Source::ConfigMap, Object::ConfigMap(map)) => Some(
                map.data
                    .iter()
                    .flat_map(|d| d.keys())
                    .chain(map.binary_data.iter().flat_map(|d| d.keys()))
                    .map(String::as_str)
                    .collect(),
            ),
            (Source::Secret, Object::Secret(secret)) => Some(
                secret
                    .data
                    .iter()
                    .flat_map(|d| d.keys())
                    .chain(secret.string_data.iter().flat_map(|d| d.keys()))
                    .map(String::as_str)
                    .collect(),
            ),
            _ => None,
        }
    })
}

/// `env[].valueFrom.configMapKeyRef` and `secretKeyRef`.
fn env_refs<'a>(container: &'a core::Container, path: &FieldPath, refs: &mut Vec<KeyRef<'a>>) {
    for (i, var) in container.env.iter().flatten().enumerate() {
        let Some(from) = &var.value_from else {
            continue;
        };
        let here = path.field("env").index(i).field("valueFrom");
        if let Some(r) = &from.config_map_key_ref {
            refs.push(KeyRef {
                source: Source::ConfigMap,
                object: &r.name,
                key: &r.key,
                optional: r.optional.unwrap_or(false),
                path: here.field("configMapKeyRef").field("key"),
            });
        }
        if let Some(r) = &from.secret_key_ref {
            refs.push(KeyRef {
                source: Source::Secret,
                object: &r.name,
                key: &r.key,
                optional: r.optional.unwrap_or(false),
                path: here.field("secretKeyRef").field("key"),
            });
        }
    }
}

/// `items[].key` of an object's keys mapped to files.
fn items<'a>(
    source: Source,
    object: &'a str,
    optional: Option<bool>,
    items: Option<&'a Vec<core::KeyToPath>>,
    path: &FieldPath,
    refs: &mut Vec<KeyRef<'a>>,
) {
    for (i, item) in items.into_iter().flatten().enumerate() {
        refs.push(KeyRef {
            source,
            object,
            key: &item.key,
            optional: optional.unwrap_or(false),
            path: path.field("items").index(i).field("key"),
        });
    }
}

/// The items of ConfigMap and Secret volumes and of projected volumes' sources.
fn volume_refs<'a>(volume: &'a core::Volume, path: &FieldPath, refs: &mut Vec<KeyRef<'a>>) {
    if let Some(map) = &volume.config_map {
        let here = path.field("configMap");
        items(
            Source::ConfigMap,
            &map.name,
            map.optional,
            map.items.as_ref(),
            &here,
            refs,
        );
    }
    if let Some(secret) = &volume.secret {
        let here = path.field("secret");
        let name = secret.secret_name.as_deref().unwrap_or_default();
        items(
            Source::Secret,
            name,
            secret.optional,
            secret.items.as_ref(),
            &here,
            refs,
        );
    }
    let sources = volume
        .projected
        .iter()
        .flat_map(|p| p.sources.iter().flatten());
    for (i, projection) in sources.enumerate() {
        let here = path.field("projected").field("sources").index(i);
        if let Some(map) = &projection.config_map {
            let at = here.field("configMap");
            items(
                Source::ConfigMap,
                &map.name,
                map.optional,
                map.items.as_ref(),
                &at,
                refs,
            );
        }
        if let Some(secret) = &projection.secret {
            let at = here.field("secret");
            items(
                Source::Secret,
                &secret.name,
                secret.optional,
                secret.items.as_ref(),
                &at,
                refs,
            );
        }
    }
}
