//! Pod volumes: the builder's kinds, and `Volume::from_k8s` for the others.

use serde_json::Value;

use k8s_dsl::prelude::{ImagePullPolicy, StorageMedium};

use super::fields::{Arg, Chain, Cx, Fields};
use crate::rust::str_lit;

/// The volume as builder code, or through `Volume::from_k8s` for a source without a builder.
pub(crate) fn volume(v: Fields, cx: &mut Cx) -> Chain {
    let original = v.clone_value();
    let path = v.path().clone();
    let mark = cx.mark();
    match typed_volume(v, cx) {
        Some(chain) => chain,
        None => {
            cx.rollback(mark);
            cx.note(&path, "kept with `Volume::from_k8s`");
            Chain::new(format!(
                "Volume::from_k8s(serde_json::from_value(serde_json::json!({}))?)",
                crate::rust::json_lit(&original, 4)
            ))
        }
    }
}

fn typed_volume(mut v: Fields, cx: &mut Cx) -> Option<Chain> {
    let name = v.str("name")?;
    let name_lit = str_lit(&name);
    let chain = if let Some(mut e) = v.obj("emptyDir") {
        let mut chain = Chain::new(format!("Volume::empty_dir({name_lit})"));
        if let Some(medium) = e.enumeration::<StorageMedium>("medium", "StorageMedium") {
            chain.code("medium", medium);
        }
        if let Some(limit) = e.quantity("sizeLimit") {
            chain.code("size_limit", limit);
        }
        e.finish(cx);
        chain
    } else if let Some(mut c) = v.obj("configMap") {
        let object = c.str("name")?;
        let mut chain = Chain::new(format!(
            "Volume::config_map({name_lit}, {})",
            str_lit(&object)
        ));
        key_files(&mut c, &mut chain)?;
        c.finish(cx);
        chain
    } else if let Some(mut s) = v.obj("secret") {
        let object = s.str("secretName")?;
        let mut chain = Chain::new(format!("Volume::secret({name_lit}, {})", str_lit(&object)));
        key_files(&mut s, &mut chain)?;
        s.finish(cx);
        chain
    } else if let Some(mut p) = v.obj("persistentVolumeClaim") {
        let claim = p.str("claimName")?;
        let mut chain = Chain::new(format!(
            "Volume::persistent_volume_claim({name_lit}, {})",
            str_lit(&claim)
        ));
        if p.flag("readOnly") {
            chain.call("read_only", Vec::new());
        }
        p.finish(cx);
        chain
    } else if let Some(mut d) = v.obj("downwardAPI") {
        let mut chain = Chain::new(format!("Volume::downward_api({name_lit})"));
        for item in d.list("items")? {
            downward_item(&item, &mut chain, true)?;
        }
        if let Some(mode) = d.i32("defaultMode") {
            chain.code("default_mode", mode_code(mode));
        }
        d.finish(cx);
        chain
    } else if let Some(mut p) = v.obj("projected") {
        let mut chain = Chain::new(format!("Volume::projected({name_lit})"));
        let sources = p.list("sources")?;
        // The builder writes consecutive downward API files as one source.
        let downward = |s: &Value| s.get("downwardAPI").is_some();
        if sources.windows(2).any(|pair| pair.iter().all(downward)) {
            return None;
        }
        for source in sources {
            projection(&source, &mut chain)?;
        }
        if let Some(mode) = p.i32("defaultMode") {
            chain.code("default_mode", mode_code(mode));
        }
        p.finish(cx);
        chain
    } else if let Some(mut n) = v.obj("nfs") {
        let server = n.str("server")?;
        let export = n.str("path")?;
        let mut chain = Chain::new(format!(
            "Volume::nfs({name_lit}, {}, {})",
            str_lit(&server),
            str_lit(&export)
        ));
        if n.flag("readOnly") {
            chain.call("read_only", Vec::new());
        }
        n.finish(cx);
        chain
    } else if let Some(mut c) = v.obj("csi") {
        let driver = c.str("driver")?;
        let mut chain = Chain::new(format!("Volume::csi({name_lit}, {})", str_lit(&driver)));
        if c.flag("readOnly") {
            chain.call("read_only", Vec::new());
        }
        if let Some(fs_type) = c.str("fsType") {
            chain.text("fs_type", &fs_type);
        }
        for (key, value) in c.string_map("volumeAttributes").unwrap_or_default() {
            chain.pair("attribute", &key, &value);
        }
        let secret = c
            .peek("nodePublishSecretRef")
            .and_then(Value::as_object)
            .filter(|r| r.len() == 1)
            .and_then(|r| r.get("name"))
            .and_then(Value::as_str)
            .map(str::to_owned);
        if let Some(secret) = secret {
            c.take("nodePublishSecretRef");
            chain.text("node_publish_secret", &secret);
        }
        c.finish(cx);
        chain
    } else if let Some(mut i) = v.obj("image") {
        let reference = i.str("reference")?;
        let mut chain = Chain::new(format!(
            "Volume::image({name_lit}, {})",
            str_lit(&reference)
        ));
        if let Some(policy) = i.enumeration::<ImagePullPolicy>("pullPolicy", "ImagePullPolicy") {
            chain.code("pull_policy", policy);
        }
        i.finish(cx);
        chain
    } else if let Some(e) = v.peek("ephemeral").cloned() {
        let chain = ephemeral(&name_lit, &e)?;
        v.take("ephemeral");
        chain
    } else if let Some(mut h) = v.obj("hostPath") {
        let host = h.str("path")?;
        let mut chain = Chain::new(format!("Volume::host_path({name_lit}, {})", str_lit(&host)));
        if let Some(kind) = h.str("type") {
            chain.text("kind", &kind);
        }
        h.finish(cx);
        chain
    } else {
        return None;
    };
    // Another source next to the one written would be two sources: not expressible.
    if v.len() > 0 {
        return None;
    }
    Some(chain)
}

