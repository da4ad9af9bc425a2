//! The namespaces objects are in exist, when the bundle manages namespaces.

use std::collections::BTreeSet;

use super::{listed, Context};
use crate::bundle::prefixed;
use crate::rules::{shown, suggest};
use crate::validate::{FieldPath, Warning};

impl Context<'_> {
    /// Once the bundle holds a Namespace, each namespace its objects are in should be one of
    /// them, or be provided by the cluster: a warning (once per namespace) when not. A bundle
    /// without Namespaces leaves them to the cluster.
    pub(super) fn namespaces_exist(&mut self) {
        let declared: BTreeSet<&str> = self
            .objects
            .iter()
            .filter(|o| o.kind() == "Namespace")
            .filter_map(|o| o.metadata().name.as_deref())
            .collect();
        if declared.is_empty() {
            return;
        }
        let mut warned = BTreeSet::new();
        for object in self.objects {
            let Some(namespace) = object.metadata().namespace.as_deref() else {
                continue;
            };
            if declared.contains(namespace)
                || self.is_provided("Namespace", namespace)
                || !warned.insert(namespace)
            {
                continue;
            }
            let hint = suggest::did_you_mean(namespace, declared.iter().copied())
                .map(|h| format!("{h} otherwise "))
                .unwrap_or_default();
            self.warnings.push(Warning {
                path: prefixed(&object.id(), &FieldPath::parse("metadata.namespace")),
                message: format!(
                    "Namespace {} is not in the bundle; Namespaces known: {}; {hint}add it, or call `.provided_by_cluster(\"Namespace\", \"{namespace}\")` if the cluster has it",
                    shown(namespace),
                    listed(declared.iter().copied())
                ),
            });
        }
    }
}
