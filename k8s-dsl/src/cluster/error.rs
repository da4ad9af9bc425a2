//! What can go wrong on the way to the cluster.

use std::fmt;

use crate::bundle::ObjectId;
use crate::validate::Errors;

/// A field that another field manager owns, from a refused server-side apply.
///
/// ```
/// use k8s_dsl::cluster::Conflict;
///
/// let conflict = Conflict { field: ".data.mode".into(), manager: "kubectl-edit".into() };
/// assert_eq!(conflict.to_string(), "`.data.mode` is owned by field manager `kubectl-edit`");
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Conflict {
    /// The field, as the server writes it (`.spec.replicas`).
    pub field: String,
    /// The field manager that owns it.
    pub manager: String,
}

impl fmt::Display for Conflict {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "`{}` is owned by field manager `{}`",
            self.field, self.manager
        )
    }
}

/// Why [`diff`](super::diff), [`apply`](super::apply) or
/// [`wait_for_rollouts`](super::wait_for_rollouts) stopped.
///
/// ```
/// use k8s_dsl::cluster::{ClusterError, Conflict};
/// use k8s_dsl::prelude::*;
///
/// let error = ClusterError::Conflict {
///     id: ObjectId { kind: "ConfigMap".into(), namespace: Some("shop".into()), name: "settings".into() },
///     conflicts: vec![Conflict { field: ".data.mode".into(), manager: "ops".into() }],
/// };
/// assert_eq!(
///     error.to_string(),
///     "ConfigMap/shop/settings: conflict: `.data.mode` is owned by field manager `ops`; \
///      apply with force-conflicts to take it over, or leave the field out"
/// );
/// ```
#[derive(Debug)]
pub enum ClusterError {
    /// The bundle has errors: nothing was sent.
    Invalid(Errors),
    /// The server refused a request about an object, or could not be reached.
    Kube {
        /// The object.
        id: ObjectId,
        /// The error.
        source: Box<kube::Error>,
    },
    /// A server-side apply conflicted with fields of other field managers.
    Conflict {
        /// The object.
        id: ObjectId,
        /// Each conflicting field with its manager.
        conflicts: Vec<Conflict>,
    },
    /// The cluster serves no such kind (and the bundle holds no CRD for it).
    UnknownKind {
        /// The object.
        id: ObjectId,
        /// Its `apiVersion`.
        api_version: String,
    },
    /// An object could not be turned into JSON, or the server's answer read back.
    Encode {
        /// The object.
        id: ObjectId,
        /// What went wrong.
        message: String,
    },
    /// Rollouts (or a CRD becoming `Established`) not done within the timeout.
    Timeout {
        /// Each object still waited for, with what it waits for.
        pending: Vec<(ObjectId, String)>,
    },
    /// A Job failed.
    Failed {
        /// The Job.
        id: ObjectId,
        /// Its `Failed` condition's reason and message.
        message: String,
    },
}

impl fmt::Display for ClusterError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ClusterError::Invalid(errors) => write!(f, "the bundle has errors:\n{errors}"),
            ClusterError::Kube { id, source } => match source.as_ref() {
                kube::Error::Api(status) => write!(f, "{id}: {} ({})", status.message, status.code),
                other => write!(f, "{id}: {other}"),
            },
            ClusterError::Conflict { id, conflicts } => {
                let list: Vec<String> = conflicts.iter().map(Conflict::to_string).collect();
                write!(
                    f,
                    "{id}: conflict: {}; apply with force-conflicts to take it over, or leave the field out",
                    list.join(", ")
                )
            }
            ClusterError::UnknownKind { id, api_version } => write!(
                f,
                "{id}: the cluster serves no kind `{}` in `{api_version}`; install its CustomResourceDefinition or add it to the bundle",
                id.kind
            ),
            ClusterError::Encode { id, message } => write!(f, "{id}: {message}"),
            ClusterError::Timeout { pending } => {
                let list: Vec<String> = pending.iter().map(|(id, what)| format!("{id}: {what}")).collect();
                write!(f, "timed out waiting for {}", list.join("; "))
            }
            ClusterError::Failed { id, message } => write!(f, "{id}: failed: {message}"),
        }
    }
}

impl std::error::Error for ClusterError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            ClusterError::Kube { source, .. } => Some(source.as_ref()),
            ClusterError::Invalid(errors) => Some(errors),
            _ => None,
        }
    }
}

/// The error of a request about `id`: a conflict when the server says so.
pub(super) fn from_kube(id: &ObjectId, source: kube::Error) -> ClusterError {
    if let kube::Error::Api(status) = &source {
        if status.code == 409 && status.reason == "Conflict" {
            let conflicts: Vec<Conflict> = status
                .details
                .iter()
                .flat_map(|d| d.causes.iter())
                .filter(|c| c.reason == "FieldManagerConflict")
                .map(|c| Conflict {
                    field: c.field.clone(),
                    manager: manager_of(&c.message),
                })
                .collect();
            if !conflicts.is_empty() {
                return ClusterError::Conflict {
                    id: id.clone(),
                    conflicts,
                };
            }
        }
    }
    ClusterError::Kube {
        id: id.clone(),
        source: Box::new(source),
    }
}

/// The manager named in a cause's message: `conflict with "kubectl-edit" using v1`.
fn manager_of(message: &str) -> String {
    message
        .split('"')
        .nth(1)
        .map_or_else(|| message.to_owned(), str::to_owned)
}