/// A file mode: octal when it reads better (`0o644`).
fn mode_code(mode: i32) -> String {
    format!("0o{mode:o}")
}

/// `items`, `defaultMode` and `optional` of a ConfigMap or Secret volume.
fn key_files(f: &mut Fields, chain: &mut Chain) -> Option<()> {
    if let Some(items) = f.list("items") {
        for (key, path) in key_paths(&items)? {
            chain.pair("item", &key, &path);
        }
    }
    if let Some(mode) = f.i32("defaultMode") {
        chain.code("default_mode", mode_code(mode));
    }
    if f.flag("optional") {
        chain.call("optional", Vec::new());
    }
    Some(())
}

/// `[{key, path}]` items (no `mode`), or `None`.
fn key_paths(items: &[Value]) -> Option<Vec<(String, String)>> {
    items
        .iter()
        .map(|item| {
            let map = item.as_object().filter(|m| m.len() == 2)?;
            Some((
                map.get("key")?.as_str()?.to_owned(),
                map.get("path")?.as_str()?.to_owned(),
            ))
        })
        .collect()
}

/// One downward API item: a field (or, in volumes, a container's resource).
fn downward_item(item: &Value, chain: &mut Chain, resources: bool) -> Option<()> {
    let map = item.as_object().filter(|m| m.len() == 2)?;
    let path = map.get("path")?.as_str()?;
    if let Some(field) = map.get("fieldRef").and_then(Value::as_object) {
        let field_path = field.get("fieldPath")?.as_str()?;
        (field.len() == 1).then_some(())?;
        chain.pair("field_item", path, field_path);
        return Some(());
    }
    let resource = map.get("resourceFieldRef").and_then(Value::as_object)?;
    (resources && resource.len() == 2).then_some(())?;
    let container = resource.get("containerName")?.as_str()?;
    let name = resource.get("resource")?.as_str()?;
    chain.call(
        "resource_item",
        vec![
            Arg::Code(str_lit(path)),
            Arg::Code(str_lit(container)),
            Arg::Code(str_lit(name)),
        ],
    );
    Some(())
}

