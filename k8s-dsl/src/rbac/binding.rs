//! Bindings: who ([`Subject`]) gets the permissions of which role.

use k8s_openapi::api::rbac::v1 as rbac;

use crate::account::ServiceAccount;
use crate::meta::Meta;
use crate::validate::rbac::GROUP;
use crate::validate::{Errors, Report, Warning};
use crate::workload::meta_methods;

/// Who a binding grants a role to.
///
/// ```
/// use k8s_dsl::prelude::*;
///
/// let account = ServiceAccount::new("ci").namespace("build");
/// let subject = Subject::service_account(&account).to_k8s();
/// assert_eq!((subject.name.as_str(), subject.namespace.as_deref()), ("ci", Some("build")));
/// assert_eq!(Subject::user("jane").to_k8s().api_group.as_deref(), Some("rbac.authorization.k8s.io"));
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Subject {
    /// A ServiceAccount, with its namespace (`None`: the binding's own namespace).
    ServiceAccount {
        /// Its name.
        name: String,
        /// Its namespace.
        namespace: Option<String>,
    },
    /// A user, as the authenticator names it.
    User(String),
    /// A group of users.
    Group(String),
}

impl Subject {
    /// The ServiceAccount `account`, in its namespace.
    pub fn service_account(account: &ServiceAccount) -> Self {
        Subject::ServiceAccount {
            name: account.meta.name.clone().unwrap_or_default(),
            namespace: account.meta.namespace.clone(),
        }
    }

    /// The ServiceAccount `name` of `namespace`.
    pub fn service_account_named(name: impl Into<String>, namespace: impl Into<String>) -> Self {
        Subject::ServiceAccount {
            name: name.into(),
            namespace: Some(namespace.into()),
        }
    }

    /// The user `name`.
    pub fn user(name: impl Into<String>) -> Self {
        Subject::User(name.into())
    }

    /// The group `name`.
    pub fn group(name: impl Into<String>) -> Self {
        Subject::Group(name.into())
    }

    /// The k8s-openapi `Subject`.
    pub fn to_k8s(&self) -> rbac::Subject {
        match self {
            Subject::ServiceAccount { name, namespace } => rbac::Subject {
                api_group: None,
                kind: "ServiceAccount".to_owned(),
                name: name.clone(),
                namespace: namespace.clone(),
            },
            Subject::User(name) => rbac::Subject {
                api_group: Some(GROUP.to_owned()),
                kind: "User".to_owned(),
                name: name.clone(),
                namespace: None,
            },
            Subject::Group(name) => rbac::Subject {
                api_group: Some(GROUP.to_owned()),
                kind: "Group".to_owned(),
                name: name.clone(),
                namespace: None,
            },
        }
    }
}

/// The role reference of a binding.
fn role_ref(kind: &str, name: &str) -> rbac::RoleRef {
    rbac::RoleRef {
        // `String` or `Option<String>`, by Kubernetes version.
        #[allow(clippy::useless_conversion)]
        api_group: GROUP.to_owned().into(),
        kind: kind.to_owned(),
        name: name.to_owned(),
    }
}

/// A RoleBinding: grants a Role, or a ClusterRole's permissions within one namespace, to
/// subjects. The role and the ServiceAccounts are checked against the bundle it is in.
///
/// ```
/// use k8s_dsl::prelude::*;
///
/// let account = ServiceAccount::new("web").namespace("shop");
/// let binding = RoleBinding::new("web-view")
///     .namespace("shop")
///     .cluster_role("view")
///     .subject(Subject::service_account(&account))
///     .build()?;
/// assert_eq!(binding.role_ref.kind, "ClusterRole");
///
/// let errors = RoleBinding::new("nothing").subject(Subject::user("jane")).build().unwrap_err();
/// assert!(errors.has("roleRef.name", 69));
/// # Ok::<(), k8s_dsl::Errors>(())
/// ```
#[derive(Debug, Clone)]
pub struct RoleBinding {
    pub(crate) meta: Meta,
    role: (&'static str, String),
    subjects: Vec<Subject>,
}

impl RoleBinding {
    /// A RoleBinding called `name`; name the role with [`role`](Self::role) or
    /// [`cluster_role`](Self::cluster_role).
    pub fn new(name: impl Into<String>) -> Self {
        RoleBinding {
            meta: Meta::new(name),
            role: ("Role", String::new()),
            subjects: Vec::new(),
        }
    }

