//! Pods and their parts: containers, probes, lifecycle hooks, volumes, env, resources,
//! security context, scheduling, and the multi-container roles.
//!
//! A [`Pod`] holds containers, each added in a **role**. The role decides where the container
//! lands in the output (`spec.initContainers` or `spec.containers`), which API rules apply to
//! it, and which warnings [`Pod::build_with_warnings`] gives when its shape does not fit the
//! role. [`Pod::roles`] lists the containers with their roles.
//!
//! | method | output | runs |
//! |---|---|---|
//! | [`Pod::container`] | `containers` | the app |
//! | [`Pod::init_container`] | `initContainers` | to completion, in order, before the app |
//! | [`Pod::sidecar`], [`Pod::ambassador`], [`Pod::adapter`] | `initContainers`, `restartPolicy: Always` | from before the app until after it |
//! | [`Pod::classic_sidecar`], [`Pod::classic_ambassador`], [`Pod::classic_adapter`] | `containers` | beside the app |
//!
//! Init containers and native sidecars keep the order in which they were declared: a native
//! sidecar declared before an init container is started (and ready, if it has a startup or
//! readiness probe) before that init container runs.
//!
//! **Role marks in the output.** By default the output carries no trace of the roles: a
//! native sidecar is an init container with `restartPolicy: Always`, a classic sidecar is an
//! app container, and the manifest holds exactly the fields that were set. A pod can ask for
//! an annotation naming each role with [`Pod::role_annotations`]
//! (`k8s-dsl.io/roles: init=init-db,ambassador=db-proxy`), for readers of the YAML.
//!
//! # Init containers
//! Setup that must finish before the app starts: waiting for a dependency, rendering a
//! config file, running a migration. Each runs to completion, one after the other; a failure
//! restarts the pod's init sequence (per the pod's restart policy). They may not have probes
//! or lifecycle hooks (rule 17): they are not meant to keep running.
//!
//! ```
//! use k8s_dsl::prelude::*;
//!
//! let wait = |svc: &str| {
//!     Container::new(format!("init-{svc}"))
//!         .image("busybox:1.28")
//!         .command(["sh", "-c", &format!("until nslookup {svc}; do echo waiting for {svc}; sleep 2; done")])
//! };
//! let pod = Pod::new("myapp-pod")
//!     .label("app", "myapp")
//!     .init_container(wait("myservice"))
//!     .init_container(wait("mydb"))
//!     .container(
//!         Container::new("myapp-container")
//!             .image("busybox:1.28")
//!             .command(["sh", "-c", "echo The app is running! && sleep 3600"]),
//!     )
//!     .build()?;
//! let spec = pod.spec.unwrap_or_default();
//! let init: Vec<_> = spec.init_containers.unwrap_or_default().into_iter().map(|c| c.name).collect();
//! assert_eq!(init, ["init-myservice", "init-mydb"]);
//! # Ok::<(), k8s_dsl::Errors>(())
//! ```
//!
//! # Native sidecars (the default)
//! A helper that runs for the pod's whole life: a log shipper, a proxy, a config reloader.
//! [`Pod::sidecar`] makes it a *native* sidecar: an init container with `restartPolicy: Always`
//! (Kubernetes 1.29+, GA in 1.33, so every supported version has it). It starts before the app,
//! is restarted when it exits, stops after the app, may have probes and hooks, and does not
//! keep a Job's pod from completing.
//!
//! Pick a native sidecar unless you have a reason not to. Pick a **classic** sidecar
//! ([`Pod::classic_sidecar`], a second app container) when the cluster runs an older
//! Kubernetes, when the helper must start *together* with the app rather than before it,
//! or when tools you use expect every long-running container in `spec.containers`.
//!
//! ```
//! use k8s_dsl::prelude::*;
//!
//! let logs = Volume::empty_dir("logs");
//! let pod = Pod::new("app-with-shipper")
//!     .volume(&logs)
//!     .sidecar(
//!         Container::new("log-shipper")
//!             .image("fluent/fluent-bit:3.2")
//!             .mount_read_only(&logs, "/logs"),
//!     )
//!     .container(Container::new("app").image("busybox:1.36").mount(&logs, "/var/log/app"))
//!     .build()?;
//! let spec = pod.spec.unwrap_or_default();
//! let shipper = &spec.init_containers.unwrap_or_default()[0];
//! assert_eq!(shipper.restart_policy.as_deref(), Some("Always"));
//! # Ok::<(), k8s_dsl::Errors>(())
//! ```
//!
//! # Classic sidecars
//! The same helper as a second app container: it starts with the app and the pod's lifetime
//! is theirs together.
//!
//! ```
//! use k8s_dsl::prelude::*;
//!
//! let logs = Volume::empty_dir("logs");
//! let pod = Pod::new("app-with-classic-shipper")
//!     .volume(&logs)
//!     .container(Container::new("app").image("busybox:1.36").mount(&logs, "/var/log/app"))
//!     .classic_sidecar(
//!         Container::new("log-shipper")
//!             .image("fluent/fluent-bit:3.2")
//!             .mount_read_only(&logs, "/logs"),
//!     )
//!     .build()?;
//! let spec = pod.spec.unwrap_or_default();
//! assert_eq!(spec.containers.len(), 2);
//! assert!(spec.init_containers.is_none());
//! # Ok::<(), k8s_dsl::Errors>(())
//! ```
//!
//! # Ambassadors
//! A sidecar that proxies the app's **outbound** connections: the app always talks to
//! `localhost`, the ambassador knows the real address, which differs per environment. Declare
//! the port it listens on; `build_with_warnings()` warns about an ambassador without a port
//! (the app could not find it on localhost). [`Pod::ambassador`] makes it a native sidecar,
//! so it is up before the app opens its first connection; [`Pod::classic_ambassador`] makes it
//! an app container.
//!
//! ```
//! use k8s_dsl::prelude::*;
//!
//! let database = "db.prod.internal:5432"; // per environment
//! let (pod, warnings) = Pod::new("app-with-ambassador")
//!     .ambassador(
//!         Container::new("db-proxy")
//!             .image("haproxy:3.0")
//!             .env("DB_ADDRESS", database)
//!             .port(ContainerPort::tcp(5432).name("postgres")),
//!     )
//!     .container(Container::new("app").image("busybox:1.36").env("DATABASE_HOST", "localhost:5432"))
//!     .build_with_warnings()?;
//! assert!(warnings.is_empty(), "{warnings:?}");
//! # Ok::<(), k8s_dsl::Errors>(())
//! ```
//!
//! # Adapters
//! A sidecar that presents the app's output in a **standard** form, such as a Prometheus
//! exporter turning the app's own status page into metrics on a named port `metrics`. An
//! adapter without a port gets a warning (nothing could read what it adapts).
//! [`Pod::adapter`] makes it a native sidecar; [`Pod::classic_adapter`] an app container.
//!
//! ```
//! use k8s_dsl::prelude::*;
//!
//! let (pod, warnings) = Pod::new("app-with-adapter")
//!     .container(Container::new("app").image("nginx:1.27").port(ContainerPort::tcp(80).name("http")))
//!     .adapter(
//!         Container::new("exporter")
//!             .image("nginx/nginx-prometheus-exporter:1.4")
//!             .args(["--nginx.scrape-uri=http://localhost:80/stub_status"])
//!             .port(ContainerPort::tcp(9113).name("metrics")),
//!     )
//!     .build_with_warnings()?;
//! let spec = pod.spec.unwrap_or_default();
//! assert_eq!(spec.init_containers.unwrap_or_default()[0].name, "exporter");
//! # let _ = warnings;
//! # Ok::<(), k8s_dsl::Errors>(())
//! ```
//!
//! # Shared volumes
//! Containers of a pod share files through volumes. A volume is declared **once** on the pod
//! with [`Pod::volume`] and mounted by each container by handle (`&logs`) or by name
//! (`"logs"`); a mount of a volume the pod does not declare is an error that lists the
//! declared volumes. Mount read-only where a container only reads. A sidecar that neither
//! shares a volume with an app container nor declares a port gets a warning: it has no way to
//! work with the app.
//!
//! ```
//! use k8s_dsl::prelude::*;
//!
//! let htdocs = Volume::empty_dir("htdocs");
//! let logs = Volume::empty_dir("logs");
//! let pod = Pod::new("webserver")
//!     .volume(&htdocs)
//!     .volume(&logs)
//!     .container(
//!         Container::new("web")
//!             .image("nginx:1.27")
//!             .mount_read_only(&htdocs, "/usr/share/nginx/html")
//!             .mount(&logs, "/var/log/nginx"),
//!     )
//!     .container(Container::new("content").image("busybox:1.36").mount(&htdocs, "/htdocs"))
//!     .container(Container::new("logger").image("busybox:1.36").mount_read_only("logs", "/logs"))
//!     .build()?;
//! assert_eq!(pod.spec.unwrap_or_default().containers.len(), 3);
//! # Ok::<(), k8s_dsl::Errors>(())
//! ```