/// One source of a projected volume.
fn projection(source: &Value, chain: &mut Chain) -> Option<()> {
    let map = source.as_object().filter(|m| m.len() == 1)?;
    let (kind, body) = map.iter().next()?;
    let body = body.as_object()?;
    match kind.as_str() {
        "configMap" | "secret" => {
            let name = body.get("name")?.as_str()?;
            // `items: []` would be written as no `items`.
            let items = match body.get("items") {
                Some(items) => key_paths(items.as_array().filter(|i| !i.is_empty())?)?,
                None => Vec::new(),
            };
            (body.len() == 1 + usize::from(body.contains_key("items"))).then_some(())?;
            let method = if kind == "configMap" {
                "config_map"
            } else {
                "secret"
            };
            if items.is_empty() {
                chain.text(method, name);
            } else {
                let pairs: Vec<String> = items
                    .iter()
                    .map(|(k, p)| format!("({}, {})", str_lit(k), str_lit(p)))
                    .collect();
                chain.call(
                    &format!("{method}_items"),
                    vec![
                        Arg::Code(str_lit(name)),
                        Arg::Code(format!("[{}]", pairs.join(", "))),
                    ],
                );
            }
        }
        "downwardAPI" => {
            (body.len() == 1).then_some(())?;
            let items = body.get("items")?.as_array().filter(|i| !i.is_empty())?;
            for item in items {
                downward_item(item, chain, true)?;
            }
        }
        "serviceAccountToken" => {
            let path = body.get("path")?.as_str()?;
            let mut token = Chain::new(format!("ServiceAccountToken::new({})", str_lit(path)));
            let mut known = 1;
            if let Some(audience) = body.get("audience") {
                token.text("audience", audience.as_str()?);
                known += 1;
            }
            if let Some(seconds) = body.get("expirationSeconds") {
                token.code(
                    "expiration",
                    super::fields::duration_code(seconds.as_i64()?)?,
                );
                known += 1;
            }
            (body.len() == known).then_some(())?;
            chain.chain("service_account_token", token);
        }
        _ => return None,
    }
    Some(())
}

/// An ephemeral volume whose claim the builder writes exactly: access modes, a `storage`
/// request, and optionally a class and labels.
fn ephemeral(name_lit: &str, source: &Value) -> Option<Chain> {
    use k8s_dsl::prelude::AccessMode;
    let source = source.as_object().filter(|s| s.len() == 1)?;
    let template = source.get("volumeClaimTemplate")?.as_object()?;
    let spec = template.get("spec")?.as_object()?;
    let mut known = 0;
    let modes: Vec<String> = spec
        .get("accessModes")?
        .as_array()?
        .iter()
        .map(|m| super::fields::enum_code::<AccessMode>(m.as_str()?, "AccessMode"))
        .collect::<Option<_>>()?;
    let (first, rest) = modes.split_first()?;
    known += 1;
    let resources = spec
        .get("resources")?
        .as_object()
        .filter(|r| r.len() == 1)?;
    let requests = resources
        .get("requests")?
        .as_object()
        .filter(|r| r.len() == 1)?;
    let size = requests.get("storage")?.as_str()?;
    known += 1;
    let mut chain = Chain::new(format!(
        "Volume::ephemeral({name_lit}, {first}, {})",
        str_lit(size)
    ));
    for mode in rest {
        chain.code("access_mode", mode.clone());
    }
    if let Some(class) = spec.get("storageClassName") {
        chain.text("storage_class", class.as_str()?);
        known += 1;
    }
    (spec.len() == known).then_some(())?;
    let mut template_known = 1;
    if let Some(metadata) = template.get("metadata") {
        let metadata = metadata.as_object().filter(|m| m.len() == 1)?;
        let labels = metadata
            .get("labels")?
            .as_object()
            .filter(|l| !l.is_empty())?;
        for (key, value) in labels {
            chain.pair("label", key, value.as_str()?);
        }
        template_known += 1;
    }
    (template.len() == template_known).then_some(())?;
    Some(chain)
}
