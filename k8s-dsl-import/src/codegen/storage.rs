//! PersistentVolumeClaim, PersistentVolume and StorageClass.

use serde_json::Value;

use k8s_dsl::prelude::AccessMode;

use super::fields::{enum_code, Chain, Cx, Fields};
use super::meta;
use crate::rust::str_lit;

/// `.access_mode(..)` for each access mode, when every one is known and none repeats.
fn access_modes(spec: &mut Fields, chain: &mut Chain) {
    let Some(modes) = spec.peek("accessModes").and_then(Value::as_array) else {
        return;
    };
    let mut seen = Vec::new();
    for mode in modes {
        let Some(code) = mode
            .as_str()
            .and_then(|m| enum_code::<AccessMode>(m, "AccessMode"))
        else {
            return;
        };
        if seen.contains(&code) {
            return;
        }
        seen.push(code);
    }
    if seen.is_empty() {
        return;
    }
    spec.take("accessModes");
    for code in seen {
        chain.code("access_mode", code);
    }
}

/// `VolumeMode::..` for a volume mode.
fn volume_mode(spec: &mut Fields, chain: &mut Chain) {
    let code = match spec.peek("volumeMode").and_then(Value::as_str) {
        Some("Filesystem") => "VolumeMode::Filesystem",
        Some("Block") => "VolumeMode::Block",
        _ => return,
    };
    spec.take("volumeMode");
    chain.code("volume_mode", code);
}

/// `ReclaimPolicy::..` for a reclaim policy field `key`.
fn reclaim_policy(fields: &mut Fields, key: &str, chain: &mut Chain) {
    let code = match fields.peek(key).and_then(Value::as_str) {
        Some("Retain") => "ReclaimPolicy::Retain",
        Some("Delete") => "ReclaimPolicy::Delete",
        Some("Recycle") => "ReclaimPolicy::Recycle",
        _ => return,
    };
    fields.take(key);
    chain.code("reclaim_policy", code);
}

/// `.storage(..)`: the `storage` of a map field `key` (`resources.requests`, `capacity`).
fn storage_of(map: Option<&mut Fields>, chain: &mut Chain, method: &str) {
    if let Some(size) = map.and_then(|m| m.quantity("storage")) {
        chain.code(method, size);
    }
}

/// `PersistentVolumeClaim::new(name)...`.
pub(crate) fn claim(name: &str, mut metadata: Fields, object: &mut Fields, cx: &mut Cx) -> Chain {
    let mut chain = Chain::new(format!("PersistentVolumeClaim::new({})", str_lit(name)));
    meta::meta(&mut metadata, &mut chain, true);
    metadata.finish(cx);
    let Some(mut spec) = object.obj("spec") else {
        return chain;
    };
    access_modes(&mut spec, &mut chain);
    let mut resources = spec.obj("resources");
    let mut requests = resources.as_mut().and_then(|r| r.obj("requests"));
    storage_of(requests.as_mut(), &mut chain, "storage");
    if let Some(class) = spec.str("storageClassName") {
        chain.text("storage_class", &class);
    }
    volume_mode(&mut spec, &mut chain);
    if let Some(volume) = spec.str("volumeName") {
        chain.text("volume_name", &volume);
    }
    let labels_only = spec
        .peek("selector")
        .and_then(Value::as_object)
        .is_some_and(|s| s.len() == 1 && s.contains_key("matchLabels"));
    if labels_only {
        if let Some(mut selector) = spec.obj("selector") {
            for (key, value) in selector.string_map("matchLabels").unwrap_or_default() {
                chain.pair("select", &key, &value);
            }
            selector.finish(cx);
        }
    }
    if let Some(requests) = requests {
        requests.finish(cx);
    }
    if let Some(resources) = resources {
        resources.finish(cx);
    }
    spec.finish(cx);
    chain
}

