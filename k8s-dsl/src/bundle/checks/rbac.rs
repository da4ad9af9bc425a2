//! The checks of RBAC bindings and ServiceAccounts: the role a binding names and its
//! ServiceAccount subjects exist, a pod's ServiceAccount exists, an account's pull Secrets
//! exist.

use super::{listed, Context};
use crate::bundle::object::{Object, ObjectId};
use crate::bundle::prefixed;
use crate::pod::Reference;
use crate::rules::{shown, suggest};
use crate::validate::rbac::{Text, GROUP};
use crate::validate::{FieldPath, Warning};

/// The ClusterRoles every cluster has (the user-facing ones; `system:` roles are known by
/// their prefix).
pub const BUILT_IN_CLUSTER_ROLES: [&str; 4] = ["cluster-admin", "admin", "edit", "view"];

/// ` in namespace `ns`` (or nothing).
fn in_namespace(namespace: Option<&str>) -> String {
    namespace
        .map(|ns| format!(" in namespace `{ns}`"))
        .unwrap_or_default()
}

impl Context<'_> {
    /// The ServiceAccounts called `name` in `namespace`, or the cluster provides it.
    fn has_account(&self, name: &str, namespace: Option<&str>) -> Result<(), Vec<&str>> {
        // Every namespace has `default`.
        if name == "default" || self.is_provided("ServiceAccount", name) {
            return Ok(());
        }
        let known = self.names_of("ServiceAccount", namespace, false);
        if known.contains(&name) {
            Ok(())
        } else {
            Err(known)
        }
    }

    /// The fix for a ServiceAccount `name` the bundle does not hold.
    fn account_fix(name: &str, known: &[&str]) -> String {
        let tail = format!(
            "add the ServiceAccount to the bundle, or call `.provided_by_cluster(\"ServiceAccount\", \"{name}\")` if the cluster has it"
        );
        match suggest::did_you_mean(name, known.iter().copied()) {
            Some(hint) => format!("{hint} otherwise {tail}"),
            None => tail,
        }
    }

    /// A pod's `serviceAccountName` names a ServiceAccount of the bundle: a warning when not
    /// (the cluster may have it; `default` exists in every namespace).
    pub(super) fn service_account_exists(&mut self, id: &ObjectId, reference: &Reference) {
        let namespace = id.namespace.as_deref();
        let Err(known) = self.has_account(&reference.name, namespace) else {
            return;
        };
        let message = format!(
            "ServiceAccount {} is not in the bundle{}; ServiceAccounts known: {}; {} (the pods are not created while it is missing)",
            shown(&reference.name),
            in_namespace(namespace),
            listed(known.iter().copied()),
            Self::account_fix(&reference.name, &known)
        );
        self.warnings.push(Warning {
            path: prefixed(id, &reference.path),
            message,
        });
    }

    /// A binding's role exists (or is built in, or provided), and so do its ServiceAccount
    /// subjects.
    pub(super) fn binding(&mut self, object: &Object) {
        let id = object.id();
        let (role_ref, subjects) = match object {
            Object::RoleBinding(b) => (&b.role_ref, b.subjects.as_deref()),
            Object::ClusterRoleBinding(b) => (&b.role_ref, b.subjects.as_deref()),
            _ => return,
        };
        let cluster_role = role_ref.kind == "ClusterRole";
        let built_in = cluster_role
            && (BUILT_IN_CLUSTER_ROLES.contains(&role_ref.name.as_str())
                || role_ref.name.starts_with("system:"));
        // A wrong group or kind is the object's own error (rule 70).
        if role_ref.api_group.text() == GROUP
            && (cluster_role || role_ref.kind == "Role")
            && !role_ref.name.is_empty()
            && !built_in
        {
            let reference = Reference {
                name: role_ref.name.clone(),
                path: FieldPath::parse("roleRef.name"),
                optional: false,
            };
            self.require(&id, &role_ref.kind, &reference, cluster_role);
        }
        for (i, subject) in subjects.unwrap_or_default().iter().enumerate() {
            if subject.kind != "ServiceAccount" || subject.name.is_empty() {
                continue;
            }
            let namespace = subject.namespace.as_deref().or(id.namespace.as_deref());
            if let Err(known) = self.has_account(&subject.name, namespace) {
                let path = FieldPath::parse("subjects").index(i).field("name");
                let message = format!(
                    "ServiceAccount {} is not in the bundle{}; ServiceAccounts known: {}",
                    shown(&subject.name),
                    in_namespace(namespace),
                    listed(known.iter().copied())
                );
                let fix = Self::account_fix(&subject.name, &known);
                self.error(&id, &path, message, fix);
            }
        }
    }

    /// The pull Secrets of a ServiceAccount exist.
    pub(super) fn account_secrets(&mut self, object: &Object) {
        let Object::ServiceAccount(account) = object else {
            return;
        };
        let id = object.id();
        let path = FieldPath::parse("imagePullSecrets");
        for (i, secret) in account.image_pull_secrets.iter().flatten().enumerate() {
            let reference = Reference {
                name: secret.name.clone(),
                path: path.index(i).field("name"),
                optional: false,
            };
            self.require(&id, "Secret", &reference, false);
        }
    }
}