    meta_methods!();

    /// Binds the Role `name` of the binding's namespace.
    pub fn role(mut self, name: impl Into<String>) -> Self {
        self.role = ("Role", name.into());
        self
    }

    /// Binds the ClusterRole `name`, within the binding's namespace.
    pub fn cluster_role(mut self, name: impl Into<String>) -> Self {
        self.role = ("ClusterRole", name.into());
        self
    }

    /// Adds a subject.
    pub fn subject(mut self, subject: Subject) -> Self {
        self.subjects.push(subject);
        self
    }

    /// The k8s-openapi `RoleBinding`, or every error found.
    pub fn build(self) -> Result<rbac::RoleBinding, Errors> {
        self.build_with_warnings().map(|(binding, _)| binding)
    }

    /// Like [`build`](Self::build), also returning the warnings.
    pub fn build_with_warnings(self) -> Result<(rbac::RoleBinding, Vec<Warning>), Errors> {
        let binding = rbac::RoleBinding {
            metadata: self.meta.into_object_meta(),
            role_ref: role_ref(self.role.0, &self.role.1),
            subjects: subjects(&self.subjects),
        };
        let report: Report = crate::validate::role_binding(&binding);
        report.finish(binding)
    }
}

/// The subjects, or `None` when there are none.
fn subjects(subjects: &[Subject]) -> Option<Vec<rbac::Subject>> {
    (!subjects.is_empty()).then(|| subjects.iter().map(Subject::to_k8s).collect())
}

/// A ClusterRoleBinding: grants a ClusterRole in every namespace. Its ServiceAccount subjects
/// must name their namespace (rule 71).
///
/// ```
/// use k8s_dsl::prelude::*;
///
/// let binding = ClusterRoleBinding::new("ops-admin")
///     .cluster_role("cluster-admin")
///     .subject(Subject::group("ops"))
///     .build()?;
/// assert_eq!(binding.role_ref.name, "cluster-admin");
///
/// let errors = ClusterRoleBinding::new("robots")
///     .cluster_role("view")
///     .subject(Subject::service_account(&ServiceAccount::new("robot")))
///     .build()
///     .unwrap_err();
/// assert!(errors.has("subjects[0].namespace", 71));
/// # Ok::<(), k8s_dsl::Errors>(())
/// ```
#[derive(Debug, Clone)]
pub struct ClusterRoleBinding {
    pub(crate) meta: Meta,
    role: String,
    subjects: Vec<Subject>,
}

impl ClusterRoleBinding {
    /// A ClusterRoleBinding called `name`; name the role with
    /// [`cluster_role`](Self::cluster_role).
    pub fn new(name: impl Into<String>) -> Self {
        ClusterRoleBinding {
            meta: Meta::new(name),
            role: String::new(),
            subjects: Vec::new(),
        }
    }

    /// Adds a label to `metadata.labels` (key and value checked when built, rule 8).
    pub fn label(mut self, key: impl Into<String>, value: impl Into<String>) -> Self {
        self.meta = self.meta.label(key, value);
        self
    }

    /// Adds an annotation to `metadata.annotations` (checked when built, rule 9).
    pub fn annotation(mut self, key: impl Into<String>, value: impl Into<String>) -> Self {
        self.meta = self.meta.annotation(key, value);
        self
    }

    /// Binds the ClusterRole `name`.
    pub fn cluster_role(mut self, name: impl Into<String>) -> Self {
        self.role = name.into();
        self
    }

    /// Adds a subject.
    pub fn subject(mut self, subject: Subject) -> Self {
        self.subjects.push(subject);
        self
    }

    /// The k8s-openapi `ClusterRoleBinding`, or every error found.
    pub fn build(self) -> Result<rbac::ClusterRoleBinding, Errors> {
        self.build_with_warnings().map(|(binding, _)| binding)
    }

    /// Like [`build`](Self::build), also returning the warnings.
    pub fn build_with_warnings(self) -> Result<(rbac::ClusterRoleBinding, Vec<Warning>), Errors> {
        let binding = rbac::ClusterRoleBinding {
            metadata: self.meta.into_object_meta(),
            role_ref: role_ref("ClusterRole", &self.role),
            subjects: subjects(&self.subjects),
        };
        crate::validate::cluster_role_binding(&binding).finish(binding)
    }
}