/// The constructor of a volume with one of the common sources, and the source's fields it takes.
fn volume_head(name: &str, spec: &Fields) -> Option<(String, &'static str, Vec<&'static str>)> {
    let name = str_lit(name);
    let text = |source: &str, key: &str| {
        spec.peek(source)
            .and_then(|s| s.get(key))
            .and_then(Value::as_str)
            .map(str_lit)
    };
    if spec.has("hostPath") {
        let path = text("hostPath", "path")?;
        return Some((
            format!("PersistentVolume::host_path({name}, {path})"),
            "hostPath",
            vec!["path"],
        ));
    }
    if spec.has("nfs") {
        let (server, path) = (text("nfs", "server")?, text("nfs", "path")?);
        return Some((
            format!("PersistentVolume::nfs({name}, {server}, {path})"),
            "nfs",
            vec!["server", "path"],
        ));
    }
    if spec.has("csi") {
        let (driver, handle) = (text("csi", "driver")?, text("csi", "volumeHandle")?);
        return Some((
            format!("PersistentVolume::csi({name}, {driver}, {handle})"),
            "csi",
            vec!["driver", "volumeHandle"],
        ));
    }
    if spec.has("local") {
        let path = text("local", "path")?;
        let node = spec
            .peek("nodeAffinity")
            .and_then(|a| a.pointer("/required/nodeSelectorTerms/0/matchExpressions/0/values/0"))
            .and_then(Value::as_str)
            .map(str_lit)?;
        return Some((
            format!("PersistentVolume::local({name}, {path}, {node})"),
            "local",
            vec!["path"],
        ));
    }
    None
}

/// The node affinity `PersistentVolume::local` writes for `node`.
fn local_affinity(node: &Value) -> Value {
    serde_json::json!({
        "required": {"nodeSelectorTerms": [{"matchExpressions": [
            {"key": "kubernetes.io/hostname", "operator": "In", "values": [node]}
        ]}]}
    })
}

/// `PersistentVolume::<source>(name, ..)...`, or `None` for a source without a constructor.
pub(crate) fn volume(
    name: &str,
    mut metadata: Fields,
    object: &mut Fields,
    cx: &mut Cx,
) -> Option<Chain> {
    let mut spec = object.obj("spec")?;
    let Some((head, source, taken)) = volume_head(name, &spec) else {
        object.put("spec", spec.into_value());
        return None;
    };
    let mut chain = Chain::new(head);
    meta::meta(&mut metadata, &mut chain, false);
    metadata.finish(cx);
    if let Some(mut fields) = spec.obj(source) {
        for key in taken {
            fields.take(key);
        }
        fields.finish(cx);
    }
    if source == "local" {
        // The builder writes this node affinity; any other stays as it is.
        let node = spec
            .peek("nodeAffinity")
            .and_then(|a| a.pointer("/required/nodeSelectorTerms/0/matchExpressions/0/values/0"))
            .cloned()
            .unwrap_or_default();
        if spec.peek("nodeAffinity") == Some(&local_affinity(&node)) {
            spec.take("nodeAffinity");
        }
    }
    let mut capacity = spec.obj("capacity");
    storage_of(capacity.as_mut(), &mut chain, "capacity");
    if let Some(capacity) = capacity {
        capacity.finish(cx);
    }
    access_modes(&mut spec, &mut chain);
    reclaim_policy(&mut spec, "persistentVolumeReclaimPolicy", &mut chain);
    if let Some(class) = spec.str("storageClassName") {
        chain.text("storage_class", &class);
    }
    volume_mode(&mut spec, &mut chain);
    for option in spec.strings("mountOptions").unwrap_or_default() {
        chain.text("mount_option", &option);
    }
    spec.finish(cx);
    Some(chain)
}

/// `StorageClass::new(name, provisioner)...`.
pub(crate) fn storage_class(
    name: &str,
    mut metadata: Fields,
    object: &mut Fields,
    cx: &mut Cx,
) -> Chain {
    let provisioner = object.str("provisioner").unwrap_or_default();
    let mut chain = Chain::new(format!(
        "StorageClass::new({}, {})",
        str_lit(name),
        str_lit(&provisioner)
    ));
    meta::meta(&mut metadata, &mut chain, false);
    metadata.finish(cx);
    for (key, value) in object.string_map("parameters").unwrap_or_default() {
        chain.pair("parameter", &key, &value);
    }
    reclaim_policy(object, "reclaimPolicy", &mut chain);
    let mode = match object.peek("volumeBindingMode").and_then(Value::as_str) {
        Some("Immediate") => Some("VolumeBindingMode::Immediate"),
        Some("WaitForFirstConsumer") => Some("VolumeBindingMode::WaitForFirstConsumer"),
        _ => None,
    };
    if let Some(mode) = mode {
        object.take("volumeBindingMode");
        chain.code("binding_mode", mode);
    }
    if let Some(allow) = object.bool("allowVolumeExpansion") {
        chain.code("allow_volume_expansion", allow.to_string());
    }
    for option in object.strings("mountOptions").unwrap_or_default() {
        chain.text("mount_option", &option);
    }
    chain
}
