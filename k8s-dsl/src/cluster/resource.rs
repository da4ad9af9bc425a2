//! Typed custom resources in a bundle: any `kube::Resource` with its `apiVersion` and `kind`
//! from the type, and a `CustomResourceDefinition` as it is.

use k8s_openapi::apiextensions_apiserver::pkg::apis::apiextensions::v1::CustomResourceDefinition;
use serde::Serialize;
use serde_json::Value;

use crate::bundle::{IntoObject, Object, ObjectId};
use crate::validate::{Error, Errors, FieldPath, Warning};

/// A value of any type implementing `kube::Resource` (a `#[derive(CustomResource)]` type,
/// kopium's output, a k8s-openapi object), for [`Bundle::add`](crate::bundle::Bundle::add):
/// its `apiVersion` and `kind` come from the type, and it is checked like any custom object
/// (its metadata with the API server's rules). A kind the crate types itself (a Deployment)
/// becomes that typed object.
///
/// ```
/// use k8s_dsl::cluster::Typed;
/// use k8s_dsl::prelude::*;
/// use k8s_openapi::apiextensions_apiserver::pkg::apis::apiextensions::v1::CustomResourceDefinition;
///
/// // Any `kube::Resource`; here a k8s-openapi type, as `#[derive(CustomResource)]` makes one.
/// let mut crd = CustomResourceDefinition::default();
/// crd.metadata.name = Some("backups.example.com".into());
/// let bundle = Bundle::new().add(Typed(crd));
/// let object = bundle.objects()[0];
/// assert_eq!(object.kind(), "CustomResourceDefinition");
/// let json = serde_json::to_value(object)?;
/// assert_eq!(json["apiVersion"], "apiextensions.k8s.io/v1");
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq)]
pub struct Typed<K>(pub K);

impl<K> IntoObject for Typed<K>
where
    K: kube::Resource<DynamicType = ()> + Serialize,
{
    fn object_id(&self) -> ObjectId {
        ObjectId::new(&K::kind(&()), self.0.meta())
    }

    fn into_object(self) -> Result<(Object, Vec<Warning>), Errors> {
        let id = self.object_id();
        let fail = |path: &str, message: String| {
            Errors {
            errors: vec![Error {
                path: FieldPath::parse(path),
                rule: 0,
                message,
                fix: "give the type a serialization that Kubernetes reads (`#[derive(CustomResource)]` does)".into(),
            }],
            warnings: Vec::new(),
        }
        };
        let mut value =
            serde_json::to_value(&self.0).map_err(|e| fail("", format!("{id}: {e}")))?;
        let Some(map) = value.as_object_mut() else {
            return Err(fail("", format!("{id} serializes as no JSON object")));
        };
        map.insert(
            "apiVersion".into(),
            Value::String(K::api_version(&()).into()),
        );
        map.insert("kind".into(), Value::String(K::kind(&()).into()));
        let (object, _unknown) =
            crate::read::object_from_value(&value).map_err(|e| fail(&e.path, e.message.clone()))?;
        object.into_object()
    }
}

/// A `CustomResourceDefinition` (from `Foo::crd()`) goes into a bundle as it is: a kind of its
/// own, applied before the custom resources (and every workload), and waited for by
/// [`apply`](super::apply) until it is `Established`.
///
/// ```
/// use k8s_dsl::prelude::*;
/// use k8s_openapi::apiextensions_apiserver::pkg::apis::apiextensions::v1::CustomResourceDefinition;
///
/// let mut crd = CustomResourceDefinition::default();
/// crd.metadata.name = Some("backups.example.com".into());
/// let bundle = Bundle::new()
///     .add(CustomResource::new("example.com/v1", "Backup", "nightly"))
///     .add(ConfigMap::new("settings"))
///     .add(crd);
/// let kinds: Vec<&str> = bundle.objects().into_iter().map(|o| o.kind()).collect();
/// assert_eq!(kinds, ["CustomResourceDefinition", "ConfigMap", "Backup"]);
/// ```
impl IntoObject for CustomResourceDefinition {
    fn object_id(&self) -> ObjectId {
        ObjectId::new("CustomResourceDefinition", &self.metadata)
    }

    fn into_object(self) -> Result<(Object, Vec<Warning>), Errors> {
        Typed(self).into_object()
    }
}
