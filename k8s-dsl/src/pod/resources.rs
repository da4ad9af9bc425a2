//! Resource requests and limits of a container (rule 48) or of the whole pod (rule 97).

use std::collections::BTreeMap;

use k8s_openapi::api::core::v1 as api;
use k8s_openapi::apimachinery::pkg::api::resource::Quantity as ApiQuantity;

use crate::meta::non_empty_map;
use crate::rules::quantity::Quantity;
use crate::value::Parsed;

/// Requests and limits by resource name (`cpu`, `memory`, `hugepages-2Mi`,
/// `example.com/gpu`, ...). Setting a resource again replaces its earlier value.
///
/// The quantities are kept as written, in the k8s-openapi map itself: `build()` hands the maps
/// over without copying and checks them in the pod spec.
#[derive(Debug, Clone, Default, PartialEq)]
pub(crate) struct Resources {
    requests: BTreeMap<String, ApiQuantity>,
    limits: BTreeMap<String, ApiQuantity>,
}

impl Resources {
    /// Requests `quantity` of `resource`, replacing an earlier request.
    pub(crate) fn request(&mut self, resource: String, quantity: Parsed<Quantity>) {
        self.requests.insert(resource, text_of(quantity));
    }

    /// Limits `resource` to `quantity`, replacing an earlier limit.
    pub(crate) fn limit(&mut self, resource: String, quantity: Parsed<Quantity>) {
        self.limits.insert(resource, text_of(quantity));
    }

    /// Whether nothing was set.
    pub(crate) fn is_empty(&self) -> bool {
        self.requests.is_empty() && self.limits.is_empty()
    }

    /// The k8s-openapi form (rule 48 is checked with the pod spec: `validate::pod`). Names and
    /// quantities move into the result.
    pub(crate) fn into_k8s(self) -> Option<api::ResourceRequirements> {
        if self.is_empty() {
            return None;
        }
        Some(api::ResourceRequirements {
            limits: non_empty_map(self.limits),
            requests: non_empty_map(self.requests),
            ..api::ResourceRequirements::default()
        })
    }
}

/// The text of a quantity given parsed or as text (the text is checked by `build()`).
fn text_of(quantity: Parsed<Quantity>) -> ApiQuantity {
    ApiQuantity(match quantity {
        Parsed::Value(q) => q.into_text(),
        Parsed::Text(text) => text,
    })
}
