// `tests/corpus/config/secret.yaml`, imported by `k8s-dsl-import`.

use k8s_dsl::prelude::*;

/// The objects of `tests/corpus/config/secret.yaml`, in file order.
pub fn objects() -> Result<Vec<Object>, Box<dyn std::error::Error>> {
    Ok(vec![
        // Secret `db-secret` (document 1)
        Secret::new("db-secret")
            .type_(SecretType::Opaque)
            .data("binary", vec![0x00, 0x01, 0x02, 0xff])
            .data("password", "s3cr3t")
            .string_data("username", "admin")
            .build()?
            .into(),
        // Secret `tls` (document 2)
        Secret::new("tls")
            .type_(SecretType::Tls)
            .data("tls.crt", "cert")
            .data("tls.key", "key")
            .build()?
            .into(),
        // Secret `basic` (document 3)
        Secret::new("basic")
            .type_(SecretType::BasicAuth)
            .string_data("password", "t0p-Secret")
            .string_data("username", "admin")
            .immutable(true)
            .build()?
            .into(),
        // Secret `custom-type` (document 4)
        Secret::new("custom-type")
            .type_(SecretType::Other("example.com/token".to_owned()))
            .string_data("token", "abc")
            .build()?
            .into(),
    ])
}
