//! From a bundle's object to a request: its resource (found with discovery, one group-version
//! at a time), its namespace, and its body with the ownership label.

use std::collections::{BTreeSet, HashMap};

use kube::api::{Api, DynamicObject};
use kube::core::{ApiResource, GroupVersionKind};
use kube::discovery::{self, Scope};
use kube::Client;
use serde_json::Value;

use super::error::ClusterError;
use super::{ApplyOptions, OWNER_LABEL};
use crate::bundle::{Bundle, Object, ObjectId};

/// One object, ready to send.
pub(super) struct Target {
    /// Kind, namespace (the client's default for a namespaced object without one) and name.
    pub id: ObjectId,
    /// Its resource, or `None` while the cluster does not serve its kind yet (its CRD is in the
    /// bundle and not applied yet).
    pub resource: Option<Resource>,
    /// The object as JSON, with the ownership label and the namespace.
    pub body: Value,
    /// Whether it is a CustomResourceDefinition.
    pub is_crd: bool,
}

/// A resource the cluster serves.
#[derive(Clone)]
pub(super) struct Resource {
    pub api: ApiResource,
    pub namespaced: bool,
}

impl Target {
    /// The API for this object's resource (in its namespace).
    pub fn api(&self, client: &Client) -> Option<Api<DynamicObject>> {
        let resource = self.resource.as_ref()?;
        Some(api_for(client, resource, self.id.namespace.as_deref()))
    }
}

/// The API of `resource`, in `namespace` when it is namespaced.
pub(super) fn api_for(
    client: &Client,
    resource: &Resource,
    namespace: Option<&str>,
) -> Api<DynamicObject> {
    match (resource.namespaced, namespace) {
        (true, Some(namespace)) => Api::namespaced_with(client.clone(), namespace, &resource.api),
        (true, None) => Api::default_namespaced_with(client.clone(), &resource.api),
        (false, _) => Api::all_with(client.clone(), &resource.api),
    }
}

/// Resolves kinds with discovery, once per kind.
pub(super) struct Resolver {
    client: Client,
    known: HashMap<(String, String), Option<Resource>>,
}

impl Resolver {
    pub fn new(client: &Client) -> Self {
        Resolver {
            client: client.clone(),
            known: HashMap::new(),
        }
    }

    /// The resource of `kind` in `api_version`, or `None` when the cluster serves none.
    pub async fn resource(
        &mut self,
        id: &ObjectId,
        api_version: &str,
        kind: &str,
    ) -> Result<Option<Resource>, ClusterError> {
        let key = (api_version.to_owned(), kind.to_owned());
        if let Some(Some(known)) = self.known.get(&key) {
            return Ok(Some(known.clone()));
        }
        let (group, version) = match api_version.split_once('/') {
            Some((group, version)) => (group, version),
            None => ("", api_version),
        };
        let gvk = GroupVersionKind::gvk(group, version, kind);
        let found = match discovery::pinned_kind(&self.client, &gvk).await {
            Ok((api, capabilities)) => Some(Resource {
                api,
                namespaced: capabilities.scope == Scope::Namespaced,
            }),
            // Discovery answers 404 for a group-version it does not serve, and an error
            // naming the kind for a kind it does not serve in a group-version it does.
            Err(kube::Error::Api(status)) if status.code == 404 => None,
            Err(kube::Error::Discovery(_)) => None,
            Err(source) => {
                return Err(ClusterError::Kube {
                    id: id.clone(),
                    source: Box::new(source),
                })
            }
        };
        self.known.insert(key, found.clone());
        Ok(found)
    }

    /// Forgets kinds the cluster did not serve (after a CRD is established).
    pub fn forget_unknown(&mut self) {
        self.known.retain(|_, resource| resource.is_some());
    }

    /// Every object of the bundle, in apply order, as a target.
    pub async fn targets(
        &mut self,
        bundle: &Bundle,
        options: &ApplyOptions,
    ) -> Result<Vec<Target>, ClusterError> {
        let crds = crd_kinds(bundle);
        let mut out = Vec::new();
        for object in bundle.objects() {
            out.push(self.target(object, options, &crds).await?);
        }
        Ok(out)
    }

    /// One object as a target.
    pub async fn target(
        &mut self,
        object: &Object,
        options: &ApplyOptions,
        crds: &BTreeSet<(String, String)>,
    ) -> Result<Target, ClusterError> {
        let mut id = object.id();
        let mut body = serde_json::to_value(object).map_err(|e| ClusterError::Encode {
            id: id.clone(),
            message: e.to_string(),
        })?;
        let api_version = body
            .get("apiVersion")
            .and_then(Value::as_str)
            .unwrap_or_default()
            .to_owned();
        let resource = self.resource(&id, &api_version, &id.kind).await?;
        let group = api_version.split_once('/').map_or("", |(group, _)| group);
        if resource.is_none() && !crds.contains(&(group.to_owned(), id.kind.clone())) {
            return Err(ClusterError::UnknownKind { id, api_version });
        }
        // A kind from a CRD of the bundle: namespaced unless the CRD says otherwise.
        let namespaced = resource.as_ref().is_none_or(|r| r.namespaced);
        if namespaced && id.namespace.is_none() {
            id.namespace = Some(self.client.default_namespace().to_owned());
        }
        if let Some(metadata) = body.get_mut("metadata").and_then(Value::as_object_mut) {
            if namespaced {
                if let Some(namespace) = &id.namespace {
                    metadata.insert("namespace".into(), Value::String(namespace.clone()));
                }
            }
            let labels = metadata
                .entry("labels")
                .or_insert_with(|| Value::Object(serde_json::Map::new()));
            if let Some(labels) = labels.as_object_mut() {
                labels.insert(OWNER_LABEL.into(), Value::String(options.owner.clone()));
            }
        }
        Ok(Target {
            is_crd: id.kind == "CustomResourceDefinition",
            id,
            resource,
            body,
        })
    }
}

/// The (group, kind) of each custom resource that a CRD of the bundle defines.
pub(super) fn crd_kinds(bundle: &Bundle) -> BTreeSet<(String, String)> {
    bundle
        .objects()
        .into_iter()
        .filter_map(|object| match object {
            Object::Custom(custom) if custom.kind == "CustomResourceDefinition" => {
                let spec = custom.fields.get("spec")?;
                let group = spec.get("group")?.as_str()?;
                let kind = spec.get("names")?.get("kind")?.as_str()?;
                Some((group.to_owned(), kind.to_owned()))
            }
            _ => None,
        })
        .collect()
}

/// The annotation of client-side apply.
const LAST_APPLIED: &str = "kubectl.kubernetes.io/last-applied-configuration";

/// The object as the diff shows it: without managed fields, status and the fields the server
/// sets on every object.
pub(super) fn cleaned(mut value: Value) -> Value {
    if let Some(object) = value.as_object_mut() {
        object.remove("status");
        let secret = object.get("kind").and_then(Value::as_str) == Some("Secret");
        if let Some(metadata) = object.get_mut("metadata").and_then(Value::as_object_mut) {
            for field in [
                "managedFields",
                "resourceVersion",
                "uid",
                "creationTimestamp",
                "generation",
                "selfLink",
            ] {
                metadata.remove(field);
            }
            // A Secret once applied with client-side apply holds its values in this annotation.
            if secret {
                if let Some(annotations) = metadata
                    .get_mut("annotations")
                    .and_then(Value::as_object_mut)
                {
                    annotations.remove(LAST_APPLIED);
                    if annotations.is_empty() {
                        metadata.remove("annotations");
                    }
                }
            }
        }
    }
    value
}
