//! [`ServiceAccount`]: the identity pods run as, with the registry Secrets its pods pull with.
//!
//! ```
//! use k8s_dsl::prelude::*;
//!
//! let account = ServiceAccount::new("web")
//!     .namespace("shop")
//!     .image_pull_secret("registry-token")
//!     .automount_token(false);
//! // A pod runs as it, and a binding grants it a role, from the same value:
//! let pod = Pod::new("web")
//!     .namespace("shop")
//!     .service_account_name(account.name())
//!     .container(Container::new("web").image("nginx:1.27"));
//! let binding = RoleBinding::new("web-view").namespace("shop").cluster_role("view")
//!     .subject(Subject::service_account(&account));
//! let bundle = Bundle::new()
//!     .add(account)
//!     .add(pod)
//!     .add(binding)
//!     .provided_by_cluster("Secret", "registry-token"); // `view` is built in
//! assert!(bundle.check().is_ok());
//! ```

use k8s_openapi::api::core::v1 as core;

use crate::meta::Meta;
use crate::validate::{Errors, Warning};
use crate::workload::meta_methods;

/// A ServiceAccount.
///
/// ```
/// use k8s_dsl::prelude::*;
///
/// let account = ServiceAccount::new("robot").automount_token(false).build()?;
/// assert_eq!(account.automount_service_account_token, Some(false));
///
/// let errors = ServiceAccount::new("Robot").build().unwrap_err();
/// assert!(errors.iter().any(|e| e.path.as_str() == "metadata.name"));
/// # Ok::<(), k8s_dsl::Errors>(())
/// ```
#[derive(Debug, Clone)]
pub struct ServiceAccount {
    pub(crate) meta: Meta,
    image_pull_secrets: Vec<String>,
    automount_token: Option<bool>,
}

impl ServiceAccount {
    /// A ServiceAccount called `name` (a DNS subdomain).
    pub fn new(name: impl Into<String>) -> Self {
        ServiceAccount {
            meta: Meta::new(name),
            image_pull_secrets: Vec::new(),
            automount_token: None,
        }
    }

    meta_methods!();

    /// The account's name.
    pub fn name(&self) -> &str {
        self.meta.name.as_deref().unwrap_or_default()
    }

    /// The account's namespace, if set.
    pub fn namespace_name(&self) -> Option<&str> {
        self.meta.namespace.as_deref()
    }

    /// Adds a Secret of type `kubernetes.io/dockerconfigjson` that pods running as this
    /// account pull images with (`imagePullSecrets`). The bundle checks that it exists.
    pub fn image_pull_secret(mut self, secret: impl Into<String>) -> Self {
        self.image_pull_secrets.push(secret.into());
        self
    }

    /// Whether pods running as this account get its API token mounted
    /// (`automountServiceAccountToken`; a pod's own setting wins). `false` for workloads that
    /// never call the API.
    pub fn automount_token(mut self, automount: bool) -> Self {
        self.automount_token = Some(automount);
        self
    }

    /// The k8s-openapi `ServiceAccount`, or every error found.
    pub fn build(self) -> Result<core::ServiceAccount, Errors> {
        self.build_with_warnings().map(|(account, _)| account)
    }

    /// Like [`build`](Self::build), also returning the warnings.
    pub fn build_with_warnings(self) -> Result<(core::ServiceAccount, Vec<Warning>), Errors> {
        let account = core::ServiceAccount {
            metadata: self.meta.into_object_meta(),
            automount_service_account_token: self.automount_token,
            image_pull_secrets: (!self.image_pull_secrets.is_empty()).then(|| {
                self.image_pull_secrets
                    .into_iter()
                    .map(|name| core::LocalObjectReference { name })
                    .collect()
            }),
            secrets: None,
        };
        crate::validate::service_account(&account).finish(account)
    }
}
