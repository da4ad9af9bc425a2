// `tests/corpus/pods/env.yaml`, imported by `k8s-dsl-import`.

use k8s_dsl::prelude::*;

/// The objects of `tests/corpus/pods/env.yaml`, in file order.
pub fn objects() -> Result<Vec<Object>, Box<dyn std::error::Error>> {
    Ok(vec![
        // Pod `env-demo` (document 1)
        Pod::new("env-demo")
            .container(
                Container::new("app")
                    .image("example/app:2.0")
                    .env("LOG_LEVEL", "debug")
                    .env("EMPTY", "")
                    .env("GREETING", "yes")
                    .env_var(EnvVar::config_map_key("DB_HOST", "db-config", "host"))
                    .env_var(EnvVar::config_map_key("DB_PORT", "db-config", "port").optional(true))
                    .env_var(EnvVar::secret_key("DB_PASSWORD", "db-secret", "password"))
                    .env_var(EnvVar::field("POD_NAME", "metadata.name"))
                    .env_var(EnvVar::field("POD_IP", "status.podIP"))
                    .env_var(EnvVar::resource("CPU_LIMIT", "limits.cpu").divisor("1m"))
                    .env_var(EnvVar::resource("MEMORY_REQUEST", "requests.memory"))
                    .env_from(EnvFrom::config_map("app-config"))
                    .env_from(
                        EnvFrom::secret("app-secret")
                            .prefix("SECRET_")
                            .optional(false),
                    )
                    .cpu("250m", "1")
                    .memory("64Mi", "128Mi"),
            )
            .build()?
            .into(),
    ])
}
