//! What the checks of one container need to know about the pod around it.

/// How a container runs in its pod, which decides the rules that apply to it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum ContainerKind {
    /// A regular (app) container, in `spec.containers`.
    App,
    /// A plain init container: runs to completion before the app; no probes or hooks (rule 17).
    Init,
    /// A restartable init container (`restartPolicy: Always`): a native sidecar.
    RestartableInit,
}

/// The pod-level facts a container's checks use.
#[derive(Debug, Clone, Copy)]
pub(crate) struct PodContext {
    /// Where the container runs.
    pub kind: ContainerKind,
}

/// Anything that names a volume: a `&str`, a `String`, or a [`super::Volume`] handle.
///
/// ```
/// use k8s_dsl::prelude::*;
///
/// let cache = Volume::empty_dir("cache");
/// assert_eq!(cache.volume_name(), "cache");
/// assert_eq!("cache".volume_name(), "cache");
///
/// // `Container::mount` takes either: the handle, or the name as text.
/// let pod = Pod::new("web")
///     .volume(&cache)
///     .container(Container::new("a").image("nginx:1.27").mount(&cache, "/cache"))
///     .container(Container::new("b").image("nginx:1.27").mount(String::from("cache"), "/cache"))
///     .build()?;
/// let containers = pod.spec.unwrap().containers;
/// assert_eq!(containers[1].volume_mounts.as_ref().unwrap()[0].name, "cache");
/// # Ok::<(), k8s_dsl::Errors>(())
/// ```
pub trait VolumeName {
    /// The volume's name.
    fn volume_name(&self) -> &str;
}

impl VolumeName for str {
    fn volume_name(&self) -> &str {
        self
    }
}

impl VolumeName for &str {
    fn volume_name(&self) -> &str {
        self
    }
}

impl VolumeName for String {
    fn volume_name(&self) -> &str {
        self
    }
}
