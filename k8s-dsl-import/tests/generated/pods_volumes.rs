// `tests/corpus/pods/volumes.yaml`, imported by `k8s-dsl-import`.

use k8s_dsl::prelude::*;

/// The objects of `tests/corpus/pods/volumes.yaml`, in file order.
pub fn objects() -> Result<Vec<Object>, Box<dyn std::error::Error>> {
    Ok(vec![
        // Pod `volumes-demo` (document 1)
        Pod::new("volumes-demo")
            .container(
                Container::new("app")
                    .image("example/app:1.0")
                    .env_var(EnvVar::field("POD_NAME", "metadata.name"))
                    .limit("memory", "128Mi")
                    .mount("scratch", "/scratch")
                    .mount("cache", "/cache")
                    .mount_read_only("config", "/etc/app")
                    .volume_mount(
                        VolumeMount::new("config", "/etc/app-main.conf").sub_path("main.conf"),
                    )
                    .mount_read_only("certs", "/etc/certs")
                    .mount("data", "/data")
                    .mount("podinfo", "/etc/podinfo")
                    .mount("bundle", "/var/run/bundle")
                    .volume_mount(
                        VolumeMount::new("host-logs", "/host/logs")
                            .read_only()
                            .propagation(MountPropagation::HostToContainer),
                    )
                    .volume_mount(
                        VolumeMount::new("scratch", "/per-pod").sub_path_expr("$(POD_NAME)"),
                    ),
            )
            .volume(Volume::empty_dir("scratch"))
            .volume(
                Volume::empty_dir("cache")
                    .medium(StorageMedium::Memory)
                    .size_limit("64Mi"),
            )
            .volume(
                Volume::config_map("config", "app-config")
                    .item("main.conf", "main.conf")
                    .item("extra.conf", "conf.d/extra.conf")
                    .default_mode(0o644)
                    .optional(),
            )
            .volume(Volume::secret("certs", "app-tls").default_mode(0o400))
            .volume(Volume::persistent_volume_claim("data", "app-data").read_only())
            .volume(
                Volume::downward_api("podinfo")
                    .field_item("labels", "metadata.labels")
                    .resource_item("memory-limit", "app", "limits.memory")
                    .default_mode(0o444),
            )
            .volume(
                Volume::projected("bundle")
                    .config_map("app-config")
                    .secret_items("app-tls", [("tls.crt", "tls.crt")])
                    .field_item("namespace", "metadata.namespace")
                    .service_account_token(
                        ServiceAccountToken::new("token")
                            .audience("vault")
                            .expiration(Duration::hours(1)),
                    )
                    .default_mode(0o440),
            )
            .volume(Volume::host_path("host-logs", "/var/log").kind("Directory"))
            .service_account_name("reader")
            .build()?
            .into(),
    ])
}
