//! The test API server: connection, discovery, namespaces and server-side dry run.

use std::collections::BTreeMap;

use kube::api::{Api, PostParams};
use kube::core::{ApiResource, GroupVersionKind};
use kube::discovery::{Discovery, Scope};
use kube::Client;
use serde_json::{json, Value};

use crate::Error;

/// The field manager of every request of these tests.
pub const FIELD_MANAGER: &str = "k8s-dsl-conformance";

/// A connection to the test server, with its discovery of every group and kind.
pub struct Server {
    client: Client,
    discovery: Discovery,
}

/// The server's answer to one dry-run create.
#[derive(Debug, Clone, Default)]
pub struct Verdict {
    /// The HTTP status (201 when accepted, 422 invalid, 403 forbidden by admission, ...).
    pub code: u16,
    /// The `Status` message when refused.
    pub message: String,
    /// The `Status` reason when refused (`Invalid`, `Forbidden`, `BadRequest`, ...).
    pub reason: String,
    /// `status.details.causes[]`: field path and message of each cause.
    pub causes: Vec<Cause>,
    /// The `Warning` headers of the response (admission and deprecation warnings).
    pub warnings: Vec<String>,
}

/// One cause of a refusal (`status.details.causes[]`).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Cause {
    /// `field`: the field path as the server writes it (`spec.containers[0].name`).
    pub field: String,
    /// `reason`: `FieldValueInvalid`, `FieldValueRequired`, ...
    pub reason: String,
    /// `message`.
    pub message: String,
}

impl Verdict {
    /// Whether the server accepted the object (a 2xx answer).
    pub fn accepted(&self) -> bool {
        (200..300).contains(&self.code)
    }

    /// Whether Pod Security admission refused it (403 naming `PodSecurity`).
    pub fn refused_by_pod_security(&self) -> bool {
        self.code == 403 && self.message.contains("PodSecurity")
    }
}

/// Where the server keeps one kind: its resource and whether it is namespaced.
#[derive(Debug, Clone)]
pub struct Resource {
    /// Group, version, plural...
    pub api: ApiResource,
    /// Namespaced (true) or cluster-scoped.
    pub namespaced: bool,
}

impl Resource {
    /// The collection's URL path (`/api/v1/namespaces/NS/pods`, `/apis/apps/v1/deployments`).
    pub fn collection_path(&self, namespace: &str) -> String {
        let base = if self.api.group.is_empty() {
            format!("/api/{}", self.api.version)
        } else {
            format!("/apis/{}/{}", self.api.group, self.api.version)
        };
        if self.namespaced {
            format!("{base}/namespaces/{namespace}/{}", self.api.plural)
        } else {
            format!("{base}/{}", self.api.plural)
        }
    }
}

impl Server {
    /// Connects with the `KUBECONFIG` of `scripts/apiserver` and discovers every kind.
    pub async fn connect() -> Result<Self, Error> {
        if std::env::var_os("KUBECONFIG").is_none() {
            return Err(
                "KUBECONFIG is not set: start the test server with scripts/apiserver \
                        (bash scripts/apiserver run PROGRAM ARGS)"
                    .into(),
            );
        }
        let client = Client::try_default()
            .await
            .map_err(|e| format!("cannot connect to the test server (KUBECONFIG): {e}"))?;
        let discovery = Discovery::new(client.clone())
            .run()
            .await
            .map_err(|e| format!("discovery failed: {e}"))?;
        Ok(Server { client, discovery })
    }

    /// The kube-rs client.
    pub fn client(&self) -> Client {
        self.client.clone()
    }

    /// The resource of `apiVersion` and `kind`, if the server serves it.
    pub fn resolve(&self, api_version: &str, kind: &str) -> Option<Resource> {
        let (group, version) = match api_version.split_once('/') {
            Some((group, version)) => (group, version),
            None => ("", api_version),
        };
        let gvk = GroupVersionKind::gvk(group, version, kind);
        self.discovery
            .resolve_gvk(&gvk)
            .map(|(api, capabilities)| Resource {
                api,
                namespaced: capabilities.scope == Scope::Namespaced,
            })
    }

