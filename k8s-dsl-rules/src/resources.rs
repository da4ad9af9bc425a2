//! A container's resource requests and limits (rule 48, `ValidateResourceRequirements`): the
//! predicates shared by the macros' compile-time checks and the validation pass over objects.
//!
//! ```
//! use k8s_dsl_rules::quantity::Quantity;
//! use k8s_dsl_rules::resources;
//!
//! let q = |text| Quantity::parse(text).unwrap();
//! assert!(resources::request_within_limit("memory", &q("1Gi"), &q("1024Mi")).is_ok());
//! assert!(resources::request_within_limit("cpu", &q("2"), &q("1500m")).is_err());
//! // Extended resources and huge pages are never overcommitted: request == limit.
//! assert!(resources::request_within_limit("example.com/gpu", &q("1"), &q("2")).is_err());
//! assert!(!resources::overcommit_allowed("hugepages-2Mi"));
//! assert!(resources::resource_name("gpu").is_err());
//! ```

use super::quantity::{huge_page_size, Quantity};
use super::{shown, Checked, Violation};

/// Standard or domain-qualified resource names (`validateContainerResourceName`).
pub use super::quantity::resource_name;

/// Nano-units in one unit.
const NANOS: i128 = 1_000_000_000;

/// Whether `name` is a huge pages resource (`hugepages-2Mi`, `IsHugePageResourceName`).
///
/// ```
/// use k8s_dsl_rules::resources::is_huge_pages;
///
/// assert!(is_huge_pages("hugepages-1Gi"));
/// assert!(!is_huge_pages("memory"));
/// ```
pub fn is_huge_pages(name: &str) -> bool {
    name.starts_with("hugepages-")
}

/// Whether `name` is a native resource: no domain, or a `kubernetes.io/` one
/// (`IsNativeResource`).
fn is_native(name: &str) -> bool {
    !name.contains('/') || name.contains("kubernetes.io/")
}

/// Whether `name` is an extended resource (`IsExtendedResourceName`): not native, counted in
/// whole units, never overcommitted (`example.com/gpu`).
///
/// ```
/// use k8s_dsl_rules::resources::is_extended;
///
/// assert!(is_extended("nvidia.com/gpu"));
/// assert!(!is_extended("cpu"));
/// assert!(!is_extended("kubernetes.io/batch"));
/// ```
pub fn is_extended(name: &str) -> bool {
    !is_native(name) && !name.starts_with("requests.")
}

/// Whether the scheduler may overcommit `name` (`IsOvercommitAllowed`): native resources other
/// than huge pages. The others need a limit equal to the request.
///
/// ```
/// use k8s_dsl_rules::resources::overcommit_allowed;
///
/// assert!(overcommit_allowed("cpu"));
/// assert!(overcommit_allowed("ephemeral-storage"));
/// assert!(!overcommit_allowed("hugepages-2Mi"));
/// assert!(!overcommit_allowed("example.com/fpga"));
/// ```
pub fn overcommit_allowed(name: &str) -> bool {
    is_native(name) && !is_huge_pages(name)
}

/// The value of one request or limit of `name` (`ValidateResourceQuantityValue`,
/// `validateResourceQuantityHugePageValue`): not negative; a whole number for an extended
/// resource; a whole number of pages for huge pages.
///
/// ```
/// use k8s_dsl_rules::quantity::Quantity;
/// use k8s_dsl_rules::resources::quantity_value;
///
/// let q = |text| Quantity::parse(text).unwrap();
/// assert!(quantity_value("cpu", &q("250m")).is_ok());
/// assert!(quantity_value("memory", &q("-1Mi")).is_err());
/// assert!(quantity_value("example.com/gpu", &q("500m")).is_err());
/// assert!(quantity_value("hugepages-2Mi", &q("3Mi")).is_err());
/// assert!(quantity_value("hugepages-2Mi", &q("4Mi")).is_ok());
/// ```
pub fn quantity_value(name: &str, quantity: &Quantity) -> Checked {
    let nanos = quantity.as_nanos();
    if nanos < 0 {
        return Err(Violation::new(
            48,
            format!("{name} quantity {quantity} is negative"),
            "use a quantity of 0 or more",
        ));
    }
    if is_extended(name) && nanos % NANOS != 0 {
        return Err(Violation::new(
            48,
            format!(
                "{name} quantity {quantity} is not a whole number; extended resources are counted in whole units"
            ),
            "use a whole number, such as `1`",
        ));
    }
    if let Some(page) = huge_page_size(name) {
        // `Value()` rounds up to a whole number; the page size is a whole number of bytes.
        let page = page.as_nanos() / NANOS;
        let bytes = (nanos + NANOS - 1) / NANOS;
        if page > 0 && bytes % page != 0 {
            let size = name.trim_start_matches("hugepages-");
            return Err(Violation::new(
                48,
                format!("{name} quantity {quantity} is not a whole number of {size} pages"),
                format!("use a multiple of {size}"),
            ));
        }
    }
    Ok(())
}

