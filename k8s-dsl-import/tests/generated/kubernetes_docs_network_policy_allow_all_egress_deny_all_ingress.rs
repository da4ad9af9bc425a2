// `tests/corpus/kubernetes-docs/network-policy-allow-all-egress-deny-all-ingress.yaml`, imported by `k8s-dsl-import`.
//
// Fields without a builder method, kept as they are:
// - NetworkPolicy/allow-egress-deny-ingress `spec.ingress`: kept as JSON
// - NetworkPolicy/allow-egress-deny-ingress `spec.policyTypes`: kept as JSON

use k8s_dsl::prelude::*;

/// The objects of `tests/corpus/kubernetes-docs/network-policy-allow-all-egress-deny-all-ingress.yaml`, in file order.
pub fn objects() -> Result<Vec<Object>, Box<dyn std::error::Error>> {
    Ok(vec![
        // NetworkPolicy `allow-egress-deny-ingress` (document 1)
        with_fields(
            NetworkPolicy::new("allow-egress-deny-ingress")
                .deny_ingress()
                .allow_egress([], [])
                .build()?,
            vec![
                // `spec.ingress`: no builder method
                ("/spec/ingress", serde_json::json!([])),
                // `spec.policyTypes`: no builder method
                (
                    "/spec/policyTypes",
                    serde_json::json!(["Egress", "Ingress"]),
                ),
            ],
        )?
        .into(),
    ])
}

/// Sets fields that have no builder method on a built object, at their JSON pointers.
fn with_fields<T>(
    object: T,
    fields: Vec<(&str, serde_json::Value)>,
) -> Result<T, Box<dyn std::error::Error>>
where
    T: k8s_openapi::serde::Serialize + k8s_openapi::serde::de::DeserializeOwned,
{
    let mut value = serde_json::to_value(object)?;
    for (pointer, field) in fields {
        let mut slot = &mut value;
        for token in pointer.split('/').skip(1) {
            let token = token.replace("~1", "/").replace("~0", "~");
            if slot.is_null() {
                *slot = serde_json::Value::Object(serde_json::Map::new());
            }
            slot = match slot {
                serde_json::Value::Object(map) => {
                    map.entry(token).or_insert(serde_json::Value::Null)
                }
                serde_json::Value::Array(items) => {
                    match token.parse::<usize>().ok().and_then(|i| items.get_mut(i)) {
                        Some(item) => item,
                        None => return Err(format!("no list item for `{pointer}`").into()),
                    }
                }
                _ => return Err(format!("no place for `{pointer}`").into()),
            };
        }
        *slot = field;
    }
    Ok(serde_json::from_value(value)?)
}