    /// Creates the namespace `name` with `labels` (for real, not a dry run); one that exists
    /// already is fine.
    pub async fn create_namespace(
        &self,
        name: &str,
        labels: &BTreeMap<String, String>,
    ) -> Result<(), Error> {
        let namespaces: Api<k8s_openapi::api::core::v1::Namespace> = Api::all(self.client());
        let namespace = serde_json::from_value(json!({
            "apiVersion": "v1",
            "kind": "Namespace",
            "metadata": { "name": name, "labels": labels },
        }))?;
        match namespaces.create(&PostParams::default(), &namespace).await {
            Ok(_) => Ok(()),
            Err(kube::Error::Api(status)) if status.code == 409 => Ok(()),
            Err(e) => Err(format!("cannot create namespace {name}: {e}").into()),
        }
    }

    /// Sends `object` with a dry-run create (`dryRun=All`, `fieldValidation=Strict`) into
    /// `namespace` (which replaces the object's own namespace, if it is namespaced). `None`
    /// when the server does not serve the object's kind (a custom resource without its CRD).
    pub async fn dry_run(&self, object: &Value, namespace: &str) -> Result<Option<Verdict>, Error> {
        let api_version = object
            .get("apiVersion")
            .and_then(Value::as_str)
            .unwrap_or("");
        let kind = object.get("kind").and_then(Value::as_str).unwrap_or("");
        let Some(resource) = self.resolve(api_version, kind) else {
            return Ok(None);
        };
        let mut object = object.clone();
        if resource.namespaced {
            if let Some(metadata) = object.get_mut("metadata").and_then(Value::as_object_mut) {
                metadata.insert("namespace".into(), Value::String(namespace.into()));
            }
        }
        let uri = format!(
            "{}?dryRun=All&fieldValidation=Strict&fieldManager={FIELD_MANAGER}",
            resource.collection_path(namespace)
        );
        let body = serde_json::to_vec(&object)?;
        let request = http::Request::post(uri)
            .header(http::header::CONTENT_TYPE, "application/json")
            .header(http::header::ACCEPT, "application/json")
            .body(kube::client::Body::from(body))?;
        let response = self.client.send(request).await?;
        let code = response.status().as_u16();
        let warnings = response
            .headers()
            .get_all("warning")
            .iter()
            .filter_map(|v| v.to_str().ok())
            .map(warning_text)
            .collect();
        let bytes = response.into_body().collect_bytes().await?;
        let mut verdict = Verdict {
            code,
            warnings,
            ..Verdict::default()
        };
        if !verdict.accepted() {
            let status: Value = serde_json::from_slice(&bytes).unwrap_or_else(
                |_| json!({ "message": String::from_utf8_lossy(&bytes).into_owned() }),
            );
            verdict.message = text(&status, "/message");
            verdict.reason = text(&status, "/reason");
            if let Some(causes) = status.pointer("/details/causes").and_then(Value::as_array) {
                verdict.causes = causes
                    .iter()
                    .map(|c| Cause {
                        field: text(c, "/field"),
                        reason: text(c, "/reason"),
                        message: text(c, "/message"),
                    })
                    .collect();
            }
        }
        Ok(Some(verdict))
    }
}

fn text(value: &Value, pointer: &str) -> String {
    value
        .pointer(pointer)
        .and_then(Value::as_str)
        .unwrap_or("")
        .to_owned()
}

/// The text of a `Warning` header: `299 - "text"` gives `text`.
fn warning_text(header: &str) -> String {
    let rest = header
        .strip_prefix("299 - ")
        .or_else(|| header.strip_prefix("299 "))
        .unwrap_or(header);
    rest.strip_prefix('"')
        .and_then(|r| r.strip_suffix('"'))
        .unwrap_or(rest)
        .replace("\\\"", "\"")
}