/// A request within the limit of the same resource: at most the limit, and equal to it for a
/// resource that may not be overcommitted (huge pages, extended resources).
///
/// ```
/// use k8s_dsl_rules::quantity::Quantity;
/// use k8s_dsl_rules::resources::request_within_limit;
///
/// let q = |text| Quantity::parse(text).unwrap();
/// let v = request_within_limit("memory", &q("2Gi"), &q("1Gi")).unwrap_err();
/// assert_eq!(v.message, "memory request 2Gi is greater than its limit 1Gi");
/// let v = request_within_limit("hugepages-2Mi", &q("2Mi"), &q("4Mi")).unwrap_err();
/// assert_eq!(v.message, "hugepages-2Mi request 2Mi must equal its limit 4Mi");
/// ```
pub fn request_within_limit(name: &str, request: &Quantity, limit: &Quantity) -> Checked {
    let order = request.cmp_value(limit);
    if !overcommit_allowed(name) {
        if order.is_ne() {
            return Err(Violation::new(
                48,
                format!("{name} request {request} must equal its limit {limit}"),
                "use the same quantity for the request and the limit",
            ));
        }
    } else if order.is_gt() {
        return Err(Violation::new(
            48,
            format!("{name} request {request} is greater than its limit {limit}"),
            format!("lower the request to at most {limit} or raise the limit"),
        ));
    }
    Ok(())
}

/// A request of `name` without a limit: refused for a resource that may not be overcommitted
/// (`Limit must be set for non overcommitable resources`). `request` is the request's text.
///
/// ```
/// use k8s_dsl_rules::resources::limit_required;
///
/// assert!(limit_required("cpu", "1").is_ok());
/// assert_eq!(limit_required("example.com/gpu", "1").unwrap_err().rule, 48);
/// ```
pub fn limit_required(name: &str, request: &str) -> Checked {
    if overcommit_allowed(name) {
        return Ok(());
    }
    Err(Violation::new(
        48,
        format!(
            "{} has a request and no limit; it cannot be overcommitted, so a limit equal to the request is required",
            shown(name)
        ),
        format!("add a limit of {} for {}", shown(request), shown(name)),
    ))
}

/// Huge pages need a cpu or memory request or limit besides them; `names` are those of the
/// requests and the limits.
///
/// ```
/// use k8s_dsl_rules::resources::huge_pages_need_cpu_or_memory;
///
/// assert!(huge_pages_need_cpu_or_memory(["hugepages-2Mi"]).is_err());
/// assert!(huge_pages_need_cpu_or_memory(["hugepages-2Mi", "memory"]).is_ok());
/// assert!(huge_pages_need_cpu_or_memory(["cpu"]).is_ok());
/// ```
pub fn huge_pages_need_cpu_or_memory<'a>(names: impl IntoIterator<Item = &'a str>) -> Checked {
    let (mut huge, mut compute) = (false, false);
    for name in names {
        huge |= is_huge_pages(name);
        compute |= name == "cpu" || name == "memory";
    }
    if huge && !compute {
        return Err(Violation::new(
            48,
            "huge pages require a cpu or memory request or limit",
            "add a memory (or cpu) limit besides the huge pages",
        ));
    }
    Ok(())
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    fn q(text: &str) -> Quantity {
        Quantity::parse(text).unwrap()
    }

    #[test]
    fn rule_48_request_within_limit() {
        assert!(request_within_limit("cpu", &q("1"), &q("1000m")).is_ok());
        assert!(request_within_limit("cpu", &q("500m"), &q("1")).is_ok());
        assert!(request_within_limit("memory", &q("1025Mi"), &q("1Gi")).is_err());
        // One byte above.
        assert!(request_within_limit("memory", &q("1073741825"), &q("1Gi")).is_err());
        assert!(request_within_limit("example.com/gpu", &q("2"), &q("2")).is_ok());
        assert!(request_within_limit("example.com/gpu", &q("1"), &q("2")).is_err());
        assert!(request_within_limit("hugepages-2Mi", &q("4Mi"), &q("2Mi")).is_err());
        // A `kubernetes.io/` resource is native: it may be overcommitted.
        assert!(request_within_limit("kubernetes.io/x", &q("1"), &q("2")).is_ok());
    }

    #[test]
    fn rule_48_may_not_be_overcommitted() {
        for name in ["hugepages-2Mi", "example.com/gpu", "nvidia.com/gpu"] {
            assert!(!overcommit_allowed(name), "{name}");
            assert!(limit_required(name, "1").is_err(), "{name}");
        }
        for name in ["cpu", "memory", "ephemeral-storage", "kubernetes.io/x"] {
            assert!(overcommit_allowed(name), "{name}");
            assert!(limit_required(name, "1").is_ok(), "{name}");
        }
    }

    #[test]
    fn rule_48_quantity_values() {
        assert!(quantity_value("cpu", &q("0")).is_ok());
        assert!(quantity_value("cpu", &q("-1m")).is_err());
        assert!(quantity_value("example.com/gpu", &q("2")).is_ok());
        assert!(quantity_value("example.com/gpu", &q("1.5")).is_err());
        assert!(quantity_value("hugepages-1Gi", &q("2Gi")).is_ok());
        assert!(quantity_value("hugepages-1Gi", &q("1536Mi")).is_err());
    }

    #[test]
    fn rule_48_standard_or_qualified_resource_names() {
        for ok in [
            "cpu",
            "memory",
            "ephemeral-storage",
            "hugepages-2Mi",
            "example.com/gpu",
        ] {
            assert!(resource_name(ok).is_ok(), "{ok}");
        }
        for bad in ["gpu", "CPU", "hugepages-x", "requests.example.com/gpu"] {
            assert_eq!(resource_name(bad).unwrap_err().rule, 48, "{bad}");
        }
    }
}