mod container;
mod context;
mod env;
mod lifecycle;
#[allow(clippy::module_inception)]
mod pod;
mod port;
mod probe;
mod resources;
mod roles;
mod scheduling;
mod security;
mod template;
mod topology;
mod volume;
mod volume_sources;

#[cfg(test)]
#[allow(clippy::panic, clippy::indexing_slicing, clippy::type_complexity)]
mod tests;

pub use container::{Container, VolumeMount};
pub use context::VolumeName;
pub(crate) use context::{ContainerKind, PodContext};
pub use env::{EnvFrom, EnvVar};
pub use lifecycle::Handler;
pub use pod::{DnsConfig, FsGroupChangePolicy, HostAlias, Pod, PodSecurityContext};
pub use port::ContainerPort;
pub use probe::Probe;
pub use roles::{Role, ROLES_ANNOTATION};
pub use scheduling::{Affinity, NodeTerm, PodTerm, Requirement, Toleration};
pub use security::SecurityContext;
pub use template::{pod_spec_references, PodReferences, Reference};
pub use topology::TopologySpread;
pub use volume::{
    ClaimVolume, ConfigMapVolume, DownwardApiVolume, EmptyDirVolume, HostPathVolume,
    ProjectedVolume, SecretVolume, ServiceAccountToken, Volume,
};
pub use volume_sources::{CsiVolume, EphemeralVolume, ImageVolume, NfsVolume};
