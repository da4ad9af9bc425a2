// `tests/corpus/config/configmap.yaml`, imported by `k8s-dsl-import`.

use k8s_dsl::prelude::*;

/// The objects of `tests/corpus/config/configmap.yaml`, in file order.
pub fn objects() -> Result<Vec<Object>, Box<dyn std::error::Error>> {
    Ok(vec![
        // ConfigMap `app-config` (document 1)
        ConfigMap::new("app-config")
            .namespace("shop")
            .data("log.level", "info")
            .data(
                "nginx.conf",
                "server {\n  listen 80;\n  location / { root /usr/share/nginx/html; }\n}\n",
            )
            .data("on", "yes")
            .data("time", "12:30")
            .binary_data(
                "logo.png",
                vec![0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a],
            )
            .immutable(true)
            .build()?
            .into(),
    ])
}
